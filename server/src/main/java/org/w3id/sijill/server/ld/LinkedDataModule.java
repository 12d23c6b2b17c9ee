package org.w3id.sijill.server.ld;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFWriter;
import org.w3id.sijill.dump.JsonLdContext;
import org.w3id.sijill.dump.StreamingJsonLdWriter;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.core.SijillException.Kind;
import org.w3id.sijill.server.Site;
import org.w3id.sijill.vocab.SIJILL;

/**
 * Dereferenceable Sijill IRIs. Adds three servlets:
 * <ul>
 *   <li>{@code /id/{path}}: the thing {@code https://w3id.org/sijill/id/{path}}. Answers
 *       {@code 303 See Other} to {@code /page/{path}} (HTML) or {@code /data/{path}.ttl|.jsonld|.nt|.rdf},
 *       chosen by {@code Accept} (q-values honoured, see {@link AcceptHeader}) or by
 *       {@code ?format=html|ttl|jsonld|nt|rdf}; {@code Vary: Accept}. Other query parameters
 *       (e.g. {@code lang}) are passed on. Unknown IRI: 404; nothing acceptable: 406 listing the
 *       formats; unknown {@code ?format}: 400.</li>
 *   <li>{@code /data/{path}.{ext}}: the resource's description ({@link ResourceDescriber}) in
 *       that format, cacheable ({@link HttpCaching}: ETag and Last-Modified of the release, 304).
 *       {@code ?limit=&offset=} page the incoming links; a {@code Link: rel="next"} header points
 *       to the next page. {@code /data/ontology.{ext}} is the ontology.</li>
 *   <li>{@code /ontology}: the ontology ({@code https://w3id.org/sijill/ontology} and its
 *       {@code #Term}s) in Turtle, JSON-LD, RDF/XML or N-Triples by {@code Accept}; HTML is a
 *       303 to {@code /page/ontology}.</li>
 * </ul>
 * Errors are thrown as {@link SijillException}s and answered by the error translation module.
 *
 * <pre>{@code
 * FusekiModules.create(new ErrorTranslationModule(), new LinkedDataModule(), ...);
 * // curl -H 'Accept: text/turtle' http://localhost:3030/id/country/LB
 * //   -> 303, Location: http://localhost:3030/data/country/LB.ttl
 * }</pre>
 */
public final class LinkedDataModule implements FusekiModule {

    /** What {@code /id/} offers, preferred first. */
    public static final List<Representation> ID_OFFERS = List.of(Representation.values());
    /** What {@code /ontology} offers, preferred first. */
    public static final List<Representation> ONTOLOGY_OFFERS = List.of(
            Representation.HTML, Representation.TURTLE, Representation.JSONLD, Representation.RDFXML, Representation.NTRIPLES);
    /** The RDF formats of {@code /data/}. */
    public static final List<Representation> DATA_FORMATS = List.of(
            Representation.TURTLE, Representation.JSONLD, Representation.NTRIPLES, Representation.RDFXML);

    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9._~%-]+(/[A-Za-z0-9._~%-]+)*");
    private static final String ONTOLOGY_PATH = "ontology";

    @Override
    public String name() { return "Sijill linked data"; }

    @Override
    public void configured(FusekiServer.Builder builder, DataAccessPointRegistry registry, Model configModel) {
        Site site = Site.from(builder);
        ResourceDescriber describer = new ResourceDescriber(Site.dataset(registry)).withOntology(site.ontology());
        HttpCaching caching = new HttpCaching(site::release, site.maxAge());
        builder.addServlet("/id/*", new IdServlet(site, describer));
        builder.addServlet("/data/*", new DataServlet(site, describer, caching));
        builder.addServlet("/ontology", new OntologyServlet(site, caching));
    }

    /** @return the path after {@code prefix}, still percent-encoded, validated; 404 if malformed */
    static String localPath(HttpServletRequest request, String prefix) {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        String path = uri.startsWith(prefix) ? uri.substring(prefix.length()) : "";
        if (path.isEmpty() || !PATH.matcher(path).matches() || path.contains("..")) {
            throw new SijillException(Kind.NOT_FOUND, "Not a Sijill resource path: " + uri);
        }
        return path;
    }

    /** The representation asked for by {@code ?format=} or, failing that, by {@code Accept}. */
    static Representation choose(HttpServletRequest request, List<Representation> offers) {
        String format = request.getParameter("format");
        if (format != null) {
            return Representation.byName(format).filter(offers::contains).orElseThrow(() -> new SijillException(Kind.BAD_INPUT,
                    "Unknown format '" + format + "'. Available: " + Representation.describe(offers) + "."));
        }
        return Representation.negotiate(AcceptHeader.parse(request.getHeader("Accept")), offers)
                .orElseThrow(() -> new SijillException(Kind.NOT_ACCEPTABLE,
                        "None of the formats of this resource is acceptable (Accept: " + AcceptHeader.forMessage(request.getHeader("Accept"))
                                + "). Available: " + Representation.describe(offers) + "."));
    }

    /** The query string without {@code format}, re-encoded, with a leading {@code ?}, or "". */
    static String passOnQuery(HttpServletRequest request) {
        return passOnQuery(request, false);
    }

    /** The query string (with or without {@code format}), re-encoded, with a leading {@code ?}, or "". */
    static String passOnQuery(HttpServletRequest request, boolean keepFormat) {
        Map<String, String[]> params = request.getParameterMap();
        String q = params.entrySet().stream().filter(e -> keepFormat || !e.getKey().equals("format"))
                .flatMap(e -> java.util.Arrays.stream(e.getValue()).map(v -> enc(e.getKey()) + "=" + enc(v)))
                .collect(Collectors.joining("&"));
        return q.isEmpty() ? "" : "?" + q;
    }

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    static void seeOther(HttpServletResponse response, String location) throws IOException {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", location);
        response.setContentType("text/plain; charset=utf-8");
        response.getOutputStream().write(("See Other: " + location + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes a description; JSON-LD is compacted with the published context, referenced at this
     * server's {@code /context.jsonld} (the canonical {@code https://w3id.org/sijill/context.jsonld}
     * where the server answers for w3id.org), so every resource shares one cacheable context.
     */
    static void write(HttpServletRequest request, HttpServletResponse response, Site site, Model model, Representation rep) throws IOException {
        response.setContentType(rep.contentType());
        try (OutputStream out = response.getOutputStream()) {
            if (rep == Representation.JSONLD) {
                String contextUrl = site.localUrl(request, JsonLdContext.PUBLISHED_URL);
                new StreamingJsonLdWriter(CONTEXTS.computeIfAbsent(contextUrl,
                        url -> JsonLdContext.of(url, JsonLdContext.published().json()))).writeGraph(model.getGraph(), out);
            } else {
                RDFWriter.source(model).format(rep.rdfFormat()).output(out);
            }
        }
    }

    /** The published context under the URL each base serves it at (a handful of bases at most). */
    private static final Map<String, JsonLdContext> CONTEXTS = new java.util.concurrent.ConcurrentHashMap<>();

    static int intParam(HttpServletRequest request, String name, int dflt) {
        String v = request.getParameter(name);
        if (v == null) return dflt;
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new SijillException(Kind.BAD_INPUT, "Parameter '" + name + "' must be a whole number, got '" + v + "'.");
        }
    }

    /** {@code /id/{path}}: 303 to the page or the data. */
    static final class IdServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final transient Site site;
        private final transient ResourceDescriber describer;

        IdServlet(Site site, ResourceDescriber describer) {
            this.site = site;
            this.describer = describer;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String path = localPath(request, "/id/");
            String iri = SIJILL.ID + path;
            response.setHeader("Vary", "Accept");
            java.util.Optional<String> canonical = IdentifierCase.canonical(path, p -> describer.exists(SIJILL.ID + p));
            if (canonical.isPresent()) {
                // /id/country/eg → /id/country/EG, /id/org/EG-NTRA → /id/org/eg-ntra
                response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
                response.setHeader("Location", site.baseFor(request) + "id/" + canonical.get() + passOnQuery(request, true));
                return;
            }
            if (!describer.exists(iri)) {
                throw new SijillException(Kind.NOT_FOUND, "No resource <" + iri + "> in Sijill.");
            }
            Representation rep = choose(request, ID_OFFERS);
            String base = site.baseFor(request);
            String location = rep == Representation.HTML
                    ? base + "page/" + path + passOnQuery(request)
                    : base + "data/" + path + "." + rep.extension() + passOnQuery(request);
            response.setHeader("Cache-Control", "public, max-age=" + site.maxAge().toSeconds());
            seeOther(response, location);
        }
    }

    /** {@code /data/{path}.{ext}}: the description in one format. */
    static final class DataServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final transient Site site;
        private final transient ResourceDescriber describer;
        private final transient HttpCaching caching;

        DataServlet(Site site, ResourceDescriber describer, HttpCaching caching) {
            this.site = site;
            this.describer = describer;
            this.caching = caching;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String path = localPath(request, "/data/");
            int dot = path.lastIndexOf('.');
            Representation rep = dot > path.lastIndexOf('/') ? Representation.byName(path.substring(dot + 1))
                    .filter(Representation::isRdf).orElse(null) : null;
            if (rep == null) {
                throw new SijillException(Kind.NOT_FOUND, "No such data document: /data/" + path
                        + ". Data documents end in .ttl, .jsonld, .nt or .rdf (e.g. /data/country/LB.ttl).");
            }
            String resourcePath = path.substring(0, dot);
            String variant = rep.extension() + (request.getQueryString() == null ? "" : "-q" + Integer.toHexString(request.getQueryString().hashCode()));
            if (resourcePath.equals(ONTOLOGY_PATH)) {
                Graph ontology = site.ontology();
                if (ontology.isEmpty()) throw new SijillException(Kind.NOT_FOUND, "The ontology is not loaded on this server.");
                if (caching.notModified(request, response, variant)) return;
                write(request, response, site, ModelFactory.createModelForGraph(ontology), rep);
                return;
            }
            int limit = intParam(request, "limit", ResourceDescriber.DEFAULT_INCOMING_LIMIT);
            int offset = intParam(request, "offset", 0);
            String iri = SIJILL.ID + resourcePath;
            // a client's copy of this release is current: answered before the description is read
            boolean conditional = request.getHeader("If-None-Match") != null || request.getHeader("If-Modified-Since") != null;
            if (conditional && caching.notModified(request, response, variant)) return;
            // no total is served: the links are counted only as far as this page needs (is there a next page?)
            ResourceDescriber.Description d = describer.describe(iri, limit, offset, (long) offset + limit);
            if (d.isEmpty()) throw new SijillException(Kind.NOT_FOUND, "No resource <" + iri + "> in Sijill.");
            if (caching.notModified(request, response, variant)) return;
            if (d.hasMoreIncoming() && limit > 0) {  // limit=0 asks for no links: no next page of them
                response.setHeader("Link", "<" + site.baseFor(request) + "data/" + path + "?limit=" + limit
                        + "&offset=" + (offset + limit) + ">; rel=\"next\"");
            }
            write(request, response, site, d.model(), rep);
        }
    }

    /** {@code /ontology}: the ontology by Accept; HTML goes to the documentation page. */
    static final class OntologyServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final transient Site site;
        private final transient HttpCaching caching;

        OntologyServlet(Site site, HttpCaching caching) {
            this.site = site;
            this.caching = caching;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setHeader("Vary", "Accept");
            Representation rep = choose(request, ONTOLOGY_OFFERS);
            String base = site.baseFor(request);
            if (rep == Representation.HTML) {
                response.setHeader("Cache-Control", "public, max-age=" + site.maxAge().toSeconds());
                seeOther(response, base + "page/ontology" + passOnQuery(request));
                return;
            }
            Graph ontology = site.ontology();
            if (ontology.isEmpty()) throw new SijillException(Kind.NOT_FOUND, "The ontology is not loaded on this server.");
            response.setHeader("Content-Location", base + "data/ontology." + rep.extension());
            if (caching.notModified(request, response, "ontology-" + rep.extension())) return;
            write(request, response, site, ModelFactory.createModelForGraph(ontology), rep);
        }
    }
}
