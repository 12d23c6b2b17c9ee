package org.w3id.sijill.data;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.w3id.sijill.loader.RealStore;

/**
 * ASK and SELECT on the shared real-data store (built once per JVM from the project's own
 * {@code sources/}), over the union of its graphs, with the project's prefixes declared.
 *
 * <pre>{@code
 * RealStoreQueries q = RealStoreQueries.open();
 * boolean found = q.ask("ASK { ?s a sijill:Organ }");
 * q.close();
 * }</pre>
 */
final class RealStoreQueries implements AutoCloseable {

    static final String PREFIXES = """
            PREFIX sijill:  <https://w3id.org/sijill/ontology#>
            PREFIX rdf:     <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            PREFIX rdfs:    <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX xsd:     <http://www.w3.org/2001/XMLSchema#>
            PREFIX skos:    <http://www.w3.org/2004/02/skos/core#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX prov:    <http://www.w3.org/ns/prov#>
            PREFIX org:     <http://www.w3.org/ns/org#>
            PREFIX foaf:    <http://xmlns.com/foaf/0.1/>
            PREFIX schema:  <http://schema.org/>
            """;

    private final DatasetGraph store;

    private RealStoreQueries(DatasetGraph store) { this.store = store; }

    /** @return queries on the shared real-data store */
    static RealStoreQueries open() {
        return new RealStoreQueries(DatabaseMgr.connectDatasetGraph(RealStore.get().store().toString()));
    }

    boolean ask(String ask) {
        Query query = QueryFactory.create(PREFIXES + ask);
        return Txn.calculateRead(store, () -> {
            try (QueryExec exec = QueryExec.dataset(store).query(query).set(TDB2.symUnionDefaultGraph, true).build()) {
                return exec.ask();
            }
        });
    }

    /** @return the rows of a SELECT, as lexical forms (literals) or IRIs, in the order of the query's variables */
    List<List<String>> select(String select) {
        Query query = QueryFactory.create(PREFIXES + select);
        return Txn.calculateRead(store, () -> {
            List<List<String>> rows = new ArrayList<>();
            try (QueryExec exec = QueryExec.dataset(store).query(query).set(TDB2.symUnionDefaultGraph, true).build()) {
                RowSet rs = exec.select();
                List<org.apache.jena.sparql.core.Var> vars = rs.getResultVars();
                while (rs.hasNext()) {
                    Binding b = rs.next();
                    List<String> row = new ArrayList<>();
                    for (var v : vars) {
                        var n = b.get(v);
                        row.add(n == null ? null : n.isLiteral() ? n.getLiteralLexicalForm() : n.toString());
                    }
                    rows.add(row);
                }
            }
            return rows;
        });
    }

    /** @return the first column of a SELECT */
    List<String> strings(String select) {
        return select(select).stream().map(r -> r.get(0)).toList();
    }

    int count(String select) {
        return select(select).size();
    }

    @Override
    public void close() { TDBInternal.expel(store); }
}
