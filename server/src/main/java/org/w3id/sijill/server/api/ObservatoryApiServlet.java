package org.w3id.sijill.server.api;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.server.commitments.CommitmentRequest;
import org.w3id.sijill.server.commitments.CommitmentTables;
import org.w3id.sijill.server.commitments.Commitments;
import org.w3id.sijill.server.ld.HttpCaching;
import org.w3id.sijill.server.observatory.BadRequest;
import org.w3id.sijill.server.observatory.InstrumentIndex;
import org.w3id.sijill.server.observatory.Matrix;
import org.w3id.sijill.server.observatory.Observatory;
import org.w3id.sijill.server.observatory.Selection;
import org.w3id.sijill.server.observatory.Snapshot;
import org.w3id.sijill.server.observatory.Table;
import org.w3id.sijill.server.observatory.TableFormat;
import org.w3id.sijill.server.observatory.TableResponses;
import org.w3id.sijill.server.observatory.Tables;
import org.w3id.sijill.server.pages.LanguageNegotiator;
import org.w3id.sijill.server.pages.PageLanguage;

/**
 * The comparison API, versioned under {@code /api/v1/} with the unversioned {@code /api/} paths as
 * aliases: {@code compare} (claims per state, topic and source, with {@code country}, {@code topic},
 * {@code source}, {@code group}, {@code asOf}), {@code countries}, {@code topics}, {@code sources},
 * {@code instruments?country=…}, and (issue 14) {@code treaties} (participation claims, {@code country},
 * {@code treaty}), {@code scores} (ITU GCI, {@code country}) and {@code strategies} (first national
 * strategy, {@code country}); each as JSON (default), JSON-LD or CSV by {@code format=} or
 * {@code Accept}, in {@code lang=ar|en}; {@code openapi.json} (OpenAPI 3.1) and {@code docs/} (Swagger
 * UI from its webjar). Countries by ISO alpha-2 or alpha-3 code, M49 code or IRI, any case. ETags
 * are tied to the data release. Bad input: 400 with the reason in the language asked for.
 *
 * <pre>{@code
 * GET /api/v1/compare?country=lb&country=SYR&topic=cybercrime&asOf=2019&lang=ar
 * }</pre>
 */
public final class ObservatoryApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ObservatoryApiServlet.class);
    /** The endpoints, also served unversioned under {@code /api/}. */
    public static final List<String> PATHS = List.of("compare", "countries", "topics", "sources", "instruments", "treaties", "scores",
            "strategies", "openapi.json", "docs");
    private static final List<TableFormat> FORMATS = List.of(TableFormat.JSON, TableFormat.JSONLD, TableFormat.CSV);
    private static final String OPENAPI = "/api/openapi.json";

    private final transient Observatory observatory;
    private final transient HttpCaching caching;

    public ObservatoryApiServlet(Observatory observatory, HttpCaching caching) {
        this.observatory = observatory;
        this.caching = caching;
    }

    /** @return the endpoint a request path names ("compare", "docs/…"), without the version */
    static String endpoint(String uri) {
        String p = uri.startsWith("/api/v1/") ? uri.substring("/api/v1/".length()) : uri.startsWith("/api/") ? uri.substring(5) : uri;
        return p.endsWith("/") && !p.equals("docs/") ? p.substring(0, p.length() - 1) : p;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String endpoint = endpoint(req.getRequestURI());
        PageLanguage lang = PageLanguage.EN;
        boolean json = true;
        try {
            String langParam = req.getParameter("lang");
            if (langParam != null && PageLanguage.fromCode(langParam.strip().toLowerCase(Locale.ROOT)).isEmpty()) {
                throw new BadRequest("obs.error.lang", langParam);
            }
            lang = LanguageNegotiator.choose(langParam == null ? null : langParam.strip().toLowerCase(Locale.ROOT), null,
                    req.getHeader("Accept-Language"));
            if (endpoint.equals("docs") || endpoint.startsWith("docs/")) {
                docs(req, resp, endpoint);
                return;
            }
            if (endpoint.equals("openapi.json")) {
                if (caching.notModified(req, resp, "openapi")) return;
                resource(resp, OPENAPI, "application/json");
                return;
            }
            if (!List.of("compare", "countries", "topics", "sources", "instruments", "treaties", "scores", "strategies").contains(endpoint)) {
                resp.setStatus(404);
                resp.setContentType("application/json");
                resp.getOutputStream().write(("{\"status\":404,\"error\":\"no API endpoint '" + endpoint.replaceAll("[^A-Za-z0-9._/-]", "_")
                        + "'; see /api/openapi.json\"}").getBytes(StandardCharsets.UTF_8));
                return;
            }
            TableFormat format = TableFormat.choose(req.getParameter("format"), req.getHeader("Accept"), FORMATS);
            json = format != TableFormat.CSV;
            Snapshot s = observatory.ready();
            Map<String, List<String>> params = TableResponses.params(req);
            if (endpoint.equals("instruments")) {
                instruments(req, resp, s, params, format, lang);
                return;
            }
            Table table = switch (endpoint) {
                case "compare" -> {
                    Selection sel = Selection.of(s, params);
                    Matrix m = Matrix.of(s, sel);
                    Table claims = Tables.claims(s, m, lang);
                    Map<String, Object> meta = new LinkedHashMap<>(claims.meta());
                    meta.remove("statusCodes");
                    meta.put("cells", cells(m));
                    yield new Table(claims.name(), claims.columns(), claims.rows(), claims.nodes(), meta);
                }
                case "countries" -> { Selection.of(s, params); yield Tables.countries(s, lang); }
                case "topics" -> { Selection.of(s, params); yield Tables.topics(s, lang); }
                case "sources" -> { Selection.of(s, params); yield Tables.sources(s, lang); }
                case "treaties" -> {
                    Commitments c = observatory.commitments();
                    yield CommitmentTables.treaties(c, CommitmentRequest.states(s, params, List.of("country", "treaty", "lang", "format")),
                            CommitmentRequest.treaty(c, params), lang);
                }
                case "scores" -> CommitmentTables.scores(observatory.commitments(),
                        CommitmentRequest.states(s, params, List.of("country", "lang", "format")), lang);
                // "strategies": the endpoint was checked against the list above
                default -> CommitmentTables.strategies(observatory.commitments(),
                        CommitmentRequest.states(s, params, List.of("country", "lang", "format")), lang);
            };
            if (caching.notModified(req, resp, variant(req, endpoint, format, lang))) return;
            TableResponses.write(req, resp, table, format, lang);
        } catch (BadRequest e) {
            TableResponses.badRequest(resp, e, lang, json);
        } catch (SijillException e) {
            LOG.warn("{} failed: {}", req.getRequestURI(), e.getMessage());
            org.w3id.sijill.server.http.ErrorPages.headersFor(resp, e);
            resp.setStatus(e.kind().httpStatus());
            resp.setContentType("text/plain; charset=utf-8");
            resp.getOutputStream().write((e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String variant(HttpServletRequest req, String endpoint, TableFormat format, PageLanguage lang) {
        return "api-" + endpoint + "-" + format.code() + "-" + lang.code() + "-" + (req.getQueryString() == null ? "" : req.getQueryString());
    }

    /**
     * One page of a state's instruments, which grow with the register: the parameters are checked,
     * a conditional request is answered from the release and the page alone is made (its rows cut
     * from the state's instrument list, made once per snapshot; the count is that list's size).
     */
    private void instruments(HttpServletRequest req, HttpServletResponse resp, Snapshot s, Map<String, List<String>> params,
                             TableFormat format, PageLanguage lang) throws IOException {
        Map<String, List<String>> selection = new LinkedHashMap<>(params);
        selection.remove("offset");
        selection.remove("limit");
        Selection sel = Selection.of(s, selection);
        if (sel.countries().size() != 1) throw new BadRequest("obs.error.instruments.country", sel.countries().size());
        TablePage page = TablePage.of(params);
        Snapshot.State state = sel.countries().get(0);
        int total = InstrumentIndex.of(s, state).size();
        String next = page.next(total, req.getRequestURI(), params);
        if (next != null) resp.setHeader("Link", "<" + next + ">; rel=\"next\"");
        if (caching.notModified(req, resp, variant(req, "instruments", format, lang))) return;
        Table rows = Tables.instruments(s, state, lang, page.from(total), page.to(total));
        Map<String, Object> meta = page.facts(total);
        if (next != null) meta.put("next", next);
        TableResponses.write(req, resp, new Table(rows.name(), rows.columns(), rows.rows(), rows.nodes(), meta), format, lang);
    }

    private static List<Map<String, Object>> cells(Matrix m) {
        return m.cells().stream().flatMap(List::stream).map(c -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("country", c.state().iso2());
            o.put("topic", c.topic().code());
            o.put("status", c.summary());
            o.put("relation", c.kind().code());
            o.put("claims", c.current().stream().map(Snapshot.Claim::iri).toList());
            // the newest few: a cell's earlier claims grow with the register, the answer does not
            List<Snapshot.Claim> earlier = c.earlier();
            o.put("earlierClaims", earlier.subList(Math.max(0, earlier.size() - org.w3id.sijill.server.observatory.ObservatoryViews.CELL_CLAIMS),
                    earlier.size()).stream().map(Snapshot.Claim::iri).toList());
            o.put("earlierCount", earlier.size());
            return o;
        }).toList();
    }

    private void docs(HttpServletRequest req, HttpServletResponse resp, String endpoint) throws IOException {
        String file = endpoint.equals("docs") || endpoint.equals("docs/") ? "" : endpoint.substring("docs/".length());
        if (file.isEmpty()) {
            // "/api/docs" without its slash was redirected to the folder (FolderAddresses)
            resource(resp, "/api/docs.html", "text/html; charset=utf-8");
            return;
        }
        if (file.equals("docs-init.js")) {
            resource(resp, "/api/docs-init.js", "text/javascript; charset=utf-8");
            return;
        }
        if (!file.matches("[A-Za-z0-9_.-]+\\.(js|css|png)") ) {
            resp.sendError(404);
            return;
        }
        String type = file.endsWith(".css") ? "text/css; charset=utf-8" : file.endsWith(".png") ? "image/png" : "text/javascript; charset=utf-8";
        resource(resp, "/META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion() + "/" + file, type);
    }

    /** @return the Swagger UI version of the webjar on the classpath */
    static String swaggerUiVersion() {
        try (InputStream in = ObservatoryApiServlet.class.getResourceAsStream("/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) throw new SijillException(SijillException.Kind.ENVIRONMENT, "the Swagger UI webjar is not on the classpath");
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "cannot read the Swagger UI webjar: " + e.getMessage(), e);
        }
    }

    private static void resource(HttpServletResponse resp, String path, String type) throws IOException {
        try (InputStream in = ObservatoryApiServlet.class.getResourceAsStream(path)) {
            if (in == null) {
                resp.sendError(404);
                return;
            }
            byte[] bytes = in.readAllBytes();
            resp.setStatus(200);
            resp.setContentType(type);
            resp.setHeader("X-Content-Type-Options", "nosniff");
            resp.setContentLength(bytes.length);
            resp.getOutputStream().write(bytes);
        }
    }
}
