package org.w3id.sijill.server.dumps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.sijill.cli.CliRun;
import org.w3id.sijill.dump.DumpCatalog;
import org.w3id.sijill.dump.Release;

/** {@code sijill dump --out DIR --store DIR} end to end, and its errors. */
class DumpCommandTest {

    @TempDir
    Path tmp;

    @Test
    void writesAllDumpsOfTheStore() throws Exception {
        Path store = tmp.resolve("store");
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(store.toString());
        try (InputStream in = DumpCommandTest.class.getResourceAsStream("/dumps/sample.trig")) {
            Txn.executeWrite(dsg, () -> RDFParser.source(in).lang(Lang.TRIG).parse(dsg));
        }
        new Release("2026-04-27-0a1b2c3d4e5f", "2026-04-27T12:00:00Z", 12, 12).write(store);
        Path out = tmp.resolve("dumps");
        CliRun r = CliRun.of("dump", "--out", out.toString(), "--store", store.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("release 2026-04-27-0a1b2c3d4e5f"), r.out());
        DumpCatalog c = DumpCatalog.read(out);
        assertEquals(5, c.files().size());
        for (DumpCatalog.DumpFile f : c.files()) assertTrue(r.out().contains(f.sha256()), "output lacks " + f.name());
    }

    @Test
    void missingStoreOrReleaseIsAClearError() throws Exception {
        CliRun none = CliRun.of("dump", "--out", tmp.resolve("d").toString(), "--store", tmp.resolve("nowhere").toString());
        assertEquals(5, none.exit());
        assertTrue(none.err().contains("no store at"), none.err());

        Path store = tmp.resolve("bare");
        Files.createDirectories(store);
        CliRun noRelease = CliRun.of("dump", "--out", tmp.resolve("d").toString(), "--store", store.toString());
        assertEquals(5, noRelease.exit());
        assertTrue(noRelease.err().contains("release.properties"), noRelease.err());
        assertFalse(Files.exists(tmp.resolve("d").resolve("SHA256SUMS")));

        CliRun noOut = CliRun.of("dump");
        assertEquals(2, noOut.exit(), noOut.err());
        assertTrue(noOut.err().contains("--out"), noOut.err());
    }
}
