package org.w3id.sijill.server.pages;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.w3id.sijill.core.SijillException;

/**
 * The files served under {@code /static/}: the pages' own stylesheets, scripts and icon (classpath
 * {@code static/}), and the YASGUI query editor under {@code /static/yasgui/} (copied there from npm
 * at build time, see {@code server/frontend}).
 * Only well-formed relative paths are resolved, so no request can reach other classpath entries.
 *
 * <pre>{@code
 * Optional<StaticResources.Resource> css = StaticResources.find("sijill.css");
 * }</pre>
 */
public final class StaticResources {
    private StaticResources() {}

    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]*(/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*");
    private static final Map<String, String> TYPES = Map.of(
            "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8", "svg", "image/svg+xml",
            "png", "image/png", "ico", "image/x-icon", "woff2", "font/woff2", "txt", "text/plain; charset=utf-8");

    /**
     * A static file.
     *
     * @param bytes its content
     * @param contentType its media type
     */
    public record Resource(byte[] bytes, String contentType) {}

    /**
     * @param path the path after {@code /static/}
     * @return the file, if the path is safe and names one
     */
    public static Optional<Resource> find(String path) {
        if (path == null || !SAFE_PATH.matcher(path).matches() || path.contains("..")) return Optional.empty();
        int dot = path.lastIndexOf('.');
        String type = dot < 0 ? null : TYPES.get(path.substring(dot + 1).toLowerCase(Locale.ROOT));
        if (type == null) return Optional.empty();
        String classpath = "static/" + path;
        try (InputStream in = StaticResources.class.getClassLoader().getResourceAsStream(classpath)) {
            if (in == null) return Optional.empty();
            return Optional.of(new Resource(in.readAllBytes(), type));
        } catch (IOException e) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "cannot read " + classpath + ": " + e.getMessage(), e);
        }
    }
}
