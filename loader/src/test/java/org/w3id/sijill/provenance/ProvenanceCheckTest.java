package org.w3id.sijill.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.w3id.sijill.core.SijillException;

/** The statement-provenance check on small datasets written with {@link StatementWriter}. */
class ProvenanceCheckTest {
    static final Node G = NodeFactory.createURI("https://w3id.org/sijill/graph/doc");
    static final Node DOC = NodeFactory.createURI("https://w3id.org/sijill/id/document/doc");
    static final Node ONTOLOGY = NodeFactory.createURI("https://w3id.org/sijill/graph/ontology");
    static final Node LAW = NodeFactory.createURI("https://w3id.org/sijill/id/law/lb/2018/law-81");
    static final Node YEAR = NodeFactory.createURI("https://w3id.org/sijill/ontology#yearAdopted");
    static final Triple FACT = Triple.create(LAW, YEAR, NodeFactory.createLiteralString("2018"));

    private static Node evidence(DatasetGraph d) {
        Node e = NodeFactory.createBlankNode();
        d.add(G, e, StatementTerms.TYPE, StatementTerms.EVIDENCE_CLASS);
        d.add(G, e, NodeFactory.createURI("http://www.w3.org/ns/prov#value"), NodeFactory.createLiteralString("In 2018"));
        return e;
    }

    @Test
    void aFactWithAQuotedStatementPasses() {
        DatasetGraph d = DatasetGraphFactory.createTxnMem();
        d.add(Quad.create(G, FACT));
        d.add(G, LAW, StatementTerms.WAS_DERIVED_FROM, DOC);
        new StatementWriter().stated(G, FACT, DOC, "tables/instruments.csv:2", evidence(d), StreamRDFLib.dataset(d));
        ProvenanceCheck.Counts c = new ProvenanceCheck(Set.of()).run(d, ONTOLOGY);
        assertEquals(1, c.dataTriples());
        assertEquals(1, c.statements());
        assertEquals(1, c.withEvidence());
    }

    @Test
    void aFactWithoutStatementFails() {
        DatasetGraph d = DatasetGraphFactory.createTxnMem();
        d.add(Quad.create(G, FACT));
        SijillException e = assertThrows(SijillException.class, () -> new ProvenanceCheck(Set.of()).run(d, ONTOLOGY));
        assertTrue(e.getMessage().contains("has no statement of its provenance") && e.getMessage().contains("law-81"), e.getMessage());
    }

    @Test
    void aDocumentStatementWithoutEvidenceFailsWithItsRow() {
        DatasetGraph d = DatasetGraphFactory.createTxnMem();
        d.add(Quad.create(G, FACT));
        new StatementWriter().stated(G, FACT, DOC, "tables/instruments.csv:7", null, StreamRDFLib.dataset(d));
        SijillException e = assertThrows(SijillException.class, () -> new ProvenanceCheck(Set.of()).run(d, ONTOLOGY));
        assertTrue(e.getMessage().contains("tables/instruments.csv:7: ") && e.getMessage().contains("no supporting evidence"), e.getMessage());
    }

    @Test
    void editorialAndDerivedStatementsAreCountedApart() {
        DatasetGraph d = DatasetGraphFactory.createTxnMem();
        Quad editors = Quad.create(StatementTerms.EDITORS_GRAPH, StatementTerms.EDITORS, StatementTerms.TYPE, StatementTerms.EXTERNAL_SOURCE);
        d.add(editors);
        d.add(Quad.create(StatementTerms.EDITORS_GRAPH, FACT));
        StatementWriter w = new StatementWriter();
        w.stated(StatementTerms.EDITORS_GRAPH, FACT, StatementTerms.EDITORS, "tables/instruments.csv:2", null, StreamRDFLib.dataset(d));
        Quad type = Quad.create(G, LAW, StatementTerms.TYPE, NodeFactory.createURI("http://schema.org/Legislation"));
        d.add(type);
        w.derived(type, DerivationMethod.SUBCLASS_CLOSURE, StreamRDFLib.dataset(d));
        Quad register = Quad.create(G, DOC, StatementTerms.TYPE, NodeFactory.createURI("https://w3id.org/sijill/ontology#SourceDocument"));
        d.add(register);
        ProvenanceCheck.Counts c = new ProvenanceCheck(Set.of(register, editors)).run(d, ONTOLOGY);
        assertEquals(1, c.editorial());
        assertEquals(1, c.derived());
        assertEquals(0, c.withEvidence());
        assertEquals(2, c.dataTriples(), "the register's own description is exempt");
    }
}
