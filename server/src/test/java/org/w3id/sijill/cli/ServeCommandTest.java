package org.w3id.sijill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code serve} rejects bad arguments with a message and exit code, before touching any store. */
class ServeCommandTest {

    @Test
    void aNonPositiveTimeoutIsRefused() {
        CliRun r = CliRun.of("serve", "--timeout", "0", "--store", "/nonexistent/never-built");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("--timeout must be positive"), r.err());
    }

    @Test
    void aMalformedPortIsAUsageError() {
        CliRun r = CliRun.of("serve", "--port", "eighty");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("--port"), r.err());
    }
}
