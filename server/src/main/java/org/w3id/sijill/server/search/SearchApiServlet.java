package org.w3id.sijill.server.search;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.server.Site;
import org.w3id.sijill.server.http.PlainText;
import org.w3id.sijill.server.ld.AcceptHeader;
import org.w3id.sijill.search.SearchAnalyzers;
import org.w3id.sijill.vocab.SIJILL;

/**
 * {@code GET /api/search?q=…[&lang=ar|en][&type=Organization][&country=EG][&page=1][&limit=20]}:
 * the search as JSON,
 * {@code {"query":…,"total":…,"page":…,"results":[{"iri","label","type","country","countries","score","snippet","scheme"}]}}
 * ({@code label} in {@code lang}, default English, falling back to the other language), or as
 * JSON-LD with the published context ({@code Accept: application/ld+json} or
 * {@code ?format=jsonld}). Bad input is answered 400 with the reason in plain text.
 *
 * <pre>{@code
 * // curl 'http://localhost:3030/api/search?q=NTRA'
 * builder.addServlet("/api/search", new SearchApiServlet(TextIndexReloadModule.servedIndex(registry), site));
 * }</pre>
 */
public final class SearchApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SearchApiServlet.class);
    static final String SEARCH_NS = SIJILL.BASE + "search#";

    private final transient ServedTextIndex index;
    private final transient Site site;

    /** @param index the index of the release served (each request reads one release's), @param site the server's settings */
    public SearchApiServlet(ServedTextIndex index, Site site) {
        this.index = index;
        this.site = site;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            SearchParams p = SearchParams.read(req);
            String lang = SearchAnalyzers.primaryLanguage(req.getParameter("lang"));
            if (!lang.equals("ar")) lang = "en";
            boolean jsonLd = "jsonld".equals(req.getParameter("format"))
                    || (req.getParameter("format") == null && AcceptHeader.parse(req.getHeader("Accept"))
                        .choose(List.of("application/json", "application/ld+json")).map("application/ld+json"::equals).orElse(false));
            SearchResults r;
            try (ReleaseBound.Lease<ReleaseTextIndex> lease = index.lease()) {
                r = lease.get().search().search(p.request(20));
            }
            JsonObject body = jsonLd ? jsonLd(r, lang, site.baseFor(req)) : json(r, lang);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            JSON.write(out, body);
            byte[] bytes = out.toByteArray();
            resp.setStatus(200);
            resp.setContentType((jsonLd ? "application/ld+json" : "application/json") + "; charset=utf-8");
            resp.setHeader("Cache-Control", "public, max-age=300");
            resp.addHeader("Vary", "Accept");
            resp.setContentLength(bytes.length);
            if (!"HEAD".equals(req.getMethod())) resp.getOutputStream().write(bytes);
        } catch (SijillException e) {
            if (e.kind().httpStatus() >= 500) LOG.warn("search failed: {}", e.getMessage(), e);
            PlainText.send(resp, e.kind().httpStatus(), e.getMessage());
        }
    }

    static JsonObject json(SearchResults r, String lang) {
        JsonObject o = new JsonObject();
        o.put("query", r.request().text());
        o.put("total", r.total());
        o.put("page", r.request().page());
        JsonArray results = new JsonArray();
        for (SearchHit h : r.hits()) {
            JsonObject x = new JsonObject();
            x.put("iri", h.iri());
            x.put("label", h.name(lang));
            x.put("type", h.type());
            x.put("country", h.countries().isEmpty() ? org.apache.jena.atlas.json.JsonNull.instance : new org.apache.jena.atlas.json.JsonString(h.countries().get(0)));
            x.put("countries", strings(h.countries()));
            x.put("score", org.apache.jena.atlas.json.JsonNumber.value(Math.round(h.score() * 1000) / 1000.0));
            x.put("snippet", h.snippetText());
            // a concept's scheme tells apart concepts of the same name (three "Cybercrime" concepts)
            String scheme = h.scheme(lang);
            x.put("scheme", scheme == null ? org.apache.jena.atlas.json.JsonNull.instance : new org.apache.jena.atlas.json.JsonString(scheme));
            results.add(x);
        }
        o.put("results", results);
        return o;
    }

    static JsonObject jsonLd(SearchResults r, String lang, String base) {
        JsonObject o = new JsonObject();
        JsonArray context = new JsonArray();
        context.add(base + "context.jsonld");
        JsonObject local = new JsonObject();
        local.put("iri", "@id");
        local.put("type", typed("rdf:type"));
        local.put("query", "http://schema.org/query");
        local.put("total", "http://schema.org/numberOfItems");
        JsonObject results = new JsonObject();
        results.put("@id", "http://schema.org/itemListElement");
        results.put("@container", "@list");
        local.put("results", results);
        local.put("score", SEARCH_NS + "score");
        local.put("snippet", SEARCH_NS + "snippet");
        local.put("page", SEARCH_NS + "page");
        context.add(local);
        o.put("@context", context);
        o.put("@type", "http://schema.org/SearchResultsPage");
        o.put("query", r.request().text());
        o.put("total", r.total());
        o.put("page", r.request().page());
        JsonArray items = new JsonArray();
        for (SearchHit h : r.hits()) {
            JsonObject x = new JsonObject();
            x.put("iri", h.iri());
            JsonObject label = new JsonObject();
            label.put("@value", h.name(lang));
            String labelLang = ("ar".equals(lang) ? h.nameAr() : h.nameEn()) != null ? lang : (lang.equals("ar") ? "en" : "ar");
            label.put("@language", labelLang);
            x.put("label", label);
            x.put("type", h.type());
            x.put("country", strings(h.countries().stream().map(c -> SIJILL.ID + "country/" + c).toList()));
            x.put("score", org.apache.jena.atlas.json.JsonNumber.value(Math.round(h.score() * 1000) / 1000.0));
            x.put("snippet", h.snippetText());
            items.add(x);
        }
        o.put("results", items);
        return o;
    }

    private static JsonObject typed(String id) {
        JsonObject t = new JsonObject();
        t.put("@id", id);
        t.put("@type", "@id");
        return t;
    }

    private static JsonArray strings(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }
}
