package org.w3id.sijill.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.sijill.core.SijillException;

/**
 * The streaming JSON-LD writer against the hard cases ({@code dump/hard-cases.trig}) loaded into
 * an on-disk TDB2 store: the JSON-LD's RDF, read by three independent processors, is isomorphic
 * to the store's N-Quads.
 */
class StreamingJsonLdWriterTest {

    @TempDir
    static Path tmp;

    static DatasetGraph store;
    static DatasetGraph expectedNQuads;
    static Path jsonld;
    static String text;

    @BeforeAll
    static void writeHardCases() throws Exception {
        store = DatabaseMgr.connectDatasetGraph(tmp.resolve("store").toString());
        try (InputStream in = StreamingJsonLdWriterTest.class.getResourceAsStream("/dump/hard-cases.trig")) {
            assertTrue(in != null, "test resource dump/hard-cases.trig is missing");
            Txn.executeWrite(store, () -> RDFParser.source(in).lang(Lang.TRIG).parse(store));
        }
        // The reference: the store as N-Quads, written by Jena and parsed back.
        ByteArrayOutputStream nq = new ByteArrayOutputStream();
        Txn.executeRead(store, () -> RDFDataMgr.write(nq, store, Lang.NQUADS));
        expectedNQuads = JsonLdReaders.nquads(nq.toString(StandardCharsets.UTF_8));
        assertTrue(expectedNQuads.getDefaultGraph().size() > 0, "hard cases: no default-graph triples loaded");
        assertTrue(Txn.calculateRead(store, () -> store.listGraphNodes().hasNext()), "hard cases: no named graph loaded");

        jsonld = tmp.resolve("hard-cases.jsonld");
        try (OutputStream out = Files.newOutputStream(jsonld)) {
            long n = Txn.calculateRead(store, () -> new StreamingJsonLdWriter(JsonLdContext.published()).write(store, out));
            assertEquals(Txn.calculateRead(store, () -> (long) store.stream().count()), n, "quads written");
        }
        text = Files.readString(jsonld, StandardCharsets.UTF_8);
    }

    @Test
    void jenaReaderSeesTheSameRdf() throws Exception {
        JsonLdReaders.assertIsomorphic(expectedNQuads, JsonLdReaders.jena(jsonld), "Jena JSON-LD 1.1 reader");
    }

    @Test
    void jsonldJavaSeesTheSameRdf() throws Exception {
        JsonLdReaders.assertIsomorphic(expectedNQuads, JsonLdReaders.jsonldJava(jsonld), "jsonld-java");
    }

    @Test
    void jsonldJsSeesTheSameRdf() throws Exception {
        JsonLdReaders.assertIsomorphic(JsonLdReaders.canonicalDoubles(expectedNQuads),
                JsonLdReaders.canonicalDoubles(JsonLdReaders.jsonldJs(jsonld)), "jsonld.js");
    }

    @Test
    void outputIsCompactedWithThePublishedContext() {
        assertTrue(text.contains("\"@context\": \"https://w3id.org/sijill/context.jsonld\""), text);
        // terms, compact IRIs, coercions, language objects, Arabic as UTF-8 (not \\u escapes)
        assertTrue(text.contains("\"sameAs\": \"wd:Q79\""), "owl:sameAs as term with @id coercion");
        assertTrue(text.contains("\"@id\": \"sgraph:test\", \"@graph\": ["), "named graph object");
        assertTrue(text.contains("{\"@value\": \"مصر\", \"@language\": \"ar\"}"), "Arabic label as UTF-8 value object");
        assertTrue(text.contains("\"yearAdopted\": [\"2018\""), "coerced gYear written as a bare string");
        assertTrue(text.contains("\"@type\": [\"sijill:Law\""), "class as compact IRI in @type");
        assertTrue(text.contains("\"http://example.org/p\": {\"@id\": \"http://example.org/o\"}"), "IRI outside the context kept absolute");
        assertTrue(text.contains("\"sijill:unknownProperty\": \"u\""), "property without a term as compact IRI");
    }

    @Test
    void embeddedContextNeedsNoResolution() throws Exception {
        Path embedded = tmp.resolve("embedded.jsonld");
        try (OutputStream out = Files.newOutputStream(embedded)) {
            Txn.executeRead(store, () -> new StreamingJsonLdWriter(JsonLdContext.published(), StreamingJsonLdWriter.ContextMode.EMBED)
                    .write(store, out));
        }
        DatasetGraph read = DatasetGraphFactory.createTxnMem();
        RDFParser.source(embedded).lang(Lang.JSONLD11).parse(read); // no document loader: must not need one
        JsonLdReaders.assertIsomorphic(expectedNQuads, read, "Jena reader on the embedded-context document");
    }

    @Test
    void unsortedInputIsStillCorrect() throws Exception {
        DatasetGraph mem = DatasetGraphFactory.createTxnMem();
        RDFDataMgr.read(mem, StreamingJsonLdWriterTest.class.getResourceAsStream("/dump/hard-cases.trig"), Lang.TRIG);
        Path out = tmp.resolve("unsorted.jsonld");
        StreamingJsonLdWriter w = new StreamingJsonLdWriter(JsonLdContext.published());
        try (OutputStream os = Files.newOutputStream(out); StreamingJsonLdWriter.Session s = w.open(os)) {
            // triples in reverse order: subjects interleave, so the same @id appears in several node objects
            java.util.List<org.apache.jena.graph.Triple> all = new java.util.ArrayList<>();
            mem.getDefaultGraph().find().forEachRemaining(all::add);
            java.util.Collections.reverse(all);
            s.graph(null, all.iterator());
        }
        DatasetGraph expected = DatasetGraphFactory.createTxnMem();
        mem.getDefaultGraph().find().forEachRemaining(t -> expected.getDefaultGraph().add(t));
        JsonLdReaders.assertIsomorphic(expected, JsonLdReaders.jena(out), "unsorted input");
    }

    @Test
    void oneGraphDocumentSortsBySubject() throws Exception {
        DatasetGraph mem = DatasetGraphFactory.createTxnMem();
        RDFDataMgr.read(mem, StreamingJsonLdWriterTest.class.getResourceAsStream("/dump/hard-cases.trig"), Lang.TRIG);
        org.apache.jena.graph.Graph g = mem.getGraph(NodeFactory.createURI("https://w3id.org/sijill/graph/test"));
        Path out = tmp.resolve("one-graph.jsonld");
        try (OutputStream os = Files.newOutputStream(out)) {
            assertEquals(g.size(), new StreamingJsonLdWriter(JsonLdContext.published()).writeGraph(g, os));
        }
        DatasetGraph expected = DatasetGraphFactory.createTxnMem();
        g.find().forEachRemaining(t -> expected.getDefaultGraph().add(t));
        JsonLdReaders.assertIsomorphic(expected, JsonLdReaders.jena(out), "writeGraph");
        String json = Files.readString(out);
        assertEquals(1, json.split("\"@id\": \"sid:law/eg/2018/law-175\"", -1).length - 1, "one node object per subject");
    }

    @Test
    void onePassOverTheStoreWritesTheSameBytesAsGraphByGraph() throws Exception {
        long graphs = Txn.calculateRead(store, () -> org.apache.jena.atlas.iterator.Iter.count(store.listGraphNodes()));
        assertTrue(graphs >= 2, "hard cases: the graph order is only tested with several named graphs, found " + graphs);
        ByteArrayOutputStream byGraph = new ByteArrayOutputStream();
        StreamingJsonLdWriter w = new StreamingJsonLdWriter(JsonLdContext.published());
        Txn.executeRead(store, () -> {
            try (StreamingJsonLdWriter.Session s = w.open(byGraph)) {
                s.graphByGraph(store);
            }
        });
        assertEquals(byGraph.toString(StandardCharsets.UTF_8), text);
    }

    @Test
    void predicatesInterleavedWithinASubjectAreGroupedInFirstSeenOrder() throws Exception {
        String ns = "https://w3id.org/sijill/ontology#";
        org.apache.jena.graph.Node rdfType = org.apache.jena.vocabulary.RDF.Nodes.type;
        for (int size : new int[] {6, 400}) {   // below and above the scan-grouping limit
            java.util.List<org.apache.jena.graph.Triple> triples = new java.util.ArrayList<>();
            org.apache.jena.graph.Node s = NodeFactory.createURI("https://w3id.org/sijill/id/x");
            for (int i = 0; i < size; i++) {
                org.apache.jena.graph.Node p = NodeFactory.createURI(ns + (i % 3 == 0 ? "b" : i % 3 == 1 ? "a" : "c"));
                triples.add(org.apache.jena.graph.Triple.create(s, p, NodeFactory.createLiteralString("v" + i)));
                if (i == 1) triples.add(org.apache.jena.graph.Triple.create(s, rdfType, NodeFactory.createLiteralString("a literal type")));
                if (i == 2) triples.add(org.apache.jena.graph.Triple.create(s, rdfType, NodeFactory.createURI(ns + "Law")));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (StreamingJsonLdWriter.Session session = new StreamingJsonLdWriter(JsonLdContext.published()).open(out)) {
                session.graph(null, triples.iterator());
            }
            String json = out.toString(StandardCharsets.UTF_8);
            int b = json.indexOf("\"sijill:b\": [\"v0\", \"v3\"");
            int a = json.indexOf("\"sijill:a\": [\"v1\", \"v4\"");
            int type = json.indexOf("\"rdf:type\": \"a literal type\"");
            int c = json.indexOf("\"sijill:c\": [\"v2\", \"v5\"");
            assertTrue(json.contains("\"@type\": [\"sijill:Law\"]") && b > 0 && a > b && type > a && c > type, size + ": " + json);
            assertEquals(1, json.split("\"sijill:a\"", -1).length - 1, size + ": one key per predicate");
            DatasetGraph expected = DatasetGraphFactory.createTxnMem();
            triples.forEach(t -> expected.getDefaultGraph().add(t));
            Path file = tmp.resolve("interleaved-" + size + ".jsonld");
            Files.writeString(file, json);
            JsonLdReaders.assertIsomorphic(expected, JsonLdReaders.jena(file), "interleaved predicates, " + size + " triples");
        }
    }

    @Test
    void iriWhoseSchemeIsAContextTermIsRefused() {
        DatasetGraph mem = DatasetGraphFactory.createTxnMem();
        mem.getDefaultGraph().add(NodeFactory.createURI("http://example.org/s"), NodeFactory.createURI("http://example.org/p"),
                NodeFactory.createURI("label:x"));
        SijillException e = assertThrows(SijillException.class,
                () -> new StreamingJsonLdWriter(JsonLdContext.published()).write(mem, OutputStream.nullOutputStream()));
        assertTrue(e.getMessage().contains("label:x"), e.getMessage());
    }

    @Test
    void emptyDatasetIsAValidDocument() throws Exception {
        Path out = tmp.resolve("empty.jsonld");
        try (OutputStream os = Files.newOutputStream(out)) {
            new StreamingJsonLdWriter(JsonLdContext.published()).write(DatasetGraphFactory.createTxnMem(), os);
        }
        assertEquals("{\n  \"@context\": \"https://w3id.org/sijill/context.jsonld\",\n  \"@graph\": []\n}\n", Files.readString(out));
        assertTrue(JsonLdReaders.jena(out).isEmpty());
    }
}
