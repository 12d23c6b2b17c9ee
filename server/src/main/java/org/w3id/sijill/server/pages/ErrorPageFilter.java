package org.w3id.sijill.server.pages;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.w3id.sijill.server.http.ErrorPages;
import org.w3id.sijill.server.http.FolderAddresses;
import org.w3id.sijill.server.http.PlainText;
import org.w3id.sijill.server.http.UnreadBody;

/**
 * Site-styled errors for every path: a servlet filter that (1) redirects a page address with a
 * trailing slash ({@code /compare/}, {@code /page/country/EG/}) to the address without it, and
 * (2) turns every {@code sendError} behind it (Fuseki's and Jetty's 404 for unknown paths, 405,
 * …, and the plain-text errors Fuseki's SPARQL endpoint writes, e.g. a query it cannot parse)
 * into the site's error page, with the same status and the reason, when the client is a browser
 * ({@link ErrorPages#wantsPage}),
 * and into a plain-text reason for other clients (never Jetty's default page). The folders modules declare
 * ({@link FolderAddresses}: the downloads, the API documentation) and Fuseki's {@code /$/} paths
 * keep their slash.
 *
 * <pre>{@code
 * builder.addFilter("/*", new ErrorPageFilter(renderer));
 * }</pre>
 */
public final class ErrorPageFilter implements Filter {
    private final ErrorPages.Renderer renderer;

    /** @param renderer writes the site's error page */
    public ErrorPageFilter(ErrorPages.Renderer renderer) {
        this.renderer = renderer;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String path = request.getRequestURI();
        String method = request.getMethod();
        if (("GET".equals(method) || "HEAD".equals(method)) && path.length() > 1 && path.endsWith("/")
                && !FolderAddresses.isFolder(request.getServletContext(), path) && !path.startsWith("/$/")) {
            String target = path.replaceAll("/+$", "");
            if (target.isEmpty()) target = "/";
            String query = request.getQueryString();
            response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            response.setHeader("Location", query == null ? target : target + "?" + query);
            return;
        }
        PageErrors wrapped = new PageErrors(request, response, renderer);
        chain.doFilter(req, wrapped);
        wrapped.finish();
    }

    private static String reason(int status) {
        String phrase = org.eclipse.jetty.http.HttpStatus.getMessage(status);
        return status + " " + (phrase == null ? "Error" : phrase);
    }

    /**
     * The response wrapper that renders errors as a page for browsers: {@code sendError}, and a
     * plain-text error body written after {@code setStatus(4xx/5xx)}, as Fuseki's SPARQL endpoint
     * answers a query it cannot parse (its text is held back and becomes the page's reason).
     */
    private static final class PageErrors extends HttpServletResponseWrapper {
        /** The most of a held-back reason shown on the page. */
        private static final int MAX_REASON = 2000;
        private final HttpServletRequest request;
        private final ErrorPages.Renderer renderer;
        private final boolean page;
        private int status = SC_OK;
        private Long heldLength;
        private ByteArrayOutputStream held;

        PageErrors(HttpServletRequest request, HttpServletResponse response, ErrorPages.Renderer renderer) {
            super(response);
            this.request = request;
            this.renderer = renderer;
            this.page = ErrorPages.wantsPage(request);
        }

        private boolean errorForPage() {
            return page && status >= 400 && held == null && !isCommitted();
        }

        @Override
        public void setStatus(int sc) {
            status = sc;
            super.setStatus(sc);
        }

        @Override
        public void setContentLength(int len) {
            setContentLengthLong(len);
        }

        @Override
        public void setContentLengthLong(long len) {
            // an error's length is known only once it is clear whether it becomes a page
            if (errorForPage() || held != null) heldLength = len;
            else super.setContentLengthLong(len);
        }

        private boolean holdBody() {
            if (held != null) return true;
            String type = getContentType();
            if (errorForPage() && type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("text/plain")) {
                held = new ByteArrayOutputStream();
                return true;
            }
            if (heldLength != null) {
                super.setContentLengthLong(heldLength);
                heldLength = null;
            }
            return false;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            return holdBody() ? new HeldStream(held) : super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            return holdBody() ? new PrintWriter(new OutputStreamWriter(held, StandardCharsets.UTF_8), true) : super.getWriter();
        }

        @Override
        public void flushBuffer() throws IOException {
            if (held == null) super.flushBuffer();
        }

        /** Renders the held-back error, if any, once the chain is done. */
        void finish() throws IOException {
            if (held == null && heldLength != null && !getResponse().isCommitted()) {
                // an error page written without a body (HEAD): its length as the servlet gave it
                super.setContentLengthLong(heldLength);
            }
            if (held == null || getResponse().isCommitted()) return;
            String reason = held.toString(StandardCharsets.UTF_8).strip();
            if (reason.length() > MAX_REASON) reason = reason.substring(0, MAX_REASON) + "…";
            getResponse().resetBuffer();
            renderer.render(request, (HttpServletResponse) getResponse(), status, reason);
        }

        @Override
        public void sendError(int sc) throws IOException {
            sendError(sc, null);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            if (isCommitted()) {
                super.sendError(sc, msg);
                return;
            }
            resetBuffer();
            if (!UnreadBody.discard(request, UnreadBody.REFUSAL_BYTES,
                    UnreadBody.REFUSAL_NANOS)) {
                setHeader("Connection", "close");
            }
            if (!page) {
                // Never Jetty's own HTML page: other clients get the reason as plain text.
                PlainText.send((HttpServletResponse) getResponse(), sc, msg == null || msg.isBlank() ? reason(sc) : msg);
                return;
            }
            // Jetty's bare reason phrase ("Not Found") says nothing the page's title does not
            boolean phrase = msg == null || msg.isBlank() || msg.equalsIgnoreCase(org.eclipse.jetty.http.HttpStatus.getMessage(sc));
            renderer.render(request, (HttpServletResponse) getResponse(), sc, phrase ? "" : msg);
        }
    }

    /** A servlet stream into a buffer; text goes in as UTF-8. */
    private static final class HeldStream extends ServletOutputStream {
        private final ByteArrayOutputStream out;

        HeldStream(ByteArrayOutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            out.write(b, off, len);
        }

        @Override
        public void print(String s) {
            out.writeBytes(String.valueOf(s).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new IllegalStateException("a held-back error body is written blocking");
        }
    }
}
