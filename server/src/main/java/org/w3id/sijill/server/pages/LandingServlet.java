package org.w3id.sijill.server.pages;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /}: the landing page.
 *
 * <pre>{@code
 * builder.addServlet("", new LandingServlet(pages));
 * }</pre>
 */
public final class LandingServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient SijillPages pages;

    public LandingServlet(SijillPages pages) {
        this.pages = pages;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        PageResponses.serve(req, resp, pages, pages::landing);
    }
}
