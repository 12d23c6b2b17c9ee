package org.w3id.sijill.server.search;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.server.pages.PageLanguage;
import org.w3id.sijill.server.pages.PageRequest;
import org.w3id.sijill.server.pages.PageResponses;
import org.w3id.sijill.server.pages.RenderedPage;

/**
 * {@code GET /search?q=…[&lang=ar|en][&type=…][&country=…][&page=…]}: the search page; without
 * {@code q} the form with examples; refused input (too long, only stop words, a bad parameter or
 * query string) the form with the reason, status 400.
 *
 * <pre>{@code
 * builder.addServlet("/search", new SearchPageServlet(search, new SearchPage(labels)));
 * }</pre>
 */
public final class SearchPageServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SearchPageServlet.class);
    /** Results per page. */
    public static final int PAGE_SIZE = 20;

    private final transient RegisterSearch search;
    private final transient SearchPage page;

    public SearchPageServlet(RegisterSearch search, SearchPage page) {
        this.search = search;
        this.page = page;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        PageRequest r;
        SearchParams p;
        try {
            r = PageResponses.pageRequest(req);
            p = SearchParams.read(req);
        } catch (RuntimeException e) {
            // the parameters could not be decoded: answer in the default language without them
            PageRequest bare = new PageRequest(PageLanguage.EN, "/search", java.util.Map.of(), "");
            String reason = e instanceof SijillException s ? s.getMessage()
                    : "the query string is not valid percent-encoded UTF-8: " + e.getMessage();
            writeWithoutParameters(resp, page.render(bare, null, null, reason));
            return;
        }
        RenderedPage out;
        if (p.q() == null) {
            out = page.render(r, null, null, null);
        } else {
            try {
                out = page.render(r, p.q().strip(), search.search(p.request(PAGE_SIZE)), null);
            } catch (SijillException e) {
                if (e.kind().httpStatus() >= 500) {
                    LOG.warn("search failed: {}", e.getMessage(), e);
                    throw e;
                }
                out = page.render(r, p.q().strip(), null, e.getMessage());
            }
        }
        PageResponses.write(req, resp, out);
    }

    /** Writes a page for a request whose parameters cannot be read (PageResponses.write reads {@code lang}). */
    private static void writeWithoutParameters(HttpServletResponse resp, RenderedPage p) throws IOException {
        byte[] body = p.html().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        resp.setStatus(p.status());
        resp.setContentType("text/html; charset=utf-8");
        resp.setHeader("Content-Language", p.lang().code());
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }
}
