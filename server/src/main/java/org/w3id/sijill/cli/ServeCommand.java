package org.w3id.sijill.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.jena.fuseki.system.FusekiLogging;
import org.w3id.sijill.core.ProjectPaths;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.dump.DumpSettings;
import org.w3id.sijill.dump.ReleaseDumps;
import org.w3id.sijill.release.ReleaseLayout;
import org.w3id.sijill.loader.BuildReport;
import org.w3id.sijill.loader.ConsoleProgress;
import org.w3id.sijill.loader.StoreBuilder;
import org.w3id.sijill.server.ServerLimits;
import org.w3id.sijill.server.SijillServer;
import org.w3id.sijill.server.StandardModules;
import org.w3id.sijill.server.http.RequestLogModule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sijill serve}: serves the store with {@link SijillServer}. On a fresh clone (no store at
 * the path) it first builds the store from {@code sources/} with the loader's {@link StoreBuilder}.
 * Only parses arguments; errors are {@link SijillException}s translated by {@link SijillCli}.
 *
 * <pre>{@code
 * ./sijill serve --port 3030 --timeout 5 --service-allow https://query.wikidata.org/sparql
 * ./sijill serve --bind 0.0.0.0 --base https://sijill.example.org/ --rate-limit 300
 * }</pre>
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve SPARQL, linked data and pages with embedded Fuseki (builds the store first if there is none).")
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "3030", description = "HTTP port (default: ${DEFAULT-VALUE}; 0 picks a free one)")
    int port;

    @Option(names = "--store", paramLabel = "DIR", description = "the TDB2 store (default: var/store of the project)")
    Path store;

    @Option(names = "--base", paramLabel = "URL", description = "public base URL of this server, for links and redirects (default: the request's host)")
    String base;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "query time limit in seconds (default: the value in fuseki-config/sijill.ttl)")
    Double timeoutSeconds;

    @Option(names = "--service-allow", paramLabel = "URL", description = "a SPARQL endpoint federated SERVICE may call (repeatable; default: none)")
    List<String> serviceAllow = new ArrayList<>();

    @Option(names = "--admin-password", paramLabel = "PASSWORD", defaultValue = "${env:SIJILL_ADMIN_PASSWORD}",
            description = "enables /$/stats behind HTTP basic auth (user 'admin'); default: env SIJILL_ADMIN_PASSWORD, else no admin operations")
    String adminPassword;

    @Option(names = "--bind", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "the interface to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for all, for public use with --base)")
    String bind;

    @Option(names = "--max-query-length", paramLabel = "CHARS", description = "longest SPARQL query text accepted (default: 100000)")
    Integer maxQueryChars;

    @Option(names = "--max-rows", paramLabel = "N", description = "most rows one SPARQL answer carries; more are cut with a marker (default: 100000)")
    Long maxRows;

    @Option(names = "--max-result-bytes", paramLabel = "BYTES", description = "most bytes one SPARQL answer carries; more are cut with a marker (default: 67108864)")
    Long maxResultBytes;

    @Option(names = "--rate-limit", paramLabel = "N", description = "requests per minute per client before 429 (default: 600; 0: no limit)")
    Integer rateLimit;

    @Option(names = "--query-budget", paramLabel = "SECONDS", description = "SPARQL query time per minute per client before 429 (default: 120; 0: no limit)")
    Integer queryBudget;

    @Option(names = "--fair-use-loopback", description = "apply the per-client limits to loopback clients too (default: they are not limited)")
    boolean fairUseLoopback;

    @Option(names = "--dumps", paramLabel = "DIR", description = "where the dumps are written (when missing or stale) and served from"
            + " (default: the dumps/ folder of the served release; var/dumps of the project for an old-style store folder)")
    Path dumps;

    @Option(names = "--output-buffer", paramLabel = "BYTES", defaultValue = "32768",
            description = "Jetty's output buffer per response (default: ${DEFAULT-VALUE}; Fuseki's own is 5242880)")
    int outputBuffer;

    @Option(names = "--request-log", paramLabel = "MODE", defaultValue = "short",
            description = "what is logged per request: short (one line: method, path, status, ms), fuseki (Fuseki's three lines with the query), off (default: ${DEFAULT-VALUE})")
    String requestLog;

    @Option(names = "--config", paramLabel = "FILE", description = "Fuseki configuration (default: fuseki-config/sijill.ttl of the project)")
    Path config;

    @Override
    public Integer call() {
        Duration timeout = null;
        if (timeoutSeconds != null) {
            if (!(timeoutSeconds > 0)) throw new SijillException(SijillException.Kind.BAD_INPUT, "--timeout must be positive, got " + timeoutSeconds);
            timeout = Duration.ofMillis(Math.round(timeoutSeconds * 1000));
        }
        FusekiLogging.setLogging();
        ProjectPaths paths = ProjectPaths.locate();
        Path storeDir = store != null ? store : paths.defaultStore();
        ReleaseLayout layout = ReleaseLayout.of(storeDir);
        layout.recover().forEach(line -> spec.commandLine().getErr().println("sijill: " + line));
        if (!Files.isDirectory(storeDir)) {
            spec.commandLine().getErr().println("sijill: no store at " + storeDir + "; building it from " + paths.sources());
            DumpSettings settings = DumpSettings.fromProject(paths);
            BuildReport report = new StoreBuilder(paths).withDumps(settings)
                    .build(paths.sources(), storeDir, new ConsoleProgress(System.err));
            spec.commandLine().getErr().print(report.summary());
            spec.commandLine().getErr().flush();
        }
        Path ontologyFile = paths.ontology().resolve("sijill.ttl");
        ServerLimits limits = ServerLimits.DEFAULTS.withFairUseOnLoopback(fairUseLoopback);
        try {
            if (maxQueryChars != null) limits = limits.withMaxQueryChars(maxQueryChars);
            if (maxRows != null) limits = limits.withMaxRows(maxRows);
            if (maxResultBytes != null) limits = limits.withMaxResultBytes(maxResultBytes);
            if (rateLimit != null) limits = limits.withRequestsPerMinute(rateLimit);
            if (queryBudget != null) limits = limits.withQuerySecondsPerMinute(queryBudget);
        } catch (IllegalArgumentException e) {
            throw new SijillException(SijillException.Kind.BAD_INPUT, "serve: " + e.getMessage());
        }
        RequestLogModule.Mode logMode;
        try {
            logMode = RequestLogModule.Mode.parse(requestLog);
        } catch (IllegalArgumentException e) {
            throw new SijillException(SijillException.Kind.BAD_INPUT, "serve: " + e.getMessage());
        }
        if (base == null && !isLoopback(bind)) {
            spec.commandLine().getErr().println("sijill: listening on " + bind + " without --base: links and redirects will name localhost;"
                    + " give the public address with --base URL");
        }
        SijillServer server = SijillServer.builder()
                .config(config != null ? config : paths.fusekiConfig().resolve("sijill.ttl"))
                .store(storeDir)
                .ontology(ontologyFile)
                .port(port)
                .bind(bind)
                .outputBuffer(outputBuffer)
                .requestLog(logMode)
                .limits(limits)
                .timeout(timeout)
                .publicBase(base)
                .serviceAllow(serviceAllow)
                .adminPassword(adminPassword)
                .addModules(StandardModules.of(paths, timeout, dumpsDir(storeDir, paths), base))
                .build()
                .start();
        String url = server.baseUrl();
        var out = spec.commandLine().getOut();
        out.println("Sijill is serving " + storeDir.toAbsolutePath().normalize() + " (release " + server.site().release().id() + ")"
                + (Files.isSymbolicLink(storeDir) ? "; it follows new releases published there (./sijill build)" : ""));
        out.println("  landing page   " + url);
        out.println("  SPARQL         " + url + "sparql");
        out.println("  query page     " + url + "query");
        out.println("  search         " + url + "search  (API: " + url + "api/search?q=NTRA)");
        out.println("  linked data    " + url + "id/country/LB  (303 to /page/... or /data/... by Accept)");
        out.println("  ontology       " + url + "ontology  (documentation: " + url + "page/ontology)");
        out.println("  named queries  " + url + "api/queries");
        out.println("  downloads      " + url + "dumps/  (dataset description: " + url + "dataset)");
        out.println("  health         " + url + "$/ping");
        out.println("  metrics        " + url + "$/metrics  (operator only: --admin-password)");
        out.flush();
        server.join();
        return 0;
    }

    /** The dumps folder: {@code --dumps}, else the one inside the release (followed through the link), else var/dumps. */
    private Path dumpsDir(Path storeDir, ProjectPaths paths) {
        if (dumps != null) return dumps;
        return Files.isSymbolicLink(storeDir) ? ReleaseDumps.dir(storeDir) : paths.defaultDumps();
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
    }
}
