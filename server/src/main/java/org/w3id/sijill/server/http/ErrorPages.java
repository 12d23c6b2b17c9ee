package org.w3id.sijill.server.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.w3id.sijill.server.ld.AcceptHeader;

/**
 * How an error reaches a client: a person's browser (a {@code GET}, {@code HEAD} or HTML-form
 * {@code POST} that prefers {@code text/html} to {@code text/plain}) gets the site's error page from the renderer that the
 * pages module registered in the servlet context under {@link #ATTRIBUTE}; every other client, and
 * any server without pages, gets the reason as {@link PlainText}.
 *
 * <pre>{@code
 * builder.addServletAttribute(ErrorPages.ATTRIBUTE, (ErrorPages.Renderer) (req, resp, status, msg) -> ...);
 * ErrorPages.send(request, response, 404, "No resource <...> in Sijill.");
 * }</pre>
 */
public final class ErrorPages {
    private ErrorPages() {}

    /** The servlet-context attribute holding the {@link Renderer}. */
    public static final String ATTRIBUTE = "org.w3id.sijill.errorPages";

    /** Writes an error page. */
    @FunctionalInterface
    public interface Renderer {
        /**
         * @param message the reason, in English (exception and Fuseki messages are)
         */
        void render(HttpServletRequest request, HttpServletResponse response, int status, String message) throws IOException;
    }

    /** @return whether this request is a person's browser asking for a page (or sending an HTML form) */
    public static boolean wantsPage(HttpServletRequest request) {
        String method = request.getMethod();
        String type = request.getContentType();
        boolean form = "POST".equals(method) && type != null
                && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
        if (!"GET".equals(method) && !"HEAD".equals(method) && !form) return false;
        AcceptHeader accept = AcceptHeader.parse(request.getHeader("Accept"));
        return accept.quality("text/html") > accept.quality("text/plain");
    }

    /** What a "not ready yet" answer ({@code NOT_READY}, 503) tells the client to wait, in seconds. */
    public static final int RETRY_AFTER_SECONDS = 10;

    /**
     * Sets the headers an error of this kind needs besides its status: a {@code NOT_READY} answer
     * says when to try again and is not to be cached.
     */
    public static void headersFor(HttpServletResponse response, org.w3id.sijill.core.SijillException e) {
        if (e.kind() == org.w3id.sijill.core.SijillException.Kind.NOT_READY) {
            response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
            response.setHeader("Cache-Control", "no-store");
        }
    }

    /** Sends an error as a page or as plain text (see the class comment). */
    public static void send(HttpServletRequest request, HttpServletResponse response, int status, String message) throws IOException {
        Object renderer = request.getServletContext() == null ? null : request.getServletContext().getAttribute(ATTRIBUTE);
        if (!UnreadBody.discard(request, UnreadBody.REFUSAL_BYTES, UnreadBody.REFUSAL_NANOS)) response.setHeader("Connection", "close");
        if (renderer instanceof Renderer r && wantsPage(request)) {
            response.resetBuffer();
            r.render(request, response, status, message);
        } else {
            PlainText.send(response, status, message);
        }
    }
}
