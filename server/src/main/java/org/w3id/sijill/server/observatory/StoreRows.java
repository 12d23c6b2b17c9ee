package org.w3id.sijill.server.observatory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;

/**
 * The row reading that the loaders of a release's tables share ({@link SnapshotLoader},
 * {@code CommitmentsLoader}): SELECT queries run inside the caller's read transaction, each value
 * copied into a plain string (TDB2 rows resolve their nodes lazily and must not be read after the
 * transaction ends), and the quoted evidence of claims.
 *
 * <pre>{@code
 * Txn.executeRead(ds, () -> StoreRows.select(ds, StoreRows.PREFIXES + query, b -> ids.add(StoreRows.str(b, "x"))));
 * }</pre>
 */
public final class StoreRows {
    private StoreRows() {}

    /** The prefixes every loader's queries use; a loader adds its own after them. */
    public static final String PREFIXES = """
            PREFIX sijill:  <https://w3id.org/sijill/ontology#>
            PREFIX rdfs:    <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos:    <http://www.w3.org/2004/02/skos/core#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX prov:    <http://www.w3.org/ns/prov#>
            """;

    /** Runs {@code query} and hands each row to {@code row}. */
    public static void select(DatasetGraph ds, String query, Consumer<Binding> row) {
        select(ds, query, Map.of(), row);
    }

    /** Runs {@code query} with the variables of {@code bind} substituted, and hands each row to {@code row}. */
    public static void select(DatasetGraph ds, String query, Map<String, Node> bind, Consumer<Binding> row) {
        var builder = QueryExec.dataset(ds).query(query);
        for (Map.Entry<String, Node> e : bind.entrySet()) builder = builder.substitution(e.getKey(), e.getValue());
        try (QueryExec qe = builder.build()) {
            qe.select().forEachRemaining(row);
        }
    }

    /** @return the IRI or lexical form bound to {@code var}, or "" (unbound or a blank node) */
    public static String str(Binding b, String var) {
        Node n = b.get(var);
        if (n == null) return "";
        if (n.isURI()) return n.getURI();
        if (n.isLiteral()) return n.getLiteralLexicalForm();
        return "";
    }

    /**
     * Adds the quote of a row ({@code ?claim ?q ?passage}) to the claim's quotes; a quote with no
     * language tag is taken as English.
     */
    public static void addQuote(Map<String, List<Snapshot.Quote>> quotes, Binding b) {
        Node q = b.get("q");
        quotes.computeIfAbsent(str(b, "claim"), k -> new ArrayList<>()).add(new Snapshot.Quote(q.getLiteralLexicalForm(),
                q.getLiteralLanguage().isEmpty() ? "en" : q.getLiteralLanguage(), str(b, "passage")));
    }
}
