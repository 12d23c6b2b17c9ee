package org.w3id.sijill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import org.junit.jupiter.api.Test;

/** {@code serve} rejects bad arguments with a message and exit code, before touching any store. */
class ServeCommandTest {

    private static String[] run(String... args) {
        CommandLine cl = SijillCli.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        int code = cl.execute(args);
        return new String[] {Integer.toString(code), err.toString()};
    }

    @Test
    void aNonPositiveTimeoutIsRefused() {
        String[] r = run("serve", "--timeout", "0", "--store", "/nonexistent/never-built");
        assertEquals("2", r[0]);
        assertTrue(r[1].contains("--timeout must be positive"), r[1]);
    }

    @Test
    void aMalformedPortIsAUsageError() {
        String[] r = run("serve", "--port", "eighty");
        assertEquals("2", r[0]);
        assertTrue(r[1].contains("--port"), r[1]);
    }
}
