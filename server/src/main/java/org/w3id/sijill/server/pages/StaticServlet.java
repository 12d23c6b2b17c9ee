package org.w3id.sijill.server.pages;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.w3id.sijill.server.http.ErrorPages;

/**
 * {@code GET /static/*}: the stylesheets, scripts, icon and the YASGUI editor files
 * (see {@link StaticResources}); unknown paths answer 404 with a reason.
 *
 * <pre>{@code
 * builder.addServlet("/static/*", new StaticServlet());
 * }</pre>
 */
public final class StaticServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String info = req.getPathInfo();
        String path = info == null ? "" : info.startsWith("/") ? info.substring(1) : info;
        Optional<StaticResources.Resource> r = StaticResources.find(path);
        if (r.isEmpty()) {
            ErrorPages.send(req, resp, 404, "no static file '" + path + "'");
            return;
        }
        resp.setStatus(200);
        resp.setContentType(r.get().contentType());
        resp.setHeader("Cache-Control", "public, max-age=86400");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setContentLength(r.get().bytes().length);
        if (!"HEAD".equals(req.getMethod())) resp.getOutputStream().write(r.get().bytes());
    }
}
