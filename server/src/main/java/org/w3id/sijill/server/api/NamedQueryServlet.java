package org.w3id.sijill.server.api;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecException;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.Lang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.query.NamedQuery;
import org.w3id.sijill.query.NamedQueryCatalog;
import org.w3id.sijill.server.Site;
import org.w3id.sijill.server.ld.AcceptHeader;
import org.w3id.sijill.vocab.SIJILL;

/**
 * The named-query API: {@code GET /api/queries} lists the project's queries as a JSON-LD
 * document (an object whose {@code queries} member holds each query's name, title, description,
 * parameters and examples, with the published {@code @context}); {@code application/ld+json} or
 * {@code application/json} by {@code Accept}; {@code GET /api/queries/{name}?param=value…} runs one with
 * its parameters bound by substitution and answers SPARQL results (JSON, XML, CSV or TSV by
 * {@code Accept} or {@code ?format=}); {@code GET /api/queries/{name}.rq} gives its text.
 *
 * <pre>{@code
 * curl -H 'Accept: text/csv' 'http://localhost:3030/api/queries/cq01-topic-status-by-country?topic=https://w3id.org/sijill/id/concept/law-topic/cybercrime'
 * }</pre>
 */
public final class NamedQueryServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Map<String, Lang> FORMATS = new LinkedHashMap<>();
    static {
        FORMATS.put("json", ResultSetLang.RS_JSON);
        FORMATS.put("xml", ResultSetLang.RS_XML);
        FORMATS.put("csv", ResultSetLang.RS_CSV);
        FORMATS.put("tsv", ResultSetLang.RS_TSV);
    }

    private final transient NamedQueryCatalog catalog;
    private final transient DatasetGraph dataset;
    private final Duration timeout;
    private final transient Site site;

    public NamedQueryServlet(NamedQueryCatalog catalog, DatasetGraph dataset, Duration timeout, Site site) {
        this.catalog = catalog;
        this.dataset = dataset;
        this.timeout = timeout;
        this.site = site;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo().replaceFirst("^/", "");
        if (path.isEmpty()) {
            AcceptHeader accept = AcceptHeader.parse(req.getHeader("Accept"));
            // JSON-LD either way; its own media type only to a client that prefers it to plain JSON
            boolean ld = accept.quality("application/ld+json") > accept.quality("application/json");
            res.setHeader("Vary", "Accept");
            send(res, ld ? "application/ld+json" : "application/json", listing(req));
            return;
        }
        if (path.endsWith(".rq")) {
            NamedQuery q = catalog.get(path.substring(0, path.length() - 3));
            res.setContentType("application/sparql-query; charset=utf-8");
            res.getOutputStream().write(q.text().getBytes(StandardCharsets.UTF_8));
            return;
        }
        NamedQuery q = catalog.get(path);
        Lang lang = chooseFormat(req);
        Query query = q.bind(parameters(req));
        if (!query.isSelectType()) {
            throw new SijillException(SijillException.Kind.BAD_INPUT, "query '" + q.name() + "' is not a SELECT query");
        }
        // Run to the end before answering, so that a refusal or a time-out gets its own status.
        ResultSet results = Txn.calculateRead(dataset, () -> {
            try (QueryExec exec = QueryExec.dataset(dataset).query(query)
                    .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).build()) {
                return ResultSet.adapt(exec.select()).materialise();
            } catch (QueryCancelledException e) {
                throw new SijillException(SijillException.Kind.TIMEOUT,
                        "query '" + q.name() + "' ran past the time limit of " + timeout.toSeconds() + " s", e);
            } catch (QueryExecException e) {
                throw new SijillException(SijillException.Kind.BAD_INPUT,
                        "query '" + q.name() + "' cannot run with these parameters: " + e.getMessage(), e);
            } catch (ActionErrorException e) {
                // raised by the SERVICE allow-list: Fuseki's own error type, with its status
                throw new SijillException(e.getRC() == 403 ? SijillException.Kind.FORBIDDEN : SijillException.Kind.BAD_INPUT,
                        e.getMessage(), e);
            }
        });
        res.setContentType(lang.getHeaderString() + "; charset=utf-8");
        res.setHeader("Vary", "Accept");
        try (OutputStream out = res.getOutputStream()) {
            ResultSetMgr.write(out, results, lang);
        }
    }

    private Map<String, List<String>> parameters(HttpServletRequest req) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        req.getParameterMap().forEach((name, given) -> {
            if (!"format".equals(name)) values.put(name, List.of(given));
        });
        return values;
    }

    private static Lang chooseFormat(HttpServletRequest req) {
        String format = req.getParameter("format");
        if (format != null) {
            Lang lang = FORMATS.get(format.toLowerCase(Locale.ROOT));
            if (lang == null) {
                throw new SijillException(SijillException.Kind.BAD_INPUT,
                        "unknown format '" + format + "'; use one of " + FORMATS.keySet());
            }
            return lang;
        }
        List<String> offered = new ArrayList<>();
        FORMATS.values().forEach(l -> offered.add(l.getHeaderString()));
        String accept = req.getHeader("Accept");
        AcceptHeader parsed = AcceptHeader.parse(accept);
        // SPARQL JSON results are JSON: a client asking for application/json gets them.
        String chosen = parsed.choose(offered).or(() -> parsed.quality("application/json") > 0
                ? java.util.Optional.of(ResultSetLang.RS_JSON.getHeaderString()) : java.util.Optional.empty()).orElseThrow(() -> new SijillException(
                SijillException.Kind.NOT_ACCEPTABLE, "no acceptable format for '" + AcceptHeader.forMessage(accept) + "'; available: " + offered));
        return FORMATS.values().stream().filter(l -> l.getHeaderString().equals(chosen)).findFirst().orElseThrow();
    }

    /** Terms of the listing that the published context does not define. */
    static final String API_NS = SIJILL.BASE + "api/queries#";

    /**
     * The listing as a JSON-LD document: the published context (at this server's
     * {@code /context.jsonld}) and a local one for the listing's own keys; each query is the node
     * of its URL, its {@code examples} a JSON literal (their keys are parameter names, not terms).
     */
    private JsonObject listing(HttpServletRequest req) {
        String base = site.baseFor(req);
        JsonObject doc = new JsonObject();
        JsonArray context = new JsonArray();
        context.add(base + "context.jsonld");
        JsonObject local = new JsonObject();
        local.put("url", "@id");
        local.put("queries", "http://schema.org/itemListElement");
        local.put("name", "http://schema.org/identifier");
        local.put("check", API_NS + "check");
        local.put("parameters", API_NS + "parameter");
        local.put("type", API_NS + "parameterType");
        local.put("repeatable", API_NS + "repeatable");
        JsonObject text = new JsonObject();
        text.put("@id", API_NS + "text");
        text.put("@type", "@id");
        local.put("text", text);
        JsonObject examples = new JsonObject();
        examples.put("@id", API_NS + "examples");
        examples.put("@type", "@json");
        local.put("examples", examples);
        context.add(local);
        doc.put("@context", context);
        doc.put("url", base + "api/queries");
        doc.put("@type", "http://schema.org/ItemList");
        JsonArray all = new JsonArray();
        for (NamedQuery q : catalog.all()) {
            JsonObject o = new JsonObject();
            o.put("url", base + "api/queries/" + q.name());
            o.put("@type", "http://schema.org/SoftwareSourceCode");
            o.put("name", q.name());
            o.put("title", q.title());
            o.put("description", q.description());
            o.put("check", q.isViolationCheck());
            JsonArray params = new JsonArray();
            q.parameters().forEach(p -> {
                JsonObject po = new JsonObject();
                po.put("name", p.name());
                po.put("type", p.type().name().toLowerCase(Locale.ROOT));
                po.put("repeatable", p.repeatable());
                po.put("description", p.description());
                params.add(po);
            });
            o.put("parameters", params);
            JsonObject ex = new JsonObject();
            q.examples().forEach((k, vs) -> {
                JsonArray a = new JsonArray();
                vs.forEach(a::add);
                ex.put(k, a);
            });
            o.put("examples", ex);
            o.put("text", base + "api/queries/" + q.name() + ".rq");
            all.add(o);
        }
        doc.put("queries", all);
        return doc;
    }

    private static void send(HttpServletResponse res, String mediaType, JsonObject body) throws IOException {
        byte[] bytes = JSON.toString(body).getBytes(StandardCharsets.UTF_8);
        res.setContentType(mediaType + "; charset=utf-8");
        res.setContentLength(bytes.length);
        res.getOutputStream().write(bytes);
    }
}
