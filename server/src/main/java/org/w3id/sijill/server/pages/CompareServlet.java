package org.w3id.sijill.server.pages;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.w3id.sijill.server.ld.HttpCaching;

/**
 * {@code GET /compare?country=LB&country=SY[&country=…]}: two to six Arab League states side by
 * side across the law topics; without {@code country} the form to choose them. Bad codes or
 * counts are answered 400 with the reason.
 *
 * <pre>{@code
 * builder.addServlet("/compare", new CompareServlet(pages, new HttpCaching(site::release, site.maxAge())));
 * }</pre>
 */
public final class CompareServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient SijillPages pages;
    private final transient HttpCaching caching;

    /**
     * @param pages the renderer
     * @param caching validators tied to the data release (the comparison changes only with the data)
     */
    public CompareServlet(SijillPages pages, HttpCaching caching) {
        this.pages = pages;
        this.caching = caching;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        PageRequest pr = PageResponses.pageRequest(req);
        String variant = "compare-" + pr.lang().code() + "-" + (req.getQueryString() == null ? "" : req.getQueryString());
        if (caching.notModified(req, resp, variant)) return;
        PageResponses.serve(req, resp, pages, r -> pages.compare(r, r.values("country")));
    }
}
