package org.w3id.sijill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sijill build} on bad input: one clear line naming file, line and field, exit code 2, no store. */
class BuildCommandTest {

    static final Path CASE = Path.of("../loader/src/test/resources/cases/unknown-column/input");

    @TempDir
    Path tmp;

    @Test
    void badInputExitsNonZeroWithFileLineAndField() {
        assertTrue(Files.isDirectory(CASE), CASE.toAbsolutePath().toString());
        Path store = tmp.resolve("store");
        CliRun r = CliRun.of("build", "--sources", CASE.toString(), "--store", store.toString());
        assertEquals(2, r.exit(), "stderr: " + r.err());
        assertTrue(r.err().startsWith("sijill: "), r.err());
        assertTrue(r.err().contains("tables/countries.csv:1: field 'capital': unknown column"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(store));
    }
}
