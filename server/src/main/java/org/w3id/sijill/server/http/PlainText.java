package org.w3id.sijill.server.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes short plain-text answers (errors, refusals, redirects' bodies): the one way the Sijill
 * modules tell a client why, without HTML error pages or stack traces.
 *
 * <pre>{@code
 * PlainText.send(response, 404, "No resource <https://w3id.org/sijill/id/x> in Sijill");
 * }</pre>
 */
public final class PlainText {
    private PlainText() {}

    /**
     * Refuses a request: reads away the body it did not read first (see {@link UnreadBody}), so
     * that the connection stays usable for the client's next request, then sends the reason.
     */
    public static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String message) throws IOException {
        if (!UnreadBody.discard(request, UnreadBody.REFUSAL_BYTES, UnreadBody.REFUSAL_NANOS)) response.setHeader("Connection", "close");
        send(response, status, message);
    }

    /**
     * @param response the response, not yet committed
     * @param status   the HTTP status
     * @param message  one or two lines for the client
     */
    public static void send(HttpServletResponse response, int status, String message) throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("text/plain; charset=utf-8");
        byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
