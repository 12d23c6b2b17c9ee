package org.w3id.sijill.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.sijill.core.ProjectPaths;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.loader.OntologyFiles;
import org.w3id.sijill.loader.RealStore;
import org.w3id.sijill.loader.ShapeValidator;
import org.w3id.sijill.ontology.OntologyBundle;
import org.w3id.sijill.ontology.OntologyChecker;
import org.w3id.sijill.ontology.ShapeValidation;

/**
 * {@code shp:StatementShape} ({@code ontology/shapes/statements.ttl}): every provenance statement
 * (an {@code rdf:Statement} of the reification) names its triple and has exactly one kind of
 * support — a quote from a passage of the document it is derived from, an external source, the
 * Sijill editors, or a derivation method. The examples show each kind and break the shape; the
 * store built from the project's sources conforms, every statement being of one kind; and the
 * build's validator rejects a statement of each kind once it is broken.
 */
class StatementShapeTest {
    private static final String SHP = "https://w3id.org/sijill/shapes#";
    private static final String PROV = "http://www.w3.org/ns/prov#";
    private static final String SIJILL = "https://w3id.org/sijill/ontology#";
    private static final Node STATEMENT_SHAPE = NodeFactory.createURI(SHP + "StatementShape");
    private static final Node EDITORS = NodeFactory.createURI("https://w3id.org/sijill/id/source/sijill-editors");
    private static final Node DERIVED_FROM = NodeFactory.createURI(PROV + "wasDerivedFrom");
    private static final Node GENERATED_BY = NodeFactory.createURI(PROV + "wasGeneratedBy");
    private static final Node EVIDENCE = NodeFactory.createURI(SIJILL + "evidence");
    private static final Node ROW = NodeFactory.createURI(SIJILL + "row");

    enum Kind { QUOTED, EXTERNAL, EDITORIAL, DERIVED }

    private static OntologyBundle bundle;

    @BeforeAll
    static void load() {
        bundle = OntologyBundle.load(ProjectPaths.locate().ontology());
    }

    @Test
    void theShapeTargetsStatementsAndOffersExactlyOneOfTheFourKinds() {
        Model shapes = bundle.allShapes();
        Resource shape = shapes.createResource(STATEMENT_SHAPE.getURI());
        assertTrue(shapes.contains(shape, shapes.createProperty("http://www.w3.org/ns/shacl#targetClass"), RDF.Statement),
                "shp:StatementShape targets rdf:Statement");
        Resource xone = shape.getPropertyResourceValue(shapes.createProperty("http://www.w3.org/ns/shacl#xone"));
        assertTrue(xone != null, "shp:StatementShape has sh:xone");
        List<String> kinds = xone.as(org.apache.jena.rdf.model.RDFList.class).iterator().mapWith(n -> n.asResource().getURI()).toList();
        assertEquals(List.of(SHP + "QuotedStatementShape", SHP + "ExternalStatementShape", SHP + "EditorialStatementShape",
                SHP + "DerivedStatementShape"), kinds);
    }

    @Test
    void theValidExamplesShowEachKindAndTheInvalidOnesBreakOnlyTheStatementShape() {
        ShapeValidation v = new ShapeValidation(bundle.allShapes());
        Map<Kind, Integer> seen = new LinkedHashMap<>();
        int validFiles = 0;
        for (var e : bundle.validExamples().entrySet()) {
            Graph g = e.getValue().getGraph();
            List<Node> statements = g.find(Node.ANY, RDF.type.asNode(), RDF.Statement.asNode()).mapWith(Triple::getSubject).toList();
            if (statements.isEmpty()) continue;
            validFiles++;
            for (Node st : statements) seen.merge(kind(g, st), 1, Integer::sum);
            ValidationReport r = v.validate(bundle.ontologyAndSchemes().add(e.getValue()));
            assertTrue(r.conforms(), () -> e.getKey() + ":\n" + String.join("\n", v.describe(r)));
        }
        assertTrue(validFiles >= 3, "valid examples with statements: " + validFiles);
        assertEquals(Set.of(Kind.values()), seen.keySet(), "kinds in the valid examples: " + seen);

        Model manifest = bundle.invalidManifest();
        List<String> breaking = new ArrayList<>();
        manifest.listSubjectsWithProperty(OntologyChecker.MANIFEST_BREAKS, manifest.createResource(STATEMENT_SHAPE.getURI()))
                .forEach(entry -> breaking.add("examples/invalid/" + entry.getProperty(manifest.createProperty(OntologyChecker.MANIFEST_NS + "file")).getString()));
        assertTrue(breaking.size() >= 3, "invalid examples breaking shp:StatementShape: " + breaking);
        for (String file : breaking) {
            Model example = bundle.invalidExamples().get(file);
            assertTrue(example != null, file + " exists");
            ValidationReport r = v.validate(bundle.ontologyAndSchemes().add(example));
            assertFalse(r.conforms(), file + " breaks the shape");
            assertEquals(Set.of(STATEMENT_SHAPE), v.namedShapesOf(r), () -> file + ":\n" + String.join("\n", v.describe(r)));
        }
    }

    @Test
    void theRealBuildValidatesEveryStatementAndRejectsABrokenOneOfEachKind() {
        RealStore real = RealStore.get();
        DatasetGraph store = DatabaseMgr.connectDatasetGraph(real.store().toString());
        Graph union = GraphFactory.createDefaultGraph();
        Txn.executeRead(store, () -> store.getUnionGraph().find().forEach(union::add));

        Map<Kind, List<Node>> byKind = new LinkedHashMap<>();
        for (Kind k : Kind.values()) byKind.put(k, new ArrayList<>());
        union.find(Node.ANY, RDF.type.asNode(), RDF.Statement.asNode()).mapWith(Triple::getSubject)
                .forEach(st -> byKind.get(kind(union, st)).add(st));
        long all = byKind.values().stream().mapToLong(List::size).sum();
        System.out.printf("statements validated with shp:StatementShape: %d (quoted %d, external %d, editorial %d, derived %d)%n", all,
                byKind.get(Kind.QUOTED).size(), byKind.get(Kind.EXTERNAL).size(), byKind.get(Kind.EDITORIAL).size(), byKind.get(Kind.DERIVED).size());
        assertEquals(real.report().provenance().statements(), all, "every statement of the build is of one kind");
        assertEquals(real.report().provenance().withEvidence(), byKind.get(Kind.QUOTED).size());
        assertEquals(real.report().provenance().external(), byKind.get(Kind.EXTERNAL).size());
        assertEquals(real.report().provenance().editorial(), byKind.get(Kind.EDITORIAL).size());
        assertEquals(real.report().provenance().derived(), byKind.get(Kind.DERIVED).size());
        byKind.forEach((k, l) -> assertTrue(l.size() > 0, "statements of kind " + k));

        // the build's validator, with the build's shapes, on the built data: conforms …
        OntologyFiles files = new OntologyFiles(ProjectPaths.locate().ontology());
        Graph shapesGraph = files.shapesGraph();
        ShapeValidator build = new ShapeValidator(shapesGraph, PrefixMapping.Factory.create().setNsPrefixes(PrefixMapping.Standard)
                .setNsPrefix("shp", SHP).setNsPrefix("sijill", SIJILL).setNsPrefix("prov", PROV));
        Graph data = GraphFactory.createDefaultGraph();
        files.ontologyAndSchemes().find().forEach(data::add);
        union.find().forEach(data::add);
        ShapeValidator.Outcome outcome = build.validate(data);
        assertEquals(0, outcome.violations());
        assertTrue(Shapes.parse(shapesGraph).getTargetShapes().stream().anyMatch(s -> s.getShapeNode().equals(STATEMENT_SHAPE)),
                "the build's shapes include shp:StatementShape");

        // … and a statement of each kind, broken, fails validation with shp:StatementShape (and nothing else)
        Node quoted = byKind.get(Kind.QUOTED).get(0);
        Node external = byKind.get(Kind.EXTERNAL).get(0);
        Node editorial = byKind.get(Kind.EDITORIAL).get(0);
        Node derived = byKind.get(Kind.DERIVED).get(0);
        Node someEvidence = data.find(quoted, EVIDENCE, Node.ANY).next().getObject();
        data.add(Triple.create(quoted, GENERATED_BY, NodeFactory.createURI(SIJILL + "subclassClosure")));   // two kinds
        data.find(external, ROW, Node.ANY).toList().forEach(data::delete);                                // no row
        data.add(Triple.create(editorial, EVIDENCE, someEvidence));                                       // editors quote nothing
        data.find(derived, RDF.predicate.asNode(), Node.ANY).toList().forEach(data::delete);              // no predicate
        SijillException e = assertThrows(SijillException.class, () -> build.validate(data), "the build's validator rejects the broken statements");
        assertTrue(e.getMessage().contains("shp:StatementShape"), e.getMessage());
        ShapeValidation named = new ShapeValidation(ModelFactory.createModelForGraph(shapesGraph));
        ValidationReport r = named.validate(ModelFactory.createModelForGraph(data));
        assertEquals(Set.of(STATEMENT_SHAPE), named.namedShapesOf(r), () -> String.join("\n", named.describe(r)));
        assertEquals(Set.of(quoted, external, editorial, derived), r.getEntries().stream().map(x -> x.focusNode()).collect(Collectors.toSet()),
                () -> String.join("\n", named.describe(r)));
    }

    /** The kind of a statement by what it carries (the loader writes exactly one; the shape requires that). */
    static Kind kind(Graph g, Node st) {
        if (g.contains(st, GENERATED_BY, Node.ANY)) return Kind.DERIVED;
        if (g.contains(st, EVIDENCE, Node.ANY)) return Kind.QUOTED;
        if (g.contains(st, DERIVED_FROM, EDITORS)) return Kind.EDITORIAL;
        return Kind.EXTERNAL;
    }
}
