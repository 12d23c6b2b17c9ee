package org.w3id.sijill.server.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.w3id.sijill.core.ProjectPaths;
import org.w3id.sijill.loader.ProgressListener;
import org.w3id.sijill.loader.StoreBuilder;
import org.w3id.sijill.server.SijillServer;
import org.w3id.sijill.server.StandardModules;

/**
 * Servers as {@code serve} assembles them, on the store built from the project's own
 * {@code sources/}. The store (and its dumps) is built once per test JVM and shared by the test
 * classes that need real data; each class starts its own server on it (port 0), usually through the
 * JUnit extension {@link RealDataServer}.
 *
 * <pre>{@code
 * SijillServer server = RealDataServers.start(List.of());
 * }</pre>
 */
public final class RealDataServers {
    private RealDataServers() {}

    private static Path dir;

    /** @return the folder holding {@code store/} and {@code dumps/}, built on first use */
    public static synchronized Path folder() {
        if (dir == null) {
            try {
                Path d = Files.createTempDirectory("sijill-real-data");
                ProjectPaths paths = ProjectPaths.locate();
                new StoreBuilder(paths).build(paths.sources(), d.resolve("store"), ProgressListener.NONE);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(d)));
                dir = d;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return dir;
    }

    /**
     * @param serviceAllow endpoints federated SERVICE may call
     * @return a started server on the shared real-data store
     */
    public static SijillServer start(List<String> serviceAllow) {
        ProjectPaths paths = ProjectPaths.locate();
        Path d = folder();
        SijillServer server = SijillServer.builder()
                .config(paths.fusekiConfig().resolve("sijill.ttl"))
                .store(d.resolve("store"))
                .ontology(paths.ontology().resolve("sijill.ttl"))
                .port(0)
                .serviceAllow(serviceAllow)
                .addModules(StandardModules.of(paths, Duration.ofSeconds(10), d.resolve("dumps"), null))
                .build().start();
        // the dumps are written in the background after the port opens
        org.w3id.sijill.server.DumpsReady.await(server.port(), Duration.ofSeconds(120));
        return server;
    }

    private static void delete(Path d) {
        try (Stream<Path> files = Files.walk(d)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // At JVM exit the temporary folder is best effort; report it rather than fail the run.
            System.err.println("could not delete " + d + ": " + e.getMessage());
        }
    }
}
