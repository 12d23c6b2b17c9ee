package org.w3id.sijill.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.sijill.ontology.OntologyBundle;

/**
 * The subject cache that SHACL validation reads the store through is the same graph as the
 * store's union graph: every look-up gives the same triples (also once subjects were evicted, and
 * for a subject with more triples than the cache keeps), whether a subject is read through the
 * union graph or on a TDB2 store's node ids, and validating through it reports what validating
 * the union graph reports, on every example of the ontology, valid and invalid.
 */
class SubjectCachingGraphTest {
    private static final Path ONTOLOGY = Path.of("..", "ontology");

    @Test
    void everyLookUpGivesTheUnionsTriples(@TempDir Path dir) {
        Random random = new Random(13);
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < 12; i++) nodes.add(NodeFactory.createURI("https://example.org/n" + i));
        nodes.add(NodeFactory.createBlankNode("b1"));
        List<Node> predicates = new ArrayList<>();
        for (int i = 0; i < 4; i++) predicates.add(NodeFactory.createURI("https://example.org/p" + i));
        List<Node> objects = new ArrayList<>(nodes);
        objects.add(NodeFactory.createLiteralLang("نص", "ar"));
        objects.add(NodeFactory.createLiteralLang("text", "en"));
        objects.add(NodeFactory.createLiteralDT("1", XSDDatatype.XSDinteger));
        objects.add(NodeFactory.createLiteralDT("1.0", XSDDatatype.XSDdecimal));
        objects.add(NodeFactory.createLiteralDT("2020", XSDDatatype.XSDgYear));
        objects.add(NodeFactory.createLiteralString("1"));
        List<Node> graphs = List.of(NodeFactory.createURI("https://example.org/g1"), NodeFactory.createURI("https://example.org/g2"),
                NodeFactory.createURI("https://example.org/g3"));

        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(dir.toString());
        Txn.executeWrite(dsg, () -> {
            for (int i = 0; i < 400; i++) {
                // skewed: the first subjects have many triples, the last ones few
                Node s = nodes.get((int) (nodes.size() * Math.pow(random.nextDouble(), 3))), p = predicates.get(random.nextInt(predicates.size())),
                        o = objects.get(random.nextInt(objects.size()));
                int copies = 1 + random.nextInt(graphs.size());
                for (int g = 0; g < copies; g++) dsg.add(graphs.get(g), s, p, o);
            }
            dsg.add(Quad.defaultGraphIRI, nodes.get(0), predicates.get(0), NodeFactory.createURI("https://example.org/only-in-the-default-graph"));
        });
        List<Node> someSubjects = new ArrayList<>(nodes);
        someSubjects.add(NodeFactory.createURI("https://example.org/absent"));
        someSubjects.add(Node.ANY);
        List<Node> somePredicates = new ArrayList<>(predicates);
        somePredicates.add(Node.ANY);
        List<Node> someObjects = new ArrayList<>(objects);
        someObjects.add(Node.ANY);

        Txn.executeRead(dsg, () -> {
            Graph union = dsg.getUnionGraph();
            long withCopies = dsg.stream().filter(q -> !q.isDefaultGraph()).count();
            assertTrue(union.size() < withCopies, "the sample has triples in several graphs: " + union.size() + " of " + withCopies);
            // three subjects kept at once, and none with more than 20 triples: evictions and uncached subjects both happen;
            // read through the graph, and on the store's node ids
            for (Graph cached : List.of(new SubjectCachingGraph(union, 3, 20), SubjectCachingGraph.unionOf(dsg, 3, 20))) {
                int lookUps = 0, found = 0;
                for (int round = 0; round < 2; round++) {
                    for (Node s : someSubjects) for (Node p : somePredicates) for (Node o : someObjects) {
                        List<Triple> expected = union.find(s, p, o).toList();
                        List<Triple> actual = cached.find(s, p, o).toList();
                        assertEquals(new TreeSet<>(strings(expected)), new TreeSet<>(strings(actual)), "find(" + s + ", " + p + ", " + o + ")");
                        assertEquals(expected.size(), actual.size(), "each triple once: find(" + s + ", " + p + ", " + o + ")");
                        assertEquals(union.contains(s, p, o), cached.contains(s, p, o));
                        lookUps++;
                        found += actual.size();
                    }
                }
                assertTrue(found > 0 && lookUps > 1000, lookUps + " look-ups, " + found + " triples found");
                assertFalse(cached.find(nodes.get(0), predicates.get(0), NodeFactory.createURI("https://example.org/only-in-the-default-graph")).hasNext(),
                        "the default graph is not part of the union of the named graphs");
            }
            List<Integer> perSubject = nodes.stream().map(s -> union.find(s, Node.ANY, Node.ANY).toList().size()).toList();
            assertTrue(perSubject.stream().anyMatch(n -> n > 20) && perSubject.stream().anyMatch(n -> n > 0 && n <= 20),
                    "some subjects have more triples than the cache keeps, some fewer: " + perSubject);
        });
    }

    @Test
    void validationThroughTheCacheReportsWhatTheUnionReports(@TempDir Path dir) {
        OntologyFiles ontology = new OntologyFiles(ONTOLOGY);
        Shapes shapes = Shapes.parse(ontology.shapesGraph());
        Graph ontologyAndSchemes = ontology.ontologyAndSchemes();
        Map<String, Model> examples = OntologyBundle.load(ONTOLOGY).examples();
        assertTrue(examples.size() > 20, "examples found: " + examples.size());
        int withResults = 0;
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(dir.toString());
        Node ontologyGraph = NodeFactory.createURI("https://example.org/graph/ontology");
        Txn.executeWrite(dsg, () -> ontologyAndSchemes.find().forEachRemaining(t -> dsg.add(new Quad(ontologyGraph, t))));
        for (Map.Entry<String, Model> example : examples.entrySet()) {
            Node exampleGraph = NodeFactory.createURI("https://example.org/graph/" + example.getKey());
            Txn.executeWrite(dsg, () -> GraphUtil.addInto(dsg.getGraph(exampleGraph), example.getValue().getGraph()));
            List<String> plain = Txn.calculateRead(dsg, () -> entries(ShaclValidator.get().validate(shapes, dsg.getUnionGraph()).getEntries()));
            List<String> cached = Txn.calculateRead(dsg, () ->
                    entries(ShaclValidator.get().validate(shapes, SubjectCachingGraph.unionOf(dsg, 2, 50)).getEntries()));
            assertEquals(plain, cached, example.getKey());
            if (!plain.isEmpty()) withResults++;
            Txn.executeWrite(dsg, () -> dsg.removeGraph(exampleGraph));
        }
        assertTrue(withResults >= 20, "invalid examples with results: " + withResults);
    }

    private static List<String> entries(Iterable<ReportEntry> entries) {
        List<String> out = new ArrayList<>();
        for (ReportEntry e : entries) {
            out.add(e.severity().level().getLocalName() + " " + e.focusNode() + " " + e.resultPath() + " " + e.value() + " "
                    + e.message() + " " + e.source() + " " + e.constraint().getComponent());
        }
        out.sort(null);
        return out;
    }

    private static List<String> strings(List<Triple> triples) {
        return triples.stream().map(Triple::toString).toList();
    }
}
