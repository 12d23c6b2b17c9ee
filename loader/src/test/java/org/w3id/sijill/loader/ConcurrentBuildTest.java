package org.w3id.sijill.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.sijill.core.ProjectPaths;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.dump.DumpFormat;
import org.w3id.sijill.dump.DumpSettings;
import org.w3id.sijill.dump.DumpWriter;
import org.w3id.sijill.dump.Release;
import org.w3id.sijill.dump.ReleaseDumps;
import org.w3id.sijill.search.SearchIndexDefinition;

/**
 * The build's read-only work on the committed store (SHACL validation and counts, text index, the
 * dump files) runs side by side and releases what it released one part after another: the same
 * dump bytes (SHA256SUMS) as the sequential dump writer, the same text index documents and report; a failure there leaves no half
 * release and is the failure the sequential build gave.
 */
class ConcurrentBuildTest {
    static final Path CASES = LoaderCasesTest.CASES;

    @TempDir
    Path tmp;

    private static DumpSettings settings() {
        DumpSettings settings = DumpSettings.fromProject(new ProjectPaths(TestPaths.projectHome()));
        assertFalse(settings.sources().isEmpty(), "sources/external-sources.csv has no rows");
        return settings;
    }

    private static StoreBuilder builder(int threads) {
        return new StoreBuilder(new OntologyFiles(CASES.resolve("_ontology"))).withDumps(settings()).threads(threads);
    }

    @Test
    void concurrentBuildReleasesWhatTheSequentialBuildReleased() throws Exception {
        Path input = CASES.resolve("provenance-evidence").resolve("input");
        Path one = tmp.resolve("one").resolve("store");
        Path two = tmp.resolve("two").resolve("store");
        BuildReport sequential = builder(1).build(input, one, ProgressListener.NONE);
        RecordedParts parts = new RecordedParts();
        BuildReport concurrent = builder(2).build(input, two, parts);
        assertTrue(parts.done.containsAll(List.of("building the text index", "counting", "writing the JSON-LD dump", "writing the N-Quads dump",
                "writing the TriG dump", "writing the Turtle dump")) && parts.done.stream().anyMatch(p -> p.startsWith("validating with SHACL")),
                parts.done.toString());

        assertEquals(sequential.release(), concurrent.release());
        assertEquals(sequential.summary().replace(one.toString(), "STORE").replace(sequential.built().toString(), "BUILT"),
                concurrent.summary().replace(two.toString(), "STORE").replace(concurrent.built().toString(), "BUILT"));
        // the dumps the concurrent build published are the bytes the sequential writer gives from the
        // same store (two builds differ in their blank nodes' labels, so the same store, not the same input)
        Path again = tmp.resolve("again").resolve("dumps");
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(two.toRealPath().toString());
        try {
            new DumpWriter(settings()).write(dsg, Release.read(two), again);
        } finally {
            TDBInternal.expel(dsg);
        }
        String sums = Files.readString(again.resolve(DumpFormat.CHECKSUMS));
        assertEquals(DumpFormat.values().length, sums.lines().count(), sums);
        assertEquals(sums, Files.readString(ReleaseDumps.dir(two).resolve(DumpFormat.CHECKSUMS)), "the concurrent build's dumps differ");
        assertEquals(Files.readString(again.resolve(Release.FILE)).lines().filter(l -> !l.startsWith("#")).sorted().toList(),
                Files.readString(ReleaseDumps.dir(two).resolve(Release.FILE)).lines().filter(l -> !l.startsWith("#")).sorted().toList());
        assertEquals(FailedBuildKeepsStoreTest.fileDigests(ReleaseDumps.dir(one)).keySet(), FailedBuildKeepsStoreTest.fileDigests(ReleaseDumps.dir(two)).keySet());

        List<String> docs = storedDocuments(one.resolve(SearchIndexDefinition.FOLDER));
        assertTrue(docs.size() > 10, "the text index has only " + docs.size() + " documents");
        assertEquals(docs, storedDocuments(two.resolve(SearchIndexDefinition.FOLDER)), "the text indexes differ");
    }

    @Test
    void failureBesideTheDumpsLeavesNoHalfReleaseAndIsTheSequentialFailure() throws Exception {
        Path store = tmp.resolve("var").resolve("store");
        builder(2).build(CASES.resolve("provenance-evidence").resolve("input"), store, ProgressListener.NONE);
        Map<String, String> before = FailedBuildKeepsStoreTest.fileDigests(store);
        assertTrue(before.keySet().stream().anyMatch(f -> f.startsWith("dumps/")), before.keySet().toString());
        assertTrue(before.keySet().stream().anyMatch(f -> f.startsWith(SearchIndexDefinition.FOLDER + "/")), before.keySet().toString());

        Path bad = CASES.resolve("shape-violation").resolve("input");
        SijillException sequential = assertThrows(SijillException.class, () -> builder(1).build(bad, tmp.resolve("seq").resolve("store"), ProgressListener.NONE));
        RecordedParts parts = new RecordedParts();
        SijillException concurrent = assertThrows(SijillException.class, () -> builder(2).build(bad, store, parts));
        assertEquals(sequential.getClass(), concurrent.getClass());
        assertEquals(sequential.kind(), concurrent.kind());
        assertEquals(sequential.getMessage(), concurrent.getMessage());
        assertTrue(concurrent.getMessage().startsWith("SHACL validation failed"), concurrent.getMessage());
        assertFalse(parts.done.stream().anyMatch(p -> p.startsWith("validating with SHACL") || p.equals("counting")), parts.done.toString());

        assertEquals(before, FailedBuildKeepsStoreTest.fileDigests(store), "the failed build changed the published release");
        try (Stream<Path> s = Files.list(store.getParent())) {
            assertEquals(List.of(store.resolveSibling("releases"), store), s.sorted().toList(), "leftovers next to the store");
        }
        try (Stream<Path> s = Files.list(store.resolveSibling("releases"))) {
            assertEquals(List.of(store.toRealPath()), s.toList(), "the failed build added a release");
        }
        try (Stream<Path> s = Files.list(tmp.resolve("seq"))) {
            assertEquals(List.of(), s.toList(), "the failed sequential build left files");
        }
    }

    /** Every document's stored fields, in index order. */
    private static List<String> storedDocuments(Path index) throws IOException {
        List<String> out = new ArrayList<>();
        try (FSDirectory dir = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(dir)) {
            var stored = reader.storedFields();
            for (int i = 0; i < reader.maxDoc(); i++) {
                Document d = stored.document(i);
                StringBuilder b = new StringBuilder();
                for (IndexableField f : d.getFields()) b.append(f.name()).append('=').append(f.stringValue()).append('\t');
                out.add(b.toString());
            }
        }
        return out;
    }
}
