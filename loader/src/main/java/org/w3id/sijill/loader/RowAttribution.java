package org.w3id.sijill.loader;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.w3id.sijill.core.SourceDataException;
import org.w3id.sijill.provenance.StatementTerms;

/**
 * Decides who states each triple of a row: the row's source, or the Sijill editors. A row citing a
 * document may only put into the document's graph names (rdfs:label, skos:altLabel,
 * skos:prefLabel) that occur in the document's text (after whitespace, case and Arabic
 * normalisation); a name that does not occur there is an error naming the row's file, line and
 * column — unless the column is marked {@code "sijill:displayName": true} in the table's
 * metadata, in which case the name is an editorial statement of the {@code sijill-editors}
 * source (a display title or translation the curators wrote).
 *
 * <pre>{@code
 * RowAttribution.Split split = new RowAttribution(registry).split(table, validRow, mapper.triples(validRow));
 * split.stated();     // into the source's graph
 * split.editorial();  // into graph/sijill-editors
 * }</pre>
 */
public final class RowAttribution {
    /** The name properties checked against the document text. */
    static final Set<Node> NAMES = Set.of(Terms.label, Terms.altLabel, Terms.prefLabel);

    /** The triples of a row, by who states them. */
    public record Split(List<Triple> stated, List<Triple> editorial) {}

    private final Source editors;
    private final Map<String, String> documentText = new HashMap<>();

    /** @param sources the registered sources (the editors' source, {@code sijill-editors}, when registered) */
    public RowAttribution(SourceRegistry sources) {
        this.editors = sources.find(StatementTerms.EDITORS_SLUG);
    }

    /** @return the editors' source, or null when {@code external-sources.csv} does not register it */
    public Source editors() { return editors; }

    /**
     * @throws SourceDataException for a name not in the cited document's text, in a column not marked as display name
     */
    public Split split(TableDefinition t, ValidRow v, Set<Triple> triples) {
        if (!v.source().isDocument()) return new Split(List.copyOf(triples), List.of());
        List<Triple> stated = new ArrayList<>();
        List<Triple> editorial = new ArrayList<>();
        String text = documentText.computeIfAbsent(v.source().slug(), k -> TextNormalizer.fold(String.join("\n",
                v.source().passages().values().stream().map(Passage::text).toList())));
        for (Triple tr : triples) {
            Node o = tr.getObject();
            if (!NAMES.contains(tr.getPredicate()) || !o.isLiteral() || text.contains(TextNormalizer.fold(o.getLiteralLexicalForm()))) {
                stated.add(tr);
                continue;
            }
            Column c = columnOf(t, v, o);
            if (c != null && c.displayName()) {
                if (editors == null) {
                    throw new SourceDataException(v.row().file(), v.row().line(), c.name(), "the display name \"" + o.getLiteralLexicalForm()
                            + "\" is not in document '" + v.source().slug() + "', so it is an editorial statement, which needs the source '"
                            + StatementTerms.EDITORS_SLUG + "' in external-sources.csv");
                }
                editorial.add(tr);
                continue;
            }
            throw new SourceDataException(v.row().file(), v.row().line(), c == null ? "(mapping)" : c.name(), "the name \""
                    + o.getLiteralLexicalForm() + "\"" + (o.getLiteralLanguage().isEmpty() ? "" : "@" + o.getLiteralLanguage())
                    + " does not occur in the text of document '" + v.source().slug() + "': cite the source that states it,"
                    + " or cite '" + StatementTerms.EDITORS_SLUG + "' for a name the editors write");
        }
        return new Split(stated, editorial);
    }

    private static Column columnOf(TableDefinition t, ValidRow v, Node value) {
        for (Map.Entry<String, List<ValidRow.Value>> e : v.values().entrySet()) {
            for (ValidRow.Value x : e.getValue()) {
                if (x.node().equals(value)) return t.schema().column(e.getKey());
            }
        }
        return null;
    }
}
