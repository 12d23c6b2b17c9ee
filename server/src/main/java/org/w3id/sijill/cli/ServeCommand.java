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
import org.w3id.sijill.loader.BuildReport;
import org.w3id.sijill.loader.ConsoleProgress;
import org.w3id.sijill.loader.StoreBuilder;
import org.w3id.sijill.server.SijillServer;
import org.w3id.sijill.server.StandardModules;
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

    @Option(names = "--dumps", paramLabel = "DIR", description = "where the dumps are written (when missing or stale) and served from (default: var/dumps of the project)")
    Path dumps;

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
        if (!Files.isDirectory(storeDir)) {
            spec.commandLine().getErr().println("sijill: no store at " + storeDir + "; building it from " + paths.sources());
            BuildReport report = new StoreBuilder(paths).build(paths.sources(), storeDir, new ConsoleProgress(System.err));
            spec.commandLine().getErr().print(report.summary());
            spec.commandLine().getErr().flush();
        }
        Path ontologyFile = paths.ontology().resolve("sijill.ttl");
        SijillServer server = SijillServer.builder()
                .config(config != null ? config : paths.fusekiConfig().resolve("sijill.ttl"))
                .store(storeDir)
                .ontology(ontologyFile)
                .port(port)
                .timeout(timeout)
                .publicBase(base)
                .serviceAllow(serviceAllow)
                .adminPassword(adminPassword)
                .addModules(StandardModules.of(paths, timeout, dumps != null ? dumps : paths.defaultDumps(), base))
                .build()
                .start();
        String url = server.baseUrl();
        var out = spec.commandLine().getOut();
        out.println("Sijill is serving " + storeDir.toAbsolutePath().normalize() + " (release " + server.site().release().id() + ")");
        out.println("  landing page   " + url);
        out.println("  SPARQL         " + url + "sparql");
        out.println("  query page     " + url + "query");
        out.println("  search         " + url + "search  (API: " + url + "api/search?q=NTRA)");
        out.println("  linked data    " + url + "id/country/LB  (303 to /page/... or /data/... by Accept)");
        out.println("  ontology       " + url + "ontology  (documentation: " + url + "page/ontology)");
        out.println("  named queries  " + url + "api/queries");
        out.println("  downloads      " + url + "dumps/  (dataset description: " + url + "dataset)");
        out.println("  health         " + url + "$/ping");
        out.println("  metrics        " + url + "$/metrics");
        out.flush();
        server.join();
        return 0;
    }
}
