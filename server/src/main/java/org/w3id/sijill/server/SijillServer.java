package org.w3id.sijill.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.fuseki.mod.prometheus.FMod_Prometheus;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.sparql.graph.GraphFactory;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.core.SijillException.Kind;
import org.w3id.sijill.server.http.AdminAuthModule;
import org.w3id.sijill.server.http.BindAddressModule;
import org.w3id.sijill.server.http.ErrorTranslationModule;
import org.w3id.sijill.server.http.FairUseModule;
import org.w3id.sijill.server.http.GzipModule;
import org.w3id.sijill.server.http.OutputBufferModule;
import org.w3id.sijill.server.http.RequestLogModule;
import org.w3id.sijill.server.http.RequestSanityModule;
import org.w3id.sijill.server.dumps.ContextModule;
import org.w3id.sijill.server.ld.LinkedDataModule;
import org.w3id.sijill.server.search.TextIndexReloadModule;
import org.w3id.sijill.server.sparql.ReadOnlyGuardModule;
import org.w3id.sijill.server.sparql.ServiceAllowListModule;
import org.w3id.sijill.server.sparql.GuardedRegexModule;
import org.w3id.sijill.server.sparql.QueryRequestGuardModule;
import org.w3id.sijill.server.sparql.ResultLimitModule;
import org.w3id.sijill.server.sparql.ServiceDescriptionModule;

/**
 * The Sijill server: embedded Fuseki configured from {@code fuseki-config/sijill.ttl}, serving a
 * TDB2 store read-only, with its behaviour in small {@link FusekiModule}s:
 * <ol>
 *   <li>{@link ErrorTranslationModule} — {@code SijillException} to status + text, once;</li>
 *   <li>{@link RequestSanityModule} — malformed query strings refused with {@code 400}; {@code nosniff};</li>
 *   <li>{@link FairUseModule} — per-client request and query-time budgets, {@code 429} with {@code Retry-After};</li>
 *   <li>{@link ReadOnlyGuardModule} — update, GSP writes and uploads refused with a reason;</li>
 *   <li>{@link QueryRequestGuardModule} — query length, nesting and {@code SERVICE} checked before a query runs;</li>
 *   <li>{@link GuardedRegexModule} — the time limit reaches regular expressions ({@code REGEX}, {@code REPLACE}, {@code fn:matches}, {@code fn:replace}, {@code apf:strSplit});</li>
 *   <li>{@link ResultLimitModule} — rows and bytes per answer capped; a late failure ends the answer cleanly, marked;</li>
 *   <li>{@link ServiceDescriptionModule} — bare {@code GET /sparql};</li>
 *   <li>{@link ServiceAllowListModule} — federated {@code SERVICE} only to allowed endpoints;</li>
 *   <li>{@link ContextModule} — {@code /context.jsonld}, the context of every JSON-LD answer;</li>
 *   <li>{@link LinkedDataModule} — {@code /id/}, {@code /data/}, {@code /ontology};</li>
 *   <li>{@link FMod_Prometheus} — {@code /$/metrics};</li>
 *   <li>{@link AdminAuthModule} — {@code /$/stats} behind basic auth, only with a password;</li>
 *   <li>{@link GzipModule} — compression;</li>
 *   <li>{@link LiveReloadModule} — follows the store link to newly published releases;</li>
 *   <li>{@link TextIndexReloadModule} — the full-text index of the release served, switched with it;</li>
 *   <li>{@link BindAddressModule} — the interface to listen on ({@code --bind}, loopback by default);</li>
 *   <li>{@link OutputBufferModule} — a 32 kB response buffer instead of Fuseki's 5 MB ({@code --output-buffer});</li>
 *   <li>{@link RequestLogModule} — one short line per request ({@code --request-log});</li>
 * </ol>
 * then the extra modules given to the builder (pages, dumps, ...), in order. Every module can
 * reach the shared {@link Site} with {@code Site.from(builder)} and the store with
 * {@code Site.dataset(registry)}. {@code /$/ping} (switched on in the configuration file) and CORS (from
 * {@code cors.properties} next to the configuration file) are Fuseki's own.
 *
 * <pre>{@code
 * SijillServer server = SijillServer.builder()
 *         .config(Path.of("fuseki-config/sijill.ttl"))
 *         .store(Path.of("var/store"))
 *         .ontology(Path.of("ontology/sijill.ttl"))
 *         .port(3030)
 *         .timeout(Duration.ofSeconds(5))
 *         .addModule(new PagesModule())          // the lead adds pages and dumps here
 *         .build()
 *         .start();
 * System.out.println(server.baseUrl() + "sparql");
 * }</pre>
 */
public final class SijillServer {

    private final FusekiServer fuseki;
    private final Site site;

    private SijillServer(FusekiServer fuseki, Site site) {
        this.fuseki = fuseki;
        this.site = site;
    }

    /** @return a builder */
    public static Builder builder() { return new Builder(); }

    /** Starts listening; returns at once. @return this */
    public SijillServer start() {
        try {
            fuseki.start();
        } catch (RuntimeException e) {
            throw new SijillException(Kind.ENVIRONMENT, "cannot start the server on port " + fuseki.getHttpPort() + ": " + e.getMessage(), e);
        }
        return this;
    }

    /** Stops the server, releases the port and closes the full-text index (its Lucene write lock). */
    public void stop() {
        org.apache.jena.fuseki.server.DataAccessPointRegistry registry = fuseki.getDataAccessPointRegistry();
        org.apache.jena.fuseki.server.DataAccessPoint dap = registry == null ? null : registry.get(Site.DATASET_NAME);
        fuseki.stop();
        if (dap != null && dap.getDataService().getDataset() instanceof org.apache.jena.query.text.DatasetGraphText text) {
            try {
                text.getTextIndex().close();
            } catch (org.apache.jena.query.text.TextIndexException e) {
                // a live reload may have removed the release the index was opened in; nothing is left to release
                org.slf4j.LoggerFactory.getLogger(SijillServer.class).warn("closing the text index: {}", e.getMessage());
            }
        }
    }

    /** Blocks until the server stops. */
    public void join() { fuseki.join(); }

    /** @return the port the server listens on (the actual one when 0 was asked) */
    public int port() { return fuseki.getHttpPort(); }

    /** @return the public base URL ({@code --base}), else {@code http://localhost:{port}/} */
    public String baseUrl() {
        return site.publicBase() != null ? site.publicBase() : "http://localhost:" + port() + "/";
    }

    /** @return the settings shared by the modules */
    public Site site() { return site; }

    /** @return the underlying Fuseki server */
    public FusekiServer fuseki() { return fuseki; }

    /** Assembles a {@link SijillServer}; only {@link #config} and {@link #store} are required. */
    public static final class Builder {
        private Path config;
        private Path store;
        private Path corsConfig;
        private int port = 3030;
        private Duration timeout;
        private String publicBase;
        private final Set<String> serviceAllow = new LinkedHashSet<>();
        private String adminPassword;
        private final List<Path> ontologyFiles = new ArrayList<>();
        private Duration maxAge = Duration.ofHours(1);
        private Duration reloadInterval = LiveReloadModule.DEFAULT_INTERVAL;
        private ServerLimits limits = ServerLimits.DEFAULTS;
        private String bind = "127.0.0.1";
        private int outputBufferBytes = OutputBufferModule.DEFAULT_BYTES;
        private RequestLogModule.Mode requestLog = RequestLogModule.Mode.SHORT;
        private final List<FusekiModule> extraModules = new ArrayList<>();

        private Builder() {}

        /** @param file the Fuseki assembler configuration ({@code fuseki-config/sijill.ttl}) */
        public Builder config(Path file) { this.config = file; return this; }

        /** @param dir the TDB2 store directory (must exist) */
        public Builder store(Path dir) { this.store = dir; return this; }

        /** @param port the HTTP port; 0 picks a free one */
        public Builder port(int port) { this.port = port; return this; }

        /** @param limit the query time limit; {@code null} keeps the configuration file's */
        public Builder timeout(Duration limit) { this.timeout = limit; return this; }

        /** @param url the public base URL of this server (links and redirects), or {@code null} */
        public Builder publicBase(String url) { this.publicBase = url; return this; }

        /** @param endpoints SPARQL endpoints a federated {@code SERVICE} may call */
        public Builder serviceAllow(Collection<String> endpoints) { this.serviceAllow.addAll(endpoints); return this; }

        /** @param password the admin password ({@code /$/stats}); {@code null}: no admin operations */
        public Builder adminPassword(String password) { this.adminPassword = password; return this; }

        /** @param files ontology files (Turtle, RDF/XML, ... by extension) served at {@code /ontology} */
        public Builder ontology(Path... files) { this.ontologyFiles.addAll(List.of(files)); return this; }

        /** @param file CORS settings (Jetty CrossOriginFilter properties); default {@code cors.properties} beside the config */
        public Builder corsConfig(Path file) { this.corsConfig = file; return this; }

        /** @param limits query length, answer size and fair-use limits (default {@link ServerLimits#DEFAULTS}) */
        public Builder limits(ServerLimits limits) { this.limits = Objects.requireNonNull(limits); return this; }

        /** @param host the interface to listen on: {@code 127.0.0.1} (default, loopback only), {@code 0.0.0.0} (all), or an address */
        public Builder bind(String host) { this.bind = Objects.requireNonNull(host); return this; }

        /** @param bytes Jetty's output buffer per response (default {@value OutputBufferModule#DEFAULT_BYTES}) */
        public Builder outputBuffer(int bytes) { this.outputBufferBytes = bytes; return this; }

        /** @param mode what is logged per request (default {@link RequestLogModule.Mode#SHORT}) */
        public Builder requestLog(RequestLogModule.Mode mode) { this.requestLog = Objects.requireNonNull(mode); return this; }

        /** @param age how long clients may cache data and pages */
        public Builder maxAge(Duration age) { this.maxAge = Objects.requireNonNull(age); return this; }

        /** @param interval how often the server looks whether the store link names a new release (live reload) */
        public Builder reloadInterval(Duration interval) { this.reloadInterval = Objects.requireNonNull(interval); return this; }

        /** @param module an extra module (pages, dumps, ...), run after the core ones */
        public Builder addModule(FusekiModule module) { this.extraModules.add(Objects.requireNonNull(module)); return this; }

        /** @param modules extra modules, run after the core ones in this order */
        public Builder addModules(Collection<? extends FusekiModule> modules) { modules.forEach(this::addModule); return this; }

        /**
         * @return the server, built but not started
         * @throws SijillException {@code ENVIRONMENT} when the configuration, store or ontology is missing or broken
         */
        public SijillServer build() {
            if (config == null) throw new SijillException(Kind.ENVIRONMENT, "no Fuseki configuration file given");
            if (store == null) throw new SijillException(Kind.ENVIRONMENT, "no store directory given");
            if (!Files.isDirectory(store)) {
                throw new SijillException(Kind.ENVIRONMENT, "no store at " + store + " (build it with 'sijill build')");
            }
            // a release link (var/store -> releases/{id}) is served by its real folder, and followed
            Path folder = realFolder(store);
            Model configModel = FusekiConfiguration.load(config, folder, timeout);
            // Jena is initialised now (loading the configuration did it): the ontology files are parsed
            // on a second thread while this one opens the store and its index (issue 13, start time)
            java.util.concurrent.FutureTask<Graph> ontology = new java.util.concurrent.FutureTask<>(this::loadOntology);
            Thread parse = new Thread(ontology, "sijill-ontology-parse");
            parse.setDaemon(true);
            parse.start();
            Release release = Release.read(folder);

            List<FusekiModule> modules = new ArrayList<>(List.of(
                    new ErrorTranslationModule(),
                    new RequestSanityModule(),
                    new FairUseModule(),
                    new ReadOnlyGuardModule(),
                    new QueryRequestGuardModule(),
                    new GuardedRegexModule(),
                    new ResultLimitModule(),
                    new ServiceDescriptionModule(),
                    new ServiceAllowListModule(),
                    new ContextModule(),
                    new LinkedDataModule(),
                    new FMod_Prometheus(),
                    new AdminAuthModule(adminPassword),
                    new GzipModule(),
                    new LiveReloadModule(reloadInterval),
                    new TextIndexReloadModule(),
                    new BindAddressModule(bind),
                    outputBufferModule(),
                    new RequestLogModule(requestLog)));
            modules.addAll(extraModules);

            Path cors = corsConfig != null ? corsConfig : config.toAbsolutePath().getParent().resolve("cors.properties");
            FusekiServer.Builder fb = FusekiServer.create()
                    .port(port)
                    .enableCors(true, Files.isRegularFile(cors) ? cors.toString() : null)
                    .fusekiModules(FusekiModules.create(modules));
            fb.addServletAttribute(ServerLimits.ATTRIBUTE, limits);
            RuntimeException storeFailure = null;
            try {
                fb.parseConfig(configModel);
            } catch (RuntimeException e) {
                storeFailure = e;
            }
            // a broken ontology is reported first, as when it was read before the store was opened
            Site site = new Site(store, new ServedRelease(release, folder), result(ontology), publicBase, serviceAllow, maxAge);
            try {
                if (storeFailure != null) throw storeFailure;
                fb.addServletAttribute(Site.ATTRIBUTE, site);
                return new SijillServer(fb.build(), site);
            } catch (SijillException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new SijillException(Kind.ENVIRONMENT, config + " (store " + store + "): " + e.getMessage(), e);
            }
        }

        /** @return the parsed ontology, or its failure as the {@link SijillException} the parse threw */
        private static Graph result(java.util.concurrent.Future<Graph> parse) {
            try {
                return parse.get();
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof SijillException s) throw s;
                throw new SijillException(Kind.ENVIRONMENT, "cannot read the ontology: " + e.getCause().getMessage(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SijillException(Kind.ENVIRONMENT, "interrupted while reading the ontology", e);
            }
        }

        private OutputBufferModule outputBufferModule() {
            try {
                return new OutputBufferModule(outputBufferBytes);
            } catch (IllegalArgumentException e) {
                throw new SijillException(Kind.BAD_INPUT, e.getMessage(), e);
            }
        }

        private static Path realFolder(Path store) {
            try {
                return store.toRealPath();
            } catch (java.io.IOException e) {
                throw new SijillException(Kind.ENVIRONMENT, "cannot resolve the store " + store + ": " + e.getMessage(), e);
            }
        }

        private Graph loadOntology() {
            Graph g = GraphFactory.createDefaultGraph();
            for (Path f : ontologyFiles) {
                if (!Files.isRegularFile(f)) throw new SijillException(Kind.ENVIRONMENT, "ontology file not found: " + f);
                try {
                    RDFParser.source(f).parse(g);
                } catch (RiotException e) {
                    throw new SijillException(Kind.ENVIRONMENT, f + ": " + e.getMessage(), e);
                }
            }
            return g;
        }
    }
}
