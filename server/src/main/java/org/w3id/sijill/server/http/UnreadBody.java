package org.w3id.sijill.server.http;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;

/**
 * Reads away the part of a request body nobody read, so that a refusal leaves the connection
 * usable. When a handler answers without reading the body and the last bytes of the body have not
 * arrived yet, Jetty closes the connection after the answer without a {@code Connection: close}
 * header; a keep-alive client that sends its next request on that connection then gets no answer
 * at all. Reading the body first (a bounded amount, for a bounded time) avoids that, and when the
 * bound is reached the answer says {@code Connection: close}.
 *
 * <pre>{@code
 * if (!UnreadBody.discard(request, UnreadBody.REFUSAL_BYTES, UnreadBody.REFUSAL_NANOS)) response.setHeader("Connection", "close");
 * }</pre>
 */
public final class UnreadBody {
    private UnreadBody() {}

    /** What a refusal reads away at most before answering, and for how long. */
    public static final long REFUSAL_BYTES = 16L << 20;
    public static final long REFUSAL_NANOS = TimeUnit.SECONDS.toNanos(2);

    /**
     * @return {@code true} when the body has been read to its end (or there was none), {@code false}
     *         when a bound was reached first or the body could not be read
     */
    public static boolean discard(HttpServletRequest request, long maxBytes, long maxNanos) {
        boolean chunked = request.getHeader("Transfer-Encoding") != null;
        if (request.getContentLengthLong() <= 0 && !chunked) return true;
        // a client that waits for "100 Continue" sends no body unless asked: nothing will arrive
        if ("100-continue".equalsIgnoreCase(request.getHeader("Expect"))) return true;
        InputStream in;
        try {
            in = request.getInputStream();
        } catch (IllegalStateException e) {
            return true;  // the body was read as a reader (form parameters): it is consumed already
        } catch (IOException e) {
            return false;
        }
        byte[] sink = new byte[64 * 1024];
        long read = 0, start = System.nanoTime();
        try {
            int n;
            while ((n = in.read(sink)) >= 0) {
                read += n;
                if (read > maxBytes || System.nanoTime() - start > maxNanos) return false;
            }
            return true;
        } catch (IOException e) {
            return false;  // the client went away or sent a broken body: close the connection after answering
        }
    }
}
