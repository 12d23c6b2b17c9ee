package org.w3id.sijill.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.core.SourceDataException;

/**
 * A failed build leaves the existing store as it was: same files (byte for byte), same quads, and
 * no temporary folder next to it. A successful rebuild replaces it and writes release.properties.
 */
class FailedBuildKeepsStoreTest {

    static final Path CASES = LoaderCasesTest.CASES;

    @TempDir
    Path tmp;

    @Test
    void failingBuildsLeaveTheStoreUntouched() throws Exception {
        Path store = tmp.resolve("var").resolve("store");
        StoreBuilder builder = new StoreBuilder(new OntologyFiles(CASES.resolve("_ontology")));
        BuildReport good = builder.build(CASES.resolve("provenance-evidence/input"), store, ProgressListener.NONE);
        assertTrue(good.quads() > 0);
        Map<String, String> filesBefore = fileDigests(store);
        assertFalse(filesBefore.isEmpty());
        List<String> quadsBefore = quads(store);
        assertEquals(good.quads(), quadsBefore.size());
        filesBefore = fileDigests(store); // after the read (opening may create the lock file)

        // one failure while checking rows (before any store is created), one in SHACL validation (after loading)
        for (String bad : List.of("evidence-not-found", "shape-violation", "non-utf8")) {
            SijillException e = assertThrows(SijillException.class,
                    () -> builder.build(CASES.resolve(bad).resolve("input"), store, ProgressListener.NONE), bad);
            if (!bad.equals("shape-violation")) assertTrue(e instanceof SourceDataException, bad + ": " + e);
            assertEquals(filesBefore, fileDigests(store), "store files changed by failed build " + bad);
            assertEquals(quadsBefore, quads(store), "store content changed by failed build " + bad);
            try (Stream<Path> s = Files.list(store.getParent())) {
                assertEquals(List.of(store.resolveSibling("releases"), store), s.sorted().toList(), "leftovers next to the store after " + bad);
            }
            try (Stream<Path> s = Files.list(store.resolveSibling("releases"))) {
                assertEquals(List.of(store.toRealPath()), s.toList(), "a failed build added a release");
            }
        }

        Map<String, String> props = release(store);
        assertTrue(props.get("release").matches("\\d{4}-\\d{2}-\\d{2}-[0-9a-f]{12}"), props.toString());
        assertEquals(Long.toString(good.quads()), props.get("quads"));
        assertEquals(good.release(), props.get("release"));

        // a good rebuild from other input replaces the store; the same input gives the same release digest
        BuildReport other = builder.build(CASES.resolve("list-columns/input"), store, ProgressListener.NONE);
        assertEquals(other.quads(), quads(store).size());
        assertFalse(other.release().equals(good.release()));
        BuildReport again = builder.build(CASES.resolve("provenance-evidence/input"), store, ProgressListener.NONE);
        assertEquals(good.release(), again.release());
        assertEquals(quadsBefore, quads(store));
    }

    static List<String> quads(Path store) {
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(store.toString());
        try {
            return Txn.calculateRead(dsg, () -> dsg.stream()
                    // blank-node labels differ between builds of the same input
                    .map(q -> q.getGraph() + " " + (q.getSubject().isBlank() ? "_:b" : q.getSubject().toString()) + " "
                            + q.getPredicate() + " " + (q.getObject().isBlank() ? "_:b" : q.getObject().toString()))
                    .sorted().toList());
        } finally {
            TDBInternal.expel(dsg);
        }
    }

    static Map<String, String> fileDigests(Path link) throws IOException {
        Path dir = link.toRealPath();  // the store path is a link to the release folder
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                try {
                    m.put(dir.relativize(p).toString(), HexFormat.of().formatHex(
                            MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return m;
    }

    static Map<String, String> release(Path store) throws IOException {
        Map<String, String> m = new TreeMap<>();
        for (String l : Files.readAllLines(store.resolve(StoreBuilder.RELEASE_FILE))) {
            if (l.startsWith("#") || !l.contains("=")) continue;
            m.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1));
        }
        assertTrue(m.keySet().containsAll(List.of("release", "built", "triples", "quads")), m.toString());
        return m;
    }
}
