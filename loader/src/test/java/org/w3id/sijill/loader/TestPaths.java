package org.w3id.sijill.loader;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the project home (the folder holding {@code sources/documents.csv}) from the test's working directory. */
final class TestPaths {
    private TestPaths() {}

    static Path projectHome() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("sources").resolve("documents.csv"))) return p;
        }
        throw new IllegalStateException("project home not found from " + Path.of("").toAbsolutePath());
    }
}
