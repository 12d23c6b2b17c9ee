package org.w3id.sijill.server.observatory;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.sijill.server.commitments.CommitmentRequest;
import org.w3id.sijill.server.commitments.CommitmentTables;
import org.w3id.sijill.server.commitments.CommitmentViews;
import org.w3id.sijill.server.ld.HttpCaching;
import org.w3id.sijill.server.pages.Messages;
import org.w3id.sijill.server.pages.PageLanguage;
import org.w3id.sijill.server.pages.PageRequest;
import org.w3id.sijill.server.pages.PageResponses;
import org.w3id.sijill.server.pages.RenderedPage;
import org.w3id.sijill.server.pages.TemplateRenderer;

/**
 * {@code GET /matrix} (the 22 states × every law topic) and {@code GET /map} (the choropleth for a
 * topic, or the overview of areas with legislation), each filtered by {@code source}, {@code group}
 * or {@code topic} and dated by {@code asOf=YYYY[-MM[-DD]]}; the page by default, the table as CSV,
 * JSON, JSON-LD or (the matrix) {@code .xlsx} by {@code format=} or {@code Accept}. Bad input is a
 * 400 page (or text) in the page's language.
 *
 * <pre>{@code
 * builder.addServlet("/matrix", new ObservatoryPageServlet(ObservatoryPageServlet.Page.MATRIX, observatory, caching));
 * }</pre>
 */
public final class ObservatoryPageServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ObservatoryPageServlet.class);

    /** The page served. */
    public enum Page { MATRIX, MAP }

    private final Page page;
    private final transient Observatory observatory;
    private final transient HttpCaching caching;
    private final transient TemplateRenderer templates = new TemplateRenderer();

    public ObservatoryPageServlet(Page page, Observatory observatory, HttpCaching caching) {
        this.page = page;
        this.observatory = observatory;
        this.caching = caching;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        PageRequest r = PageResponses.pageRequest(req);
        List<TableFormat> formats = page == Page.MATRIX
                ? List.of(TableFormat.HTML, TableFormat.CSV, TableFormat.JSON, TableFormat.JSONLD, TableFormat.XLSX)
                : List.of(TableFormat.HTML, TableFormat.CSV, TableFormat.JSON, TableFormat.JSONLD);
        TableFormat format = TableFormat.HTML;
        try {
            format = TableFormat.choose(req.getParameter("format"), req.getHeader("Accept"), formats);
            Snapshot s = observatory.ready();
            Map<String, List<String>> params = TableResponses.params(req);
            String topic = "";
            org.w3id.sijill.server.commitments.Commitments.Treaty treaty = null;
            if (page == Page.MAP) {
                List<String> tr = params.getOrDefault("treaty", List.of());
                if (tr.size() > 1) throw new BadRequest("obs.error.once", "treaty");
                if (!tr.isEmpty() && !tr.get(0).isBlank()) {
                    List<String> tp = params.getOrDefault("topic", List.of());
                    if (!tp.isEmpty() && !tp.get(0).isBlank() && !"all".equals(tp.get(0).strip())) {
                        throw new BadRequest("commitments.error.treatyAndTopic");
                    }
                    treaty = CommitmentRequest.treaty(observatory.commitments(), tr.get(0));
                }
                params = new HashMap<>(params);
                params.remove("treaty");
                List<String> t = params.getOrDefault("topic", List.of());
                if (t.size() > Selection.MAX_VALUES) throw new BadRequest("obs.error.repeated", "topic", t.size(), Selection.MAX_VALUES);
                if (t.size() > 1) throw new BadRequest("obs.error.once", "topic");
                if (!t.isEmpty() && !t.get(0).isBlank() && !"all".equals(t.get(0).strip())) topic = Selection.topic(s, t.get(0)).code();
                params = new HashMap<>(params);
                params.remove("topic");
            }
            Selection sel = Selection.of(s, params);
            String variant = page + "-" + format.code() + "-" + r.lang().code() + "-" + (req.getQueryString() == null ? "" : req.getQueryString());
            if (caching.notModified(req, resp, variant)) return;
            Matrix m = Matrix.of(s, sel);
            if (format != TableFormat.HTML) {
                Table t = page == Page.MATRIX && format == TableFormat.XLSX || page == Page.MATRIX && format == TableFormat.CSV
                        ? CommitmentTables.matrix(Tables.matrix(s, m, r.lang()), observatory.commitments(), r.lang())
                        : Tables.claims(s, m, r.lang());
                if (treaty != null) t = CommitmentTables.treaties(observatory.commitments(), sel.countriesOr(s), treaty, r.lang());
                if (page == Page.MAP && !topic.isEmpty()) {
                    Selection one = new Selection(sel.countries(), List.of(s.topic(topic).orElseThrow()), sel.sources(), "", sel.asOf());
                    t = Tables.claims(s, Matrix.of(s, one), r.lang());
                }
                TableResponses.write(req, resp, t, format, r.lang());
                return;
            }
            PageResponses.write(req, resp, page == Page.MATRIX ? matrixPage(r, s, sel, m)
                    : treaty != null ? treatyMapPage(r, s, sel, treaty) : mapPage(r, s, sel, m, topic));
        } catch (BadRequest e) {
            if (format == TableFormat.HTML) PageResponses.write(req, resp, error(r, e));
            else TableResponses.badRequest(resp, e, r.lang(), format == TableFormat.JSON || format == TableFormat.JSONLD);
        } catch (org.w3id.sijill.core.SijillException e) {
            // answered by the error translation, with its status (503 and Retry-After while the release is being read)
            throw e;
        } catch (RuntimeException e) {
            LOG.error("{} failed", req.getRequestURI(), e);
            resp.reset();
            resp.setStatus(500);
            resp.setContentType("text/plain; charset=utf-8");
            resp.getOutputStream().write("internal error\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private Map<String, Object> base(PageRequest r, String title, Snapshot s, Selection sel) {
        Map<String, Object> ctx = new HashMap<>();
        ctx.put("req", r);
        ctx.put("title", title);
        PageLanguage lang = r.lang();
        ctx.put("asOf", sel.asOf() == null ? "" : sel.asOf().text());
        ctx.put("sourceChoices", ObservatoryViews.sourceRefs(s, lang).values());
        ctx.put("chosenSources", sel.sources().stream().map(Snapshot.Source::key).toList());
        ctx.put("groups", s.groups().entrySet().stream().map(e -> Map.of("code", e.getKey(), "label", e.getValue().in(lang))).toList());
        ctx.put("group", sel.group());
        ctx.put("downloads", downloads(r));
        ctx.put("treatyChoices", observatory.commitments().treaties().stream()
                .map(t -> Map.of("slug", t.slug(), "label", t.label().in(lang), "href", "/map?treaty=" + t.slug())).toList());
        return ctx;
    }

    private List<Map<String, String>> downloads(PageRequest r) {
        List<TableFormat> fs = page == Page.MATRIX ? List.of(TableFormat.CSV, TableFormat.XLSX, TableFormat.JSON, TableFormat.JSONLD)
                : List.of(TableFormat.CSV, TableFormat.JSON, TableFormat.JSONLD);
        return fs.stream().map(f -> Map.of("format", f.code(), "href", r.withParam("format", f.code()),
                "label", Messages.get(r.lang(), "obs.download." + f.code()))).toList();
    }

    private RenderedPage matrixPage(PageRequest r, Snapshot s, Selection sel, Matrix m) {
        Map<String, Object> ctx = base(r, Messages.get(r.lang(), "obs.matrix.title"), s, sel);
        ObservatoryViews.MatrixView view = ObservatoryViews.matrix(s, m, r.lang());
        ctx.put("matrix", view);
        int offset = view.sources().stream().mapToInt(ObservatoryViews.SourceRef::n).max().orElse(0);
        ctx.put("commitments", CommitmentViews.matrix(observatory.commitments(), m.states(), offset, r.lang()));
        return new RenderedPage(200, r.lang(), templates.render("observatory-matrix", r.lang(), ctx));
    }

    private RenderedPage mapPage(PageRequest r, Snapshot s, Selection sel, Matrix m, String topic) {
        String title = topic.isEmpty() ? Messages.get(r.lang(), "obs.map.title")
                : Messages.get(r.lang(), "obs.map.title.topic", s.topic(topic).orElseThrow().label(r.lang()));
        Map<String, Object> ctx = base(r, title, s, sel);
        ctx.put("map", ObservatoryViews.map(s, m, topic, new MapRenderer(WorldAtlas.load()), r.lang()));
        ctx.put("topicChoices", s.topics().stream().map(t -> Map.of("code", t.code(), "label", t.label(r.lang()))).toList());
        return new RenderedPage(200, r.lang(), templates.render("observatory-map", r.lang(), ctx));
    }

    private RenderedPage treatyMapPage(PageRequest r, Snapshot s, Selection sel, org.w3id.sijill.server.commitments.Commitments.Treaty treaty) {
        String title = Messages.get(r.lang(), "commitments.map.title", treaty.label().in(r.lang()));
        Map<String, Object> ctx = base(r, title, s, sel);
        CommitmentViews.TreatyMap tm = CommitmentViews.map(observatory.commitments(), treaty, sel.countriesOr(s), new MapRenderer(WorldAtlas.load()), r.lang());
        ctx.put("map", tm.map());
        ctx.put("treatyMap", tm);
        ctx.put("topicChoices", s.topics().stream().map(t -> Map.of("code", t.code(), "label", t.label(r.lang()))).toList());
        return new RenderedPage(200, r.lang(), templates.render("observatory-map", r.lang(), ctx));
    }

    private RenderedPage error(PageRequest r, BadRequest e) {
        Map<String, Object> ctx = new HashMap<>();
        ctx.put("req", r);
        ctx.put("title", Messages.get(r.lang(), "page.error.title"));
        ctx.put("status", 400);
        ctx.put("message", e.message(r.lang()));
        ctx.put("messageLang", r.lang().code());
        return new RenderedPage(400, r.lang(), templates.render("error", r.lang(), ctx));
    }
}
