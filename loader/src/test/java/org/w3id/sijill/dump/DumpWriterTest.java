package org.w3id.sijill.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.vocabulary.DCTerms;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.sijill.core.SijillException;

/** {@link DumpWriter}: all files, consistent with each other, checksummed, with release and provenance in the data. */
class DumpWriterTest {

    @TempDir
    static Path tmp;

    static Path storeDir;
    static DatasetGraph store;
    static Path out;
    static DumpCatalog catalog;
    static DatasetGraph nquads;

    @BeforeAll
    static void writeDumps() throws Exception {
        storeDir = tmp.resolve("store");
        store = DumpFixture.store(storeDir, "/dump/hard-cases.trig", "/dump/sample.trig");
        out = tmp.resolve("dumps");
        catalog = new DumpWriter(DumpFixture.settings()).write(store, Release.read(storeDir), out);
        nquads = DatasetGraphFactory.createTxnMem();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(out.resolve("sijill.nq.gz")))) {
            RDFParser.source(in).lang(Lang.NQUADS).parse(nquads);
        }
    }

    @Test
    void allFilesAreWrittenAndCatalogued() throws Exception {
        List<String> names = catalog.files().stream().map(DumpCatalog.DumpFile::name).toList();
        assertEquals(List.of("sijill.jsonld", "sijill.jsonld.gz", "sijill.nq.gz", "sijill.trig", "sijill.ttl"), names);
        assertEquals(DumpFixture.RELEASE.id(), catalog.release());
        for (DumpCatalog.DumpFile f : catalog.files()) {
            assertEquals(Files.size(out.resolve(f.name())), f.bytes(), f.name());
            assertEquals(DumpWriter.sha256(out.resolve(f.name())), f.sha256(), f.name());
            assertTrue(f.bytes() > 0, f.name());
        }
        // sha256sum format: "<64 hex>  <name>"
        List<String> sums = Files.readAllLines(out.resolve("SHA256SUMS"));
        assertEquals(5, sums.size());
        assertTrue(sums.get(0).matches("[0-9a-f]{64}  sijill\\.jsonld"), sums.get(0));
        try (var files = Files.list(out)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().startsWith(".staging")), "staging folder left behind");
        }
    }

    @Test
    void nquadsHoldTheStoreAndTheDescriptionGraph() {
        DatasetGraph expected = DatasetGraphFactory.createTxnMem();
        Txn.executeRead(store, () -> store.find().forEachRemaining(expected::add));
        Graph description = nquads.getGraph(NodeFactory.createURI(DatasetDescription.GRAPH));
        assertFalse(description.isEmpty(), "no dataset-description graph in the N-Quads dump");
        description.find().forEachRemaining(t -> expected.add(NodeFactory.createURI(DatasetDescription.GRAPH), t.getSubject(), t.getPredicate(), t.getObject()));
        JsonLdReaders.assertIsomorphic(expected, nquads, "N-Quads dump vs store");
    }

    @Test
    void jsonLdMatchesNQuadsThreeWays() throws Exception {
        for (String f : List.of("sijill.jsonld", "sijill.jsonld.gz")) {
            JsonLdReaders.assertIsomorphic(nquads, JsonLdReaders.jena(out.resolve(f)), f + " by Jena");
        }
        JsonLdReaders.assertIsomorphic(nquads, JsonLdReaders.jsonldJava(out.resolve("sijill.jsonld")), "sijill.jsonld by jsonld-java");
        JsonLdReaders.assertIsomorphic(JsonLdReaders.canonicalDoubles(nquads),
                JsonLdReaders.canonicalDoubles(JsonLdReaders.jsonldJs(out.resolve("sijill.jsonld.gz"))), "sijill.jsonld.gz by jsonld.js");
    }

    @Test
    void trigMatchesNQuads() {
        DatasetGraph trig = DatasetGraphFactory.createTxnMem();
        RDFParser.source(out.resolve("sijill.trig")).lang(Lang.TRIG).parse(trig);
        JsonLdReaders.assertIsomorphic(nquads, trig, "sijill.trig");
    }

    @Test
    void turtleIsTheUnionOfAllGraphs() {
        Graph expected = GraphFactory.createDefaultGraph();
        nquads.find().forEachRemaining(q -> expected.add(q.asTriple()));
        Graph ttl = GraphFactory.createDefaultGraph();
        RDFParser.source(out.resolve("sijill.ttl")).lang(Lang.TURTLE).parse(ttl);
        DatasetGraph e = DatasetGraphFactory.wrap(expected);
        DatasetGraph a = DatasetGraphFactory.wrap(ttl);
        JsonLdReaders.assertIsomorphic(e, a, "sijill.ttl");
    }

    @Test
    void turtleWritesATripleInSeveralGraphsOnce(@TempDir Path dir) throws Exception {
        DatasetGraph copies = DumpFixture.store(dir.resolve("store"), "/dump/statistics-edge-cases.trig");
        Path dumps = dir.resolve("dumps");
        new DumpWriter(DumpFixture.settings()).write(copies, Release.read(dir.resolve("store")), dumps);
        DatasetGraph written = DatasetGraphFactory.createTxnMem();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(dumps.resolve("sijill.nq.gz")))) {
            RDFParser.source(in).lang(Lang.NQUADS).parse(written);
        }
        org.apache.jena.graph.Node description = NodeFactory.createURI(DatasetDescription.GRAPH);
        java.util.Set<org.apache.jena.graph.Triple> union = new java.util.HashSet<>();
        long storeQuads = written.stream().filter(q -> !q.isDefaultGraph() && !q.getGraph().equals(description)).peek(q -> union.add(q.asTriple())).count();
        assertTrue(storeQuads > union.size(), "the fixture has copies of triples in several graphs: " + storeQuads + " quads, " + union.size() + " triples");
        // the store's named graphs as one graph, each triple once; then the default graph's and the release description's, as they are
        long expected = union.size() + written.getDefaultGraph().size() + written.getGraph(description).size();
        long[] triples = {0};
        RDFParser.source(dumps.resolve("sijill.ttl")).lang(Lang.TURTLE).parse(new org.apache.jena.riot.system.StreamRDFBase() {
            @Override
            public void triple(org.apache.jena.graph.Triple t) {
                triples[0]++;
            }
        });
        assertEquals(expected, triples[0], "triples written in sijill.ttl");
    }

    @Test
    void releaseLicenceAndAcknowledgementAreInTheData() throws Exception {
        Graph d = nquads.getGraph(NodeFactory.createURI(DatasetDescription.GRAPH));
        org.apache.jena.graph.Node ds = NodeFactory.createURI(DatasetDescription.DATASET);
        assertTrue(d.contains(ds, DCTerms.hasVersion.asNode(), NodeFactory.createLiteralString(DumpFixture.RELEASE.id())), "release id");
        assertTrue(d.contains(ds, DCTerms.license.asNode(), NodeFactory.createURI(DumpSettings.DEFAULT_LICENCE)), "licence");
        assertTrue(d.contains(ds, DCTerms.rights.asNode(),
                NodeFactory.createLiteralLang("Source: UNCTAD Global Cyberlaw Tracker (data as of 2026-04-27)", "en")), "UNCTAD acknowledgement");
        assertTrue(d.contains(ds, DCTerms.source.asNode(), NodeFactory.createURI("https://w3id.org/sijill/id/document/doc-1")), "document source");
        assertTrue(d.contains(ds, DCTerms.source.asNode(), NodeFactory.createURI("https://w3id.org/sijill/id/source/unctad-cyberlaw-tracker-2026")),
                "external source");
        for (String f : List.of("sijill.trig", "sijill.ttl")) {
            String head = Files.readString(out.resolve(f), StandardCharsets.UTF_8).lines().limit(5).reduce("", (x, y) -> x + y + "\n");
            assertTrue(head.contains("# release " + DumpFixture.RELEASE.id()), f + " header: " + head);
            assertTrue(head.contains("Source: UNCTAD Global Cyberlaw Tracker (data as of 2026-04-27)"), f + " header: " + head);
        }
    }

    @Test
    void failedWriteLeavesPublishedDumpsAlone() throws Exception {
        Path dir = tmp.resolve("failing");
        DatasetGraph good = DumpFixture.store(dir.resolve("store"), "/dump/sample.trig");
        Path dumps = dir.resolve("dumps");
        DumpCatalog before = new DumpWriter(DumpFixture.settings()).write(good, Release.read(dir.resolve("store")), dumps);
        // a store the JSON-LD writer must refuse: an IRI whose scheme is a context term
        DatasetGraph bad = DatabaseMgr.connectDatasetGraph(dir.resolve("bad").toString());
        Txn.executeWrite(bad, () -> bad.add(NodeFactory.createURI("https://w3id.org/sijill/graph/x"), NodeFactory.createURI("http://example.org/s"),
                NodeFactory.createURI("http://example.org/p"), NodeFactory.createURI("label:x")));
        Release other = new Release("2026-05-01-ffffffffffff", "2026-05-01T00:00:00Z", 1, 1);
        assertThrows(SijillException.class, () -> new DumpWriter(DumpFixture.settings()).write(bad, other, dumps));
        assertEquals(before, DumpCatalog.read(dumps), "published dumps changed by a failed run");
        for (DumpCatalog.DumpFile f : before.files()) assertEquals(f.sha256(), DumpWriter.sha256(dumps.resolve(f.name())));
        try (var files = Files.list(dumps)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().startsWith(".staging")), "staging folder left behind");
        }
    }

    @Test
    void ensureCurrentRewritesOnlyForANewRelease() throws Exception {
        Path dir = tmp.resolve("ensure");
        Path sd = dir.resolve("store");
        DatasetGraph s = DumpFixture.store(sd, "/dump/sample.trig");
        Path dumps = dir.resolve("dumps");
        DumpCatalog first = Dumps.ensureCurrent(s, sd, dumps, DumpFixture.settings());
        FileTime t = FileTime.fromMillis(0);
        Files.setLastModifiedTime(dumps.resolve("sijill.ttl"), t);
        assertEquals(first, Dumps.ensureCurrent(s, sd, dumps, DumpFixture.settings()));
        assertEquals(t, Files.getLastModifiedTime(dumps.resolve("sijill.ttl")), "same release: the dumps must not be rewritten");
        new Release("2026-05-02-aaaaaaaaaaaa", "2026-05-02T00:00:00Z", 1, 1).write(sd);
        DumpCatalog second = Dumps.ensureCurrent(s, sd, dumps, DumpFixture.settings());
        assertEquals("2026-05-02-aaaaaaaaaaaa", second.release());
        assertTrue(Files.readString(dumps.resolve("sijill.trig")).contains("# release 2026-05-02-aaaaaaaaaaaa"));
    }

    @Test
    void missingReleaseFileIsAClearError() {
        SijillException e = assertThrows(SijillException.class, () -> Release.read(tmp.resolve("nowhere")));
        assertTrue(e.getMessage().contains("release.properties"), e.getMessage());
    }

    /** The same release id gives the same bytes, whenever it is built: no build time inside the files. */
    @Test
    void theSameReleaseGivesByteIdenticalDumps() throws Exception {
        Release rebuilt = new Release(DumpFixture.RELEASE.id(), "2031-01-02T03:04:05.123456789Z", 0, 0);
        Path again = tmp.resolve("dumps-again");
        DumpCatalog second = new DumpWriter(DumpFixture.settings()).write(store, rebuilt, again);
        assertEquals(catalog.files().size(), second.files().size());
        assertTrue(catalog.files().size() >= 5, "the dumps were written: " + catalog.files().size());
        for (DumpCatalog.DumpFile f : catalog.files()) {
            assertTrue(java.util.Arrays.equals(Files.readAllBytes(out.resolve(f.name())), Files.readAllBytes(again.resolve(f.name()))),
                    f.name() + " differs between two builds of the same release");
        }
    }
}
