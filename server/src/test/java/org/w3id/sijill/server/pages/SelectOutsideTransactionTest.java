package org.w3id.sijill.server.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.query.Query;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.sijill.core.ProjectPaths;

/**
 * The comparison reads the rows of the named query after the read transaction has closed. A TDB2
 * row resolves its nodes lazily from the node table, which needs the transaction; when the node
 * cache is cold (a fresh connection, or entries evicted under memory pressure) a lazy row fails with
 * "Not in a transaction". {@link PageQueries#select} must hand back rows whose values were read
 * inside the transaction. The store here is a real TDB2 on disk, reopened so its caches are cold.
 */
class SelectOutsideTransactionTest {

    @Test
    void rowsOfTheComparisonQueryAreReadableAfterTheTransactionOnAColdStore(@TempDir Path dir) throws Exception {
        StringBuilder trig = new StringBuilder("""
                PREFIX sijill: <https://w3id.org/sijill/ontology#>
                PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                PREFIX prov: <http://www.w3.org/ns/prov#>
                PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
                GRAPH <https://w3id.org/sijill/graph/test> {
                  <https://w3id.org/sijill/id/country/LB> rdfs:label "Lebanon"@en .
                  <https://w3id.org/sijill/id/country/SY> rdfs:label "Syria"@en .
                  <https://w3id.org/sijill/id/concept/legal-status/enacted> skos:notation "enacted" .
                """);
        for (int t = 0; t < 40; t++) {
            String topic = "<https://w3id.org/sijill/id/concept/law-topic/t" + t + ">";
            trig.append(topic).append(" skos:inScheme <https://w3id.org/sijill/id/scheme/law-topic> ; skos:prefLabel \"Topic ")
                    .append(t).append("\"@en .\n");
            for (String c : List.of("LB", "SY")) {
                trig.append("<https://w3id.org/sijill/id/status/").append(c).append("/t").append(t).append("/s> a sijill:LegalStatus ;")
                        .append(" sijill:jurisdiction <https://w3id.org/sijill/id/country/").append(c).append("> ; sijill:topic ").append(topic)
                        .append(" ; sijill:status <https://w3id.org/sijill/id/concept/legal-status/enacted> ; sijill:asOf \"2018-12-06\"^^xsd:date ;")
                        .append(" prov:wasDerivedFrom <https://w3id.org/sijill/id/source/s").append(t).append("> .\n");
            }
        }
        trig.append("}\n");
        Path store = dir.resolve("store");
        Files.createDirectories(store);
        DatasetGraph loading = DatabaseMgr.connectDatasetGraph(store.toString());
        Txn.executeWrite(loading, () -> RDFParser.fromString(trig.toString(), Lang.TRIG).parse(loading));
        TDBInternal.expel(loading);

        DatasetGraph cold = DatabaseMgr.connectDatasetGraph(store.toString());
        try {
            Query q = new ExampleQueries(ProjectPaths.locate().queries()).named(ComparisonBuilder.QUERY).bind(Map.of("country",
                    List.of("https://w3id.org/sijill/id/country/LB", "https://w3id.org/sijill/id/country/SY")));
            List<Binding> rows = new PageQueries(cold).select(q);
            assertEquals(80, rows.size(), "one row per topic and country");
            assertFalse(cold.isInTransaction(), "select closed its transaction");
            Set<String> claims = new HashSet<>();
            Set<String> sources = new HashSet<>();
            for (Binding b : rows) {
                // read outside any transaction, as ComparisonBuilder does
                assertNotNull(b.get("claim"), b.toString());
                claims.add(b.get("claim").getURI());
                sources.add(b.get("source").getURI());
                assertEquals("enacted", b.get("status").getLiteralLexicalForm());
            }
            assertEquals(80, claims.size());
            assertEquals(40, sources.size());
        } finally {
            TDBInternal.expel(cold);
        }
    }
}
