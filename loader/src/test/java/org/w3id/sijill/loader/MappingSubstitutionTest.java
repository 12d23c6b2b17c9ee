package org.w3id.sijill.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;

/**
 * Jena's syntactic substitution reaches the CONSTRUCT template and the WHERE clause; empty cells
 * leave triples out; list values run once each (union).
 */
class MappingSubstitutionTest {

    @Test
    void substitutesTemplateAndPatternAndSkipsUnbound() {
        String q = "PREFIX ex: <http://example.org/>\n"
                + "CONSTRUCT { ?about ex:name ?name ; ex:topic ?topics ; ex:country ?country ; ex:missing ?nothing . }\n"
                + "WHERE { BIND(IRI(CONCAT(\"http://example.org/country/\", UCASE(?code_text))) AS ?country) }";
        Path csv = Path.of("t.csv");
        TableSchema schema = new TableSchema(Path.of("t.csv-metadata.json"), "t.csv", "http://example.org/{code}", null, Map.of(), List.of());
        TableDefinition t = new TableDefinition("t", new CsvTable(csv, List.of(), List.of()), schema, QueryFactory.create(q), Path.of("t.rq"));
        Node about = NodeFactory.createURI("http://example.org/lb");
        Source src = new Source("s", NodeFactory.createURI("https://w3id.org/sijill/id/source/s"), Map.of(), Map.of(), false);
        Map<String, List<ValidRow.Value>> values = new java.util.LinkedHashMap<>();
        values.put("name", List.of(new ValidRow.Value("Lebanon", NodeFactory.createLiteralLang("Lebanon", "en"))));
        values.put("code", List.of(new ValidRow.Value("lb", NodeFactory.createLiteralString("lb"))));
        values.put("topics", List.of(new ValidRow.Value("a", NodeFactory.createURI("http://example.org/t/a")),
                new ValidRow.Value("b", NodeFactory.createURI("http://example.org/t/b"))));
        ValidRow row = new ValidRow(new Row(csv, 2, Map.of()), about, values, src, null, null);
        DatasetGraph out = DatasetGraphFactory.createTxnMem();
        new RowMapper(t).map(row, StreamRDFLib.dataset(out));
        List<Quad> quads = new ArrayList<>();
        out.find().forEachRemaining(quads::add);
        Node g = NodeFactory.createURI("https://w3id.org/sijill/graph/s");
        assertTrue(quads.stream().allMatch(x -> x.getGraph().equals(g)), quads.toString());
        assertEquals(4, quads.size(), quads.toString());
        assertTrue(out.contains(g, about, NodeFactory.createURI("http://example.org/country"), NodeFactory.createURI("http://example.org/country/LB")));
        assertTrue(out.contains(g, about, NodeFactory.createURI("http://example.org/topic"), NodeFactory.createURI("http://example.org/t/a")));
        assertTrue(out.contains(g, about, NodeFactory.createURI("http://example.org/topic"), NodeFactory.createURI("http://example.org/t/b")));
    }

    @Test
    void aVariableTheMappingBindsItselfIsNotSubstituted() {
        String q = "PREFIX foaf: <http://xmlns.com/foaf/0.1/>\n"
                + "CONSTRUCT { ?about foaf:page ?page . } WHERE { BIND(IRI(?page_text) AS ?page) }";
        TableSchema schema = new TableSchema(Path.of("t.csv-metadata.json"), "t.csv", "http://example.org/{code}", null, Map.of(), List.of());
        TableDefinition t = new TableDefinition("t", new CsvTable(Path.of("t.csv"), List.of(), List.of()), schema, QueryFactory.create(q), Path.of("t.rq"));
        Node about = NodeFactory.createURI("http://example.org/x");
        Source src = new Source("s", NodeFactory.createURI("https://w3id.org/sijill/id/source/s"), Map.of(), Map.of(), false);
        ValidRow row = new ValidRow(new Row(Path.of("t.csv"), 2, Map.of()), about,
                Map.of("page", List.of(new ValidRow.Value("https://example.org/page#a:b", NodeFactory.createLiteralString("https://example.org/page#a:b")))),
                src, null, null);
        DatasetGraph out = DatasetGraphFactory.createTxnMem();
        new RowMapper(t).map(row, StreamRDFLib.dataset(out));
        assertTrue(out.contains(NodeFactory.createURI("https://w3id.org/sijill/graph/s"), about,
                NodeFactory.createURI("http://xmlns.com/foaf/0.1/page"), NodeFactory.createURI("https://example.org/page#a:b")));
        assertEquals(1, out.stream().count());
    }
}
