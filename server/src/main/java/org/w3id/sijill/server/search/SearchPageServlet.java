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
 * builder.addServlet("/search", new SearchPageServlet(TextIndexReloadModule.servedIndex(registry), new SearchPage()));
 * }</pre>
 */
public final class SearchPageServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SearchPageServlet.class);
    /** Results per page. */
    public static final int PAGE_SIZE = 20;

    private final transient ServedTextIndex index;
    private final transient SearchPage page;

    /** @param index the index of the release served (each request reads one release's), @param page the page builder */
    public SearchPageServlet(ServedTextIndex index, SearchPage page) {
        this.index = index;
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
            RenderedPage out;
            try (ReleaseBound.Lease<ReleaseTextIndex> lease = index.lease()) {
                out = page.render(bare, lease.get().labels(), null, null, reason);
            }
            writeWithoutParameters(resp, out);
            return;
        }
        RenderedPage out;
        // one release's index and names for the whole page, even if the server switches meanwhile
        try (ReleaseBound.Lease<ReleaseTextIndex> lease = index.lease()) {
            out = render(lease.get(), r, p);
        }
        PageResponses.write(req, resp, out);
    }

    private RenderedPage render(ReleaseTextIndex release, PageRequest r, SearchParams p) {
        if (p.q() == null) return page.render(r, release.labels(), null, null, null);
        try {
            return page.render(r, release.labels(), p.q().strip(), release.search().search(p.request(PAGE_SIZE)), null);
        } catch (SijillException e) {
            if (e.kind().httpStatus() >= 500) {
                LOG.warn("search failed: {}", e.getMessage(), e);
                throw e;
            }
            return page.render(r, release.labels(), p.q().strip(), null, e.getMessage());
        }
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
