package org.w3id.sijill.server.pages;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.w3id.sijill.server.http.ErrorPages;
import org.w3id.sijill.server.http.PlainText;

/**
 * Site-styled errors for every path: a servlet filter that (1) redirects a page address with a
 * trailing slash ({@code /compare/}, {@code /page/country/EG/}) to the address without it, and
 * (2) turns every {@code sendError} behind it (Fuseki's and Jetty's 404 for unknown paths, 405,
 * …) into the site's error page when the client is a browser ({@link ErrorPages#wantsPage}),
 * and into a plain-text reason for other clients (never Jetty's default page). The download folder {@code /dumps/} and Fuseki's
 * {@code /$/} paths keep their slash.
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

    /** Addresses that are folders (an index page), kept with their slash: the downloads and the API documentation. */
    static final java.util.Set<String> FOLDERS = java.util.Set.of("/dumps/", "/api/docs/", "/api/v1/docs/");

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String path = request.getRequestURI();
        String method = request.getMethod();
        if (("GET".equals(method) || "HEAD".equals(method)) && path.length() > 1 && path.endsWith("/")
                && !FOLDERS.contains(path) && !path.startsWith("/$/")) {
            String target = path.replaceAll("/+$", "");
            if (target.isEmpty()) target = "/";
            String query = request.getQueryString();
            response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            response.setHeader("Location", query == null ? target : target + "?" + query);
            return;
        }
        chain.doFilter(req, new PageErrors(request, response, renderer));
    }

    private static String reason(int status) {
        String phrase = org.eclipse.jetty.http.HttpStatus.getMessage(status);
        return status + " " + (phrase == null ? "Error" : phrase);
    }

    /** The response wrapper that renders {@code sendError} as a page for browsers. */
    private static final class PageErrors extends HttpServletResponseWrapper {
        private final HttpServletRequest request;
        private final ErrorPages.Renderer renderer;

        PageErrors(HttpServletRequest request, HttpServletResponse response, ErrorPages.Renderer renderer) {
            super(response);
            this.request = request;
            this.renderer = renderer;
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
            if (!ErrorPages.wantsPage(request)) {
                // Never Jetty's own HTML page: other clients get the reason as plain text.
                PlainText.send((HttpServletResponse) getResponse(), sc, msg == null || msg.isBlank() ? reason(sc) : msg);
                return;
            }
            renderer.render(request, (HttpServletResponse) getResponse(), sc, msg == null || msg.isBlank() ? "" : msg);
        }
    }
}
