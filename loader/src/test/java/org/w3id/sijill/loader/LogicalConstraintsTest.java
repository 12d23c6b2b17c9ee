package org.w3id.sijill.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.engine.constraint.ConstraintOp1;
import org.apache.jena.shacl.engine.constraint.ConstraintOpN;
import org.apache.jena.shacl.parser.Constraint;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.w3id.sijill.ontology.OntologyBundle;

/**
 * The project's shapes with {@link LogicalConstraints}: every stock logical constraint is
 * replaced, at any depth, and the validation report of every ontology example (valid and
 * invalid) is the stock shapes' report, graph for graph.
 */
class LogicalConstraintsTest {
    private static final Path ONTOLOGY = Path.of("..", "ontology");

    @Test
    void everyLogicalConstraintOfTheProjectShapesIsReplaced() {
        Graph shapesGraph = new OntologyFiles(ONTOLOGY).shapesGraph();
        Map<String, Integer> before = logical(Shapes.parse(shapesGraph));
        assertTrue(before.getOrDefault("ShXone", 0) > 0 && before.getOrDefault("ShOr", 0) > 0, "the shapes use sh:xone and sh:or: " + before);
        Map<String, Integer> after = logical(LogicalConstraints.withoutBranchReports(Shapes.parse(shapesGraph)));
        assertEquals(before.values().stream().mapToInt(Integer::intValue).sum(), after.values().stream().mapToInt(Integer::intValue).sum(),
                "as many logical constraints: " + before + " / " + after);
        for (String stock : before.keySet()) {
            assertTrue(!after.containsKey(stock), stock + " is left after the replacement: " + after);
        }
    }

    @Test
    void everyExampleGetsTheStockReport() {
        OntologyFiles ontology = new OntologyFiles(ONTOLOGY);
        Shapes stock = Shapes.parse(ontology.shapesGraph());
        Shapes replaced = LogicalConstraints.withoutBranchReports(Shapes.parse(ontology.shapesGraph()));
        Graph ontologyAndSchemes = ontology.ontologyAndSchemes();
        Map<String, Model> examples = OntologyBundle.load(ONTOLOGY).examples();
        assertTrue(examples.size() > 20, "examples found: " + examples.size());
        int withResults = 0;
        int fromLogical = 0;
        for (Map.Entry<String, Model> example : examples.entrySet()) {
            Graph data = GraphFactory.createDefaultGraph();
            ontologyAndSchemes.find().forEachRemaining(data::add);
            GraphUtil.addInto(data, example.getValue().getGraph());
            ValidationReport expected = ShaclValidator.get().validate(stock, data);
            ValidationReport actual = ShaclValidator.get().validate(replaced, data);
            Model e = expected.getModel();
            Model a = actual.getModel();
            assertTrue(e.isIsomorphicWith(a), () -> example.getKey() + ": reports differ; expected\n" + turtle(e) + "\nactual\n" + turtle(a));
            assertEquals(expected.conforms(), actual.conforms(), example.getKey());
            if (!expected.conforms()) withResults++;
            fromLogical += (int) expected.getEntries().stream()
                    .filter(r -> List.of("Xone", "Or", "And", "Not", "Node").contains(r.sourceConstraintComponent().getLocalName()
                            .replace("ConstraintComponent", ""))).count();
        }
        assertTrue(withResults >= 20, "examples with results: " + withResults);
        assertTrue(fromLogical > 0, "some results come from a logical constraint");
    }

    @Test
    void eachLogicalConstraintReportsAsStockWithNoneOneAndBothBranchesHolding() {
        // n0 holds neither branch, n1 only A, n2 only B, n3 both: sh:xone fails at n0 and n3, sh:or at n0,
        // sh:and at n0-n2, sh:not A at n1 and n3, sh:node B at n0 and n1
        Graph shapesGraph = GraphFactory.createDefaultGraph();
        RDFDataMgr.read(shapesGraph, new java.io.StringReader("""
                @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <https://example.org/> .
                ex:S a sh:NodeShape ; sh:targetClass ex:T ;
                    sh:xone ( ex:A ex:B ) ; sh:or ( ex:A ex:B ) ; sh:and ( ex:A ex:B ) ; sh:not ex:A ; sh:node ex:B ;
                    sh:property [ sh:path ex:c ; sh:or ( [ sh:datatype <http://www.w3.org/2001/XMLSchema#integer> ] [ sh:nodeKind sh:IRI ] ) ] .
                ex:A a sh:NodeShape ; sh:property [ sh:path ex:a ; sh:minCount 1 ] .
                ex:B a sh:NodeShape ; sh:property [ sh:path ex:b ; sh:minCount 1 ] .
                """), null, org.apache.jena.riot.Lang.TURTLE);
        Graph data = GraphFactory.createDefaultGraph();
        RDFDataMgr.read(data, new java.io.StringReader("""
                @prefix ex: <https://example.org/> .
                ex:n0 a ex:T ; ex:c "x" . ex:n1 a ex:T ; ex:a 1 ; ex:c 2 . ex:n2 a ex:T ; ex:b 1 ; ex:c ex:n0 . ex:n3 a ex:T ; ex:a 1 ; ex:b 1 .
                """), null, org.apache.jena.riot.Lang.TURTLE);
        ValidationReport expected = ShaclValidator.get().validate(Shapes.parse(shapesGraph), data);
        ValidationReport actual = ShaclValidator.get().validate(LogicalConstraints.withoutBranchReports(Shapes.parse(shapesGraph)), data);
        Map<String, Integer> byComponent = new TreeMap<>();
        expected.getEntries().forEach(r -> byComponent.merge(r.sourceConstraintComponent().getLocalName(), 1, Integer::sum));
        assertEquals(Map.of("AndConstraintComponent", 3, "NodeConstraintComponent", 2, "NotConstraintComponent", 2,
                "OrConstraintComponent", 2, "XoneConstraintComponent", 2), byComponent, "the stock report");
        assertTrue(expected.getModel().isIsomorphicWith(actual.getModel()),
                () -> "expected\n" + turtle(expected.getModel()) + "\nactual\n" + turtle(actual.getModel()));
    }

    private static String turtle(Model m) {
        StringWriter w = new StringWriter();
        RDFDataMgr.write(w, m, RDFFormat.TURTLE_PRETTY);
        return w.toString();
    }

    /** @return the logical constraints reachable from the shapes, by class name */
    private static Map<String, Integer> logical(Shapes shapes) {
        Map<String, Integer> out = new TreeMap<>();
        Set<Shape> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        shapes.iteratorAll().forEachRemaining(s -> count(s, seen, out));
        shapes.getShapeMap().values().forEach(s -> count(s, seen, out));
        return out;
    }

    private static void count(Shape shape, Set<Shape> seen, Map<String, Integer> out) {
        if (!seen.add(shape)) return;
        for (Constraint c : shape.getConstraints()) {
            if (c instanceof ConstraintOpN n) {
                out.merge(c.getClass().getSimpleName(), 1, Integer::sum);
                n.getOthers().forEach(s -> count(s, seen, out));
            }
            if (c instanceof ConstraintOp1 o) {
                out.merge(c.getClass().getSimpleName(), 1, Integer::sum);
                count(o.getOther(), seen, out);
            }
        }
        shape.getPropertyShapes().forEach(p -> count(p, seen, out));
    }
}
