package org.w3id.sijill.core;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the project's own folders are: {@code ontology/}, {@code sources/}, {@code queries/},
 * {@code fuseki-config/}, the default store {@code var/store} and dumps folder {@code var/dumps}. The home is taken from the
 * {@code SIJILL_HOME} environment variable or system property, else found by walking up from the
 * working directory to the first folder that holds {@code ontology/sijill.ttl}.
 *
 * <pre>{@code
 * ProjectPaths home = ProjectPaths.locate();
 * Path shapes = home.ontology().resolve("shapes");
 * }</pre>
 */
public record ProjectPaths(Path home) {

    /** @return the project home found from the environment or the working directory */
    public static ProjectPaths locate() {
        String configured = System.getProperty("sijill.home", System.getenv("SIJILL_HOME"));
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured).toAbsolutePath().normalize();
            if (!isHome(p)) {
                throw new SijillException(SijillException.Kind.ENVIRONMENT,
                        "SIJILL_HOME=" + p + " does not hold ontology/sijill.ttl");
            }
            return new ProjectPaths(p);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (isHome(p)) return new ProjectPaths(p);
        }
        throw new SijillException(SijillException.Kind.ENVIRONMENT,
                "cannot find the Sijill project folder (one holding ontology/sijill.ttl) from "
                        + Path.of("").toAbsolutePath() + "; set SIJILL_HOME");
    }

    private static boolean isHome(Path p) {
        return Files.isRegularFile(p.resolve("ontology").resolve("sijill.ttl"));
    }

    public Path ontology() { return home.resolve("ontology"); }

    public Path sources() { return home.resolve("sources"); }

    public Path queries() { return home.resolve("queries"); }

    public Path fusekiConfig() { return home.resolve("fuseki-config"); }

    public Path defaultStore() { return home.resolve("var").resolve("store"); }

    public Path defaultDumps() { return home.resolve("var").resolve("dumps"); }
}
