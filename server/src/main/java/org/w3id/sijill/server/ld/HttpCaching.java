package org.w3id.sijill.server.ld;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.function.Supplier;
import java.time.Instant;
import org.w3id.sijill.server.Release;
import org.w3id.sijill.server.SoftwareBuild;

/**
 * Cache validators tied to the data release and the code that renders it: {@code ETag}
 * {@code "{release}-{code build}-{variant}"}, {@code Last-Modified} the later of the release's and
 * the code's build time, {@code Cache-Control: public, max-age=…}, and
 * the conditional-request check ({@code If-None-Match} first, else {@code If-Modified-Since}).
 * Pages and data use it alike.
 *
 * <pre>{@code
 * HttpCaching caching = new HttpCaching(site::release, site.maxAge());
 * if (caching.notModified(request, response, "ttl")) return;   // 304 sent
 * ... write the body ...
 * }</pre>
 */
public final class HttpCaching {
    private final Supplier<Release> current;
    private final Duration maxAge;

    /** Validators of one fixed release. */
    public HttpCaching(Release release, Duration maxAge) {
        this(() -> release, maxAge);
    }

    /** Validators of the release served at the time of each request ({@code site::release}), so they follow a live reload. */
    public HttpCaching(Supplier<Release> release, Duration maxAge) {
        this.current = release;
        this.maxAge = maxAge;
    }

    /**
     * @param variant what distinguishes representations of one URL (format, query string, language)
     * @return the strong entity tag, quoted
     */
    public String etag(String variant) {
        return etag(current.get(), variant);
    }

    /** The tag names the release, the build of the code that renders it, and the variant. */
    private static String etag(Release release, String variant) {
        String v = variant.replaceAll("[^A-Za-z0-9._-]", "_");
        return "\"" + release.id() + "-" + SoftwareBuild.current().stamp() + "-" + v + "\"";
    }

    /** @return the later of the release's build and the code's build: either changes the representation */
    private static Instant lastModified(Release release) {
        Instant code = SoftwareBuild.current().built();
        return code.isAfter(release.built()) ? code : release.built();
    }

    /**
     * Sets the validators and cache lifetime and, when the client's copy is current, answers
     * {@code 304 Not Modified}.
     *
     * @return {@code true} when 304 was sent and the caller must not write a body
     */
    public boolean notModified(HttpServletRequest request, HttpServletResponse response, String variant) {
        Release release = current.get();
        String etag = etag(release, variant);
        Instant modified = lastModified(release);
        response.setHeader("ETag", etag);
        response.setDateHeader("Last-Modified", modified.toEpochMilli());
        response.setHeader("Cache-Control", "public, max-age=" + maxAge.toSeconds());
        String inm = request.getHeader("If-None-Match");
        if (inm != null) {
            if (matches(inm, etag)) {
                response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                return true;
            }
            return false;
        }
        long ims;
        try {
            ims = request.getDateHeader("If-Modified-Since");
        } catch (IllegalArgumentException e) {
            return false;  // unparseable date: RFC 9110 says ignore the header
        }
        if (ims >= 0 && !modified.isAfter(Instant.ofEpochMilli(ims))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return true;
        }
        return false;
    }

    /**
     * Sets {@code ETag} and {@code Cache-Control} for an entity whose tag is known, and answers
     * {@code 304} when the request's {@code If-None-Match} names it.
     *
     * @return true when the 304 was sent and nothing more is to be written
     */
    public static boolean notModified(HttpServletRequest request, HttpServletResponse response, String etag, Duration maxAge) {
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", "public, max-age=" + maxAge.toSeconds());
        String inm = request.getHeader("If-None-Match");
        if (inm != null && matches(inm, etag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return true;
        }
        return false;
    }

    /**
     * @param ifNoneMatch an {@code If-None-Match} header value
     * @param etag        the current (strong, quoted) entity tag
     * @return whether the header names that entity (weak comparison; {@code *} matches all)
     */
    public static boolean matches(String ifNoneMatch, String etag) {
        String bare = etag.substring(1, etag.length() - 1);
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.equals("*")) return true;
            if (t.startsWith("W/")) t = t.substring(2);
            if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) t = t.substring(1, t.length() - 1);
            // Jetty's gzip layer marks compressed variants "--gzip"; they are the same entity.
            if (t.endsWith("--gzip")) t = t.substring(0, t.length() - "--gzip".length());
            if (t.equals(bare)) return true;
        }
        return false;
    }
}
