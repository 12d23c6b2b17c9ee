package org.w3id.sijill.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.w3id.sijill.core.ProjectPaths;

/**
 * Builds the project's real {@code sources/} with the real {@code ontology/}: every evidence quote
 * is found, every shape passes, and facts from the report are there with their provenance.
 */
class RealSourcesBuildTest {

    @Test
    void theProjectSourcesBuild() {
        Path home = TestPaths.projectHome();
        assertTrue(Files.isRegularFile(home.resolve("ontology/sijill.ttl")), "no ontology/sijill.ttl");
        assertTrue(Files.isDirectory(home.resolve("sources/tables")), "no sources/tables");
        RealStore real = RealStore.get();
        Path store = real.store();
        BuildReport r = real.report();
        System.out.println(r.summary());
        // every document of the register is built (the five starting documents and the treaty page excerpts)
        long registered;
        try (org.apache.commons.csv.CSVParser p = org.apache.commons.csv.CSVParser.parse(home.resolve("sources/documents.csv"),
                java.nio.charset.StandardCharsets.UTF_8, org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            registered = p.stream().count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertTrue(registered >= 20, "documents registered: " + registered);
        assertEquals(registered, r.documents());
        assertTrue(r.rows() > 100, "rows: " + r.rows());
        assertTrue(r.evidenceQuotesChecked() > 100, "quotes: " + r.evidenceQuotesChecked());
        assertEquals(r.shapesChecked(), r.shapesPassed());
        assertTrue(r.mentions() > 50, "mentions: " + r.mentions());
        assertEquals(46L, r.entitiesPerClass().get("sijill:Recommendation"));
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(store.toString());
        try {
            // paragraph 21 of the report (Lebanon's legal framework) is a passage that quotes back to its document
            long n = Txn.calculateRead(dsg, () -> {
                try (QueryExec qe = QueryExec.dataset(dsg).query(QueryFactory.create(
                        "PREFIX sijill: <https://w3id.org/sijill/ontology#> PREFIX prov: <http://www.w3.org/ns/prov#>"
                                + " SELECT (COUNT(*) AS ?n) { GRAPH <https://w3id.org/sijill/graph/escwa-beirut-2018-report> {"
                                + " ?x sijill:evidence ?e . ?e prov:wasQuotedFrom ?p . ?p a sijill:Passage } }")).build()) {
                    return ((Number) qe.select().next().get("n").getLiteralValue()).longValue();
                }
            });
            assertTrue(n > 50, "evidence quoted from the report: " + n);
            // every organization is an org:FormalOrganization by the subclass closure
            long orgs = Txn.calculateRead(dsg, () -> {
                try (QueryExec qe = QueryExec.dataset(dsg).query(QueryFactory.create(
                        "SELECT (COUNT(DISTINCT ?o) AS ?n) { GRAPH ?g { ?o a <https://w3id.org/sijill/ontology#Organization> }"
                                + " FILTER NOT EXISTS { GRAPH ?h { ?o a <http://www.w3.org/ns/org#FormalOrganization> } } }")).build()) {
                    return ((Number) qe.select().next().get("n").getLiteralValue()).longValue();
                }
            });
            assertEquals(0, orgs);
        } finally {
            TDBInternal.expel(dsg);
        }
    }
}
