package org.w3id.sijill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code sijill build} on bad input: one clear line naming file, line and field, exit code 2, no store. */
class BuildCommandTest {

    static final Path CASE = Path.of("../loader/src/test/resources/cases/unknown-column/input");

    @TempDir
    Path tmp;

    @Test
    void badInputExitsNonZeroWithFileLineAndField() {
        assertTrue(Files.isDirectory(CASE), CASE.toAbsolutePath().toString());
        Path store = tmp.resolve("store");
        CommandLine cl = SijillCli.commandLine();
        StringWriter err = new StringWriter();
        StringWriter out = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(out));
        int code = cl.execute("build", "--sources", CASE.toString(), "--store", store.toString());
        assertEquals(2, code, "stderr: " + err);
        assertTrue(err.toString().startsWith("sijill: "), err.toString());
        assertTrue(err.toString().contains("tables/countries.csv:1: field 'capital': unknown column"), err.toString());
        assertFalse(err.toString().contains("Exception"), err.toString());
        assertFalse(Files.exists(store));
    }
}
