package org.w3id.sijill.server.pages;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.w3id.sijill.server.ld.HttpCaching;

/**
 * {@code GET /}: the landing page, with an entity tag per release, language, published dumps and
 * day; a client's current copy gets {@code 304} before anything is read from the store.
 *
 * <pre>{@code
 * builder.addServlet("", new LandingServlet(pages, new HttpCaching(site::release, site.maxAge())));
 * }</pre>
 */
public final class LandingServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final int LANDING_MAX_AGE_SECONDS = 300;
    private final transient SijillPages pages;
    private final transient HttpCaching caching;

    /** @param pages the renderer, @param caching validators tied to the data release */
    public LandingServlet(SijillPages pages, HttpCaching caching) {
        this.pages = pages;
        this.caching = caching;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String variant = pages.landingVariant() + "-" + PageResponses.pageRequest(req).lang().code();
        boolean current = caching.notModified(req, resp, variant);
        // five minutes, as before: the downloads it lists appear when the dumps are written
        resp.setHeader("Cache-Control", "public, max-age=" + LANDING_MAX_AGE_SECONDS);
        if (current) {
            resp.addHeader("Vary", "Accept-Language, Cookie");
            return;
        }
        PageResponses.serve(req, resp, pages, pages::landing);
    }
}
