package org.w3id.sijill.server.dumps;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.w3id.sijill.server.ld.HttpCaching;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.dump.DatasetDescription;
import org.w3id.sijill.dump.DumpCatalog;
import org.w3id.sijill.dump.DumpSettings;
import org.w3id.sijill.dump.JsonLdContext;
import org.w3id.sijill.dump.Release;
import org.w3id.sijill.dump.StreamingJsonLdWriter;
import org.w3id.sijill.server.Site;
import org.w3id.sijill.server.ld.AcceptHeader;

/**
 * The dataset description ({@link DatasetDescription#full}: DCAT + VoID) at
 * {@code /.well-known/void} and {@code /dataset}, in Turtle, JSON-LD (compacted with the Sijill
 * context; also for {@code application/json}), N-Triples, RDF/XML or HTML by {@code Accept} ({@code /dataset} prefers HTML, {@code /.well-known/void}
 * Turtle); nothing acceptable is 406. Download and endpoint URLs are this server's
 * ({@code --base}, else the request's). The description is computed once per base and release.
 *
 * <pre>{@code
 * SijillServer.builder()...addModule(new DatasetDescriptionModule(Path.of("var/dumps"), DumpSettings.fromProject(home)))
 * // curl -H 'Accept: text/turtle' http://localhost:3030/.well-known/void
 * }</pre>
 */
public final class DatasetDescriptionModule implements FusekiModule {

    static final String TURTLE = "text/turtle";
    static final String JSONLD = "application/ld+json";
    static final String HTML = "text/html";
    static final String NTRIPLES = "application/n-triples";
    static final String RDFXML = "application/rdf+xml";

    private final Path dumpsDir;
    private final DumpSettings settings;
    private final BackgroundDumps background;

    /**
     * @param dumpsDir the dumps folder (its catalog gives the distributions)
     * @param settings licence and sources; its public base is replaced by this server's
     */
    public DatasetDescriptionModule(Path dumpsDir, DumpSettings settings) {
        this(dumpsDir, settings, null);
    }

    /**
     * @param background the writer of the dumps, when they are written in the background: the
     *                   description (which lists them) answers {@code 503} until they are
     */
    public DatasetDescriptionModule(Path dumpsDir, DumpSettings settings, BackgroundDumps background) {
        this.dumpsDir = dumpsDir;
        this.settings = settings;
        this.background = background;
    }

    @Override
    public String name() { return "Sijill dataset description"; }

    @Override
    public void configured(FusekiServer.Builder builder, DataAccessPointRegistry registry, Model configModel) {
        Site site = Site.from(builder);
        DescriptionServlet servlet = new DescriptionServlet(site, Site.dataset(registry), new DumpFilesModule.CatalogCache(dumpsDir), settings, background);
        builder.addServlet("/.well-known/void", servlet);
        builder.addServlet("/dataset", servlet);
    }

    static final class DescriptionServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final transient Site site;
        private final transient DatasetGraph store;
        private final transient DumpFilesModule.CatalogCache catalog;
        private final transient DumpSettings settings;
        private final transient Map<String, Graph> cache = new ConcurrentHashMap<>();
        private final transient BackgroundDumps background;

        DescriptionServlet(Site site, DatasetGraph store, DumpFilesModule.CatalogCache catalog, DumpSettings settings, BackgroundDumps background) {
            this.site = site;
            this.store = store;
            this.catalog = catalog;
            this.settings = settings;
            this.background = background;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            boolean page = request.getRequestURI().endsWith("/dataset");
            List<String> offers = page ? List.of(HTML, TURTLE, JSONLD, NTRIPLES, RDFXML) : List.of(TURTLE, JSONLD, NTRIPLES, RDFXML, HTML);
            String format = request.getParameter("format");
            String chosen;
            if (format != null) {
                chosen = switch (format) {
                    case "ttl" -> TURTLE;
                    case "jsonld" -> JSONLD;
                    case "html" -> HTML;
                    case "nt" -> NTRIPLES;
                    case "rdf" -> RDFXML;
                    default -> throw new SijillException(SijillException.Kind.BAD_INPUT, "unknown format '" + format + "': use ttl, jsonld, nt, rdf or html");
                };
            } else {
                AcceptHeader accept = AcceptHeader.parse(request.getHeader("Accept"));
                chosen = accept.choose(offers)
                        .or(() -> accept.quality("application/json") > 0 ? java.util.Optional.of(JSONLD) : java.util.Optional.empty())
                        .orElseThrow(() -> new SijillException(SijillException.Kind.NOT_ACCEPTABLE,
                                "the dataset description is available as " + String.join(", ", offers)));
            }
            response.setHeader("Vary", "Accept");
            if (background != null && background.refuseWhileWriting(request, response, catalog.find())) return;
            DumpCatalog c = catalog.get();
            String base = site.baseFor(request);
            Graph g = cache.computeIfAbsent(base + " " + c.release() + " " + site.release().id(), k -> describe(base, c));
            String etag = "\"" + c.release() + "-" + site.release().id() + "-" + chosen.replace('/', '_').replace('+', '_') + "\"";
            if (HttpCaching.notModified(request, response, etag, site.maxAge())) return;
            switch (chosen) {
                case HTML -> DatasetPage.render(request, response, c, g, site);
                case JSONLD -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    try (StreamingJsonLdWriter.Session s = new StreamingJsonLdWriter(JsonLdContext.of(
                            site.localUrl(request, JsonLdContext.PUBLISHED_URL), JsonLdContext.published().json())).open(out)) {
                        s.graph(null, g.find());
                    }
                    write(request, response, "application/ld+json", out.toByteArray());
                }
                case NTRIPLES, RDFXML -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    RDFDataMgr.write(out, g, NTRIPLES.equals(chosen) ? RDFFormat.NTRIPLES : RDFFormat.RDFXML_PLAIN);
                    write(request, response, NTRIPLES.equals(chosen) ? "application/n-triples; charset=utf-8" : "application/rdf+xml", out.toByteArray());
                }
                default -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    Graph withPrefixes = g;
                    JsonLdContext.published().prefixes().forEach((p, ns) -> withPrefixes.getPrefixMapping().setNsPrefix(p, ns));
                    RDFDataMgr.write(out, withPrefixes, RDFFormat.TURTLE_PRETTY);
                    write(request, response, "text/turtle; charset=utf-8", out.toByteArray());
                }
            }
        }

        private Graph describe(String base, DumpCatalog c) {
            DumpSettings here = settings.withPublicBase(base);
            return Txn.calculateRead(store, () -> {
                Release release = Release.exists(site.served().folder()) ? Release.read(site.served().folder()) : new Release(c.release(), c.built(), 0, 0);
                return DatasetDescription.full(release, here, store, c);
            });
        }

        private static void write(HttpServletRequest request, HttpServletResponse response, String type, byte[] body) throws IOException {
            response.setContentType(type);
            response.setContentLength(body.length);
            if (!"HEAD".equals(request.getMethod())) response.getOutputStream().write(body);
        }
    }
}
