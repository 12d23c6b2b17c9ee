package org.w3id.sijill.loader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.w3id.sijill.core.ProjectPaths;

/**
 * The store built from the project's own {@code sources/} with its own {@code ontology/}, built
 * once per test JVM and shared by the test classes that need real data.
 *
 * <pre>{@code
 * Path store = RealStore.get().store();
 * }</pre>
 *
 * @param store  the TDB2 folder
 * @param report what the build reported
 */
public record RealStore(Path store, BuildReport report) {

    private static RealStore built;

    /** @return the shared real-data store, built on first use */
    public static synchronized RealStore get() {
        if (built == null) {
            try {
                Path dir = Files.createTempDirectory("sijill-real-store");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
                ProjectPaths paths = new ProjectPaths(TestPaths.projectHome());
                Path store = dir.resolve("store");
                BuildReport report = new StoreBuilder(paths).build(paths.sources(), store, new ConsoleProgress(System.out, false));
                built = new RealStore(store, report);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return built;
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
