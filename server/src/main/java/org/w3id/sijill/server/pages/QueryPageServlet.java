package org.w3id.sijill.server.pages;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /query}: the query page; {@code ?example=name} prefills an example from
 * {@code queries/}, {@code ?query=} prefills a query text.
 *
 * <pre>{@code
 * builder.addServlet("/query", new QueryPageServlet(pages));
 * }</pre>
 */
public final class QueryPageServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient SijillPages pages;

    public QueryPageServlet(SijillPages pages) {
        this.pages = pages;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        PageResponses.serve(req, resp, pages, r -> pages.queryPage(r, req.getParameter("example"), req.getParameter("query")));
    }
}
