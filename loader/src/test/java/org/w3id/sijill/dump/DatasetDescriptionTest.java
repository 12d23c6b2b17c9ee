package org.w3id.sijill.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DCAT + VoID description: only declared terms, and figures that agree with the files and the store. */
class DatasetDescriptionTest {

    @TempDir
    static Path tmp;

    static Graph description;
    static Model model;
    static DumpCatalog catalog;

    @BeforeAll
    static void describe() throws Exception {
        Path sd = tmp.resolve("store");
        DatasetGraph store = DumpFixture.store(sd, "/dump/hard-cases.trig", "/dump/sample.trig");
        catalog = new DumpWriter(DumpFixture.settings()).write(store, Release.read(sd), tmp.resolve("dumps"));
        description = Txn.calculateRead(store, () -> DatasetDescription.full(Release.read(sd), DumpFixture.settings(), store, catalog));
        model = ModelFactory.createModelForGraph(description);
    }

    /** namespace → declared local names, from test resources vocab/*.txt. */
    static Map<String, Set<String>> declaredTerms() throws IOException {
        Map<String, Set<String>> out = new HashMap<>();
        for (String f : List.of("dcat", "void", "spdx", "dcterms", "rdf-rdfs", "rdfs")) {
            try (InputStream in = DatasetDescriptionTest.class.getResourceAsStream("/vocab/" + f + ".txt")) {
                assertTrue(in != null, "vocab/" + f + ".txt missing");
                List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
                assertTrue(lines.get(0).startsWith("namespace ") && lines.get(1).startsWith("source "), "vocab/" + f + ".txt header");
                Set<String> terms = new HashSet<>(lines.subList(2, lines.size()));
                assertTrue(terms.size() > 0, "vocab/" + f + ".txt lists no terms");
                out.put(lines.get(0).substring("namespace ".length()).strip(), terms);
            }
        }
        return out;
    }

    @Test
    void aTdb2StoresStatisticsComeFromOnePassOverItsIndexEvenWrapped(@TempDir Path dir) {
        DatasetGraph store = org.apache.jena.tdb2.DatabaseMgr.connectDatasetGraph(dir.toString());
        Node a = org.apache.jena.graph.NodeFactory.createURI("urn:x-test:graph-a");
        Node b = org.apache.jena.graph.NodeFactory.createURI("urn:x-test:graph-b");
        Node law = org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/sijill/id/law/x-test");
        Node org2 = org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/sijill/id/org/x-test");
        Node type = org.apache.jena.vocabulary.RDF.Nodes.type;
        Node lawClass = org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/sijill/ontology#Law");
        Node sameAs = org.apache.jena.vocabulary.OWL.sameAs.asNode();
        Txn.executeWrite(store, () -> {
            // the same triples in two graphs, as the store has them (a fact and its closure from several sources)
            for (Node g : List.of(a, b)) {
                store.add(g, law, type, lawClass);
                store.add(g, org2, sameAs, org.apache.jena.graph.NodeFactory.createURI("http://www.wikidata.org/entity/Q1"));
            }
            store.add(b, org2, type, org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/sijill/ontology#Regulator"));
        });
        Txn.executeRead(store, () -> {
            Graph fromIndex = DatasetDescription.statistics(store);
            // a TDB2 store wrapped (as the server serves it) is read through its index all the same
            Graph wrapped = DatasetDescription.statistics(new org.apache.jena.sparql.core.DatasetGraphWrapper(store));
            assertTrue(fromIndex.isIsomorphicWith(wrapped), () -> "through a wrapper:\n" + turtle(wrapped) + "\ndirect:\n" + turtle(fromIndex));
            Node entities = org.apache.jena.graph.NodeFactory.createURI("http://rdfs.org/ns/void#entities");
            assertEquals(List.of("2"), fromIndex.find(org.apache.jena.graph.NodeFactory.createURI(DatasetDescription.DATASET), entities, Node.ANY)
                    .toList().stream().map(t -> t.getObject().getLiteralLexicalForm()).toList(), "the law and the organization");
            Node triples = org.apache.jena.graph.NodeFactory.createURI("http://rdfs.org/ns/void#triples");
            assertEquals(List.of("3"), fromIndex.find(org.apache.jena.graph.NodeFactory.createURI(DatasetDescription.DATASET), triples, Node.ANY).toList().stream()
                    .map(t -> t.getObject().getLiteralLexicalForm()).toList(), "the dataset's triples: a triple in two graphs counts once");
            // a dataset that is not TDB2 (no sorted index: the union graph in any order) gives the same figures
            DatasetGraph copy = org.apache.jena.sparql.core.DatasetGraphFactory.createTxnMem();
            store.find().forEachRemaining(copy::add);
            Graph fromCopy = DatasetDescription.statistics(copy);
            assertTrue(fromIndex.isIsomorphicWith(fromCopy), () -> "in memory:\n" + turtle(fromCopy) + "\nfrom the index:\n" + turtle(fromIndex));
        });
        org.apache.jena.tdb2.sys.TDBInternal.expel(store);
    }

    @Test
    void everyTermUsedIsDeclaredInDcatVoidSpdxOrDcterms() throws Exception {
        Map<String, Set<String>> declared = declaredTerms();
        List<Node> used = DatasetDescription.termsUsed(description);
        assertTrue(used.size() > 20, "too few terms used: " + used);
        List<String> undeclared = new ArrayList<>();
        for (Node t : used) {
            String iri = t.getURI();
            boolean ok = declared.entrySet().stream().anyMatch(e -> iri.startsWith(e.getKey()) && e.getValue().contains(iri.substring(e.getKey().length())));
            if (!ok) undeclared.add(iri);
        }
        if (!undeclared.isEmpty()) {
            fail("terms not declared in the DCAT/VoID/SPDX/DCTERMS lists: " + undeclared + "\n" + turtle(description));
        }
    }

    @Test
    void oneDistributionPerFileWithSizeChecksumAndMediaType() {
        String q = """
                PREFIX dcat: <http://www.w3.org/ns/dcat#>
                PREFIX spdx: <http://spdx.org/rdf/terms#>
                PREFIX dcterms: <http://purl.org/dc/terms/>
                PREFIX void: <http://rdfs.org/ns/void#>
                SELECT ?url ?size ?sum ?media ?licence WHERE {
                  <https://w3id.org/sijill/dataset> a dcat:Dataset ; dcat:distribution ?d ; void:dataDump ?url .
                  ?d a dcat:Distribution ; dcat:downloadURL ?url ; dcat:byteSize ?size ; dcat:mediaType ?media ; dcterms:license ?licence ;
                     spdx:checksum [ spdx:algorithm spdx:checksumAlgorithm_sha256 ; spdx:checksumValue ?sum ] .
                }""";
        int n = 0;
        try (QueryExecution qe = QueryExecution.create(q, model)) {
            ResultSet rs = qe.execSelect();
            while (rs.hasNext()) {
                QuerySolution s = rs.next();
                String url = s.getResource("url").getURI();
                String name = url.substring(url.lastIndexOf('/') + 1);
                DumpCatalog.DumpFile f = catalog.file(name).orElseThrow(() -> new AssertionError("no file " + name));
                assertEquals("http://localhost:3030/dumps/" + name, url);
                assertEquals(f.bytes(), s.getLiteral("size").getLong(), name);
                assertEquals("http://www.w3.org/2001/XMLSchema#nonNegativeInteger", s.getLiteral("size").getDatatypeURI());
                assertEquals(f.sha256(), s.getLiteral("sum").getLexicalForm(), name);
                assertEquals("https://www.iana.org/assignments/media-types/" + f.mediaType(), s.getResource("media").getURI());
                n++;
            }
        }
        assertEquals(catalog.files().size(), n, "distributions");
    }

    @Test
    void sparqlServiceAndVoidFigures() {
        String q = """
                PREFIX dcat: <http://www.w3.org/ns/dcat#>
                PREFIX void: <http://rdfs.org/ns/void#>
                SELECT ?triples ?entities ?space WHERE {
                  ?svc a dcat:DataService ; dcat:endpointURL <http://localhost:3030/sparql> ; dcat:servesDataset ?ds .
                  ?ds void:sparqlEndpoint <http://localhost:3030/sparql> ; void:triples ?triples ; void:entities ?entities ; void:uriSpace ?space ;
                      void:vocabulary <https://w3id.org/sijill/ontology#>, <http://www.w3.org/2000/01/rdf-schema#> .
                }""";
        try (QueryExecution qe = QueryExecution.create(q, model)) {
            ResultSet rs = qe.execSelect();
            assertTrue(rs.hasNext(), "no DataService / VoID figures");
            QuerySolution s = rs.next();
            assertEquals("https://w3id.org/sijill/id/", s.getLiteral("space").getString());
            assertTrue(s.getLiteral("triples").getLong() > 50, "triples " + s.getLiteral("triples"));
            // entities with IRIs under the URI space, counted by hand from the fixtures:
            // hard cases: country/EG, law-175, id//double-slash, org/مصر; sample: country/PS, status/PS/…, document/doc-1
            assertEquals(7, s.getLiteral("entities").getLong());
        }
    }

    @Test
    void partitionsAndLinksetsCount() {
        assertEquals(1, count("""
                SELECT * WHERE { ?ds void:classPartition [ void:class sijill:Country ; void:entities 2 ] }"""), "class partition sijill:Country (EG, PS)");
        assertEquals(1, count("""
                SELECT * WHERE { ?ds void:propertyPartition [ void:property owl:sameAs ; void:triples 1 ] }"""), "property partition owl:sameAs");
        assertEquals(1, count("""
                SELECT * WHERE { ?ls a void:Linkset ; void:linkPredicate owl:sameAs ; void:triples 1 ;
                  void:subjectsTarget <https://w3id.org/sijill/dataset> ; void:objectsTarget ?t . ?t void:uriSpace "http://www.wikidata.org/entity/" }"""),
                "Wikidata linkset");
        assertEquals(1, count("""
                SELECT * WHERE { ?ls a void:Linkset ; void:linkPredicate skos:closeMatch ; void:triples 1 ;
                  void:objectsTarget ?t . ?t void:uriSpace "http://sws.geonames.org/" }"""), "GeoNames linkset");
    }

    static String turtle(Graph g) {
        java.io.StringWriter w = new java.io.StringWriter();
        RDFDataMgr.write(w, g, RDFFormat.TURTLE);
        return w.toString();
    }

    private static int count(String select) {
        String q = """
                PREFIX void: <http://rdfs.org/ns/void#>
                PREFIX owl: <http://www.w3.org/2002/07/owl#>
                PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                PREFIX sijill: <https://w3id.org/sijill/ontology#>
                """ + select;
        int n = 0;
        try (QueryExecution qe = QueryExecution.create(q, model)) {
            ResultSet rs = qe.execSelect();
            while (rs.hasNext()) {
                rs.next();
                n++;
            }
        }
        return n;
    }
}
