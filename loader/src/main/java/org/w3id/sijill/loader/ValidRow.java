package org.w3id.sijill.loader;

import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;

/**
 * A row that passed validation, with its values as RDF terms.
 *
 * @param row      the CSV row
 * @param about    the row's {@code aboutUrl} IRI
 * @param values   per non-empty column (provenance columns excluded), its values: one, or the items of a list
 * @param source   the cited source
 * @param passage  the cited passage token, or {@code null}
 * @param evidence the evidence quote, or {@code null}
 *
 * <pre>{@code
 * ValidRow v = validator.validate(table, row);
 * }</pre>
 */
public record ValidRow(Row row, Node about, Map<String, List<Value>> values, Source source, String passage, Node evidence) {

    /** One value of a cell: its raw text and its term. */
    public record Value(String text, Node node) {}
}
