package org.w3id.sijill.server.pages;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

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
            resp.setStatus(404);
            resp.setContentType("text/plain; charset=utf-8");
            resp.getOutputStream().write(("no static file '" + path + "'\n").getBytes(StandardCharsets.UTF_8));
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
