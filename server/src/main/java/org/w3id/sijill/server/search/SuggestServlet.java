package org.w3id.sijill.server.search;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.server.http.PlainText;
import org.w3id.sijill.server.pages.PageLanguage;

/**
 * {@code GET /api/search/suggest?q=…&lang=ar|en}: up to {@value #LIMIT} resources for the header
 * box's autocomplete, {@code {"query":…,"suggestions":[{"iri","label","typeLabel","href","scheme"} ({@code scheme} only for a concept)]}}, names
 * and class labels in {@code lang}.
 *
 * <pre>{@code
 * builder.addServlet("/api/search/suggest", new SuggestServlet(TextIndexReloadModule.servedIndex(registry)));
 * }</pre>
 */
public final class SuggestServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final int LIMIT = 8;
    private final transient ServedTextIndex index;

    /** @param index the index of the release served (each request reads one release's) */
    public SuggestServlet(ServedTextIndex index) {
        this.index = index;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            SearchParams p = SearchParams.read(req);
            PageLanguage lang = PageLanguage.fromCode(req.getParameter("lang")).orElse(PageLanguage.EN);
            JsonObject o = new JsonObject();
            o.put("query", p.q() == null ? "" : p.q());
            JsonArray list = new JsonArray();
            if (p.q() != null) {
                List<SearchHit> hits;
                SearchLabels labels;
                try (ReleaseBound.Lease<ReleaseTextIndex> lease = index.lease()) {
                    hits = lease.get().search().suggest(p.q(), LIMIT);
                    labels = lease.get().labels();
                }
                for (SearchHit h : hits) {
                    JsonObject x = new JsonObject();
                    x.put("iri", h.iri());
                    x.put("label", h.name(lang.code()));
                    x.put("typeLabel", labels.type(h.type(), lang));
                    String scheme = h.scheme(lang.code());
                    if (scheme != null) x.put("scheme", scheme);
                    x.put("href", SearchLabels.pageHref(h.iri(), lang));
                    list.add(x);
                }
            }
            o.put("suggestions", list);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            JSON.write(out, o);
            byte[] bytes = out.toByteArray();
            resp.setStatus(200);
            resp.setContentType("application/json; charset=utf-8");
            resp.setHeader("Cache-Control", "public, max-age=300");
            resp.setContentLength(bytes.length);
            if (!"HEAD".equals(req.getMethod())) resp.getOutputStream().write(bytes);
        } catch (SijillException e) {
            PlainText.send(resp, e.kind().httpStatus(), e.getMessage());
        }
    }
}
