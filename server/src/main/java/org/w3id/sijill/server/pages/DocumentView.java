package org.w3id.sijill.server.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.w3id.sijill.vocab.SIJILL;

/**
 * The document layout: one page of its passages in order, each with its text, what it mentions
 * and which facts quote it.
 *
 * <pre>{@code
 * PageQueries.PassagesPage page = queries.documentPassages(iri, queries.documentOrder(iri), 100, 0);
 * DocumentView d = DocumentView.build(new ValueRenderer(page.model(), terms, lang), iri, page.passages());
 * }</pre>
 *
 * @param passages the passages of the page, in document order ({@code sijill:ordinal})
 */
public record DocumentView(List<PassageRow> passages) {

    /**
     * One passage.
     *
     * @param link its page
     * @param token the token in its IRI ({@code 21}, {@code s1}, {@code annex-intro})
     * @param ordinal its position
     * @param text its text, with its language
     * @param mentions what it mentions
     * @param supports the things whose facts quote it
     */
    public record PassageRow(ValueView link, String token, long ordinal, Label text, List<ValueView> mentions,
                             List<ValueView> supports) {}

    /**
     * @param passages the IRIs of the passages to list, in document order (one page of them)
     * @return those passages of {@code documentIri}, described from the renderer's model
     */
    public static DocumentView build(ValueRenderer values, String documentIri, List<String> passages) {
        Model m = values.description();
        Resource doc = m.createResource(documentIri);
        Comparator<ValueView> byLabel = Comparator.comparing(v -> v.label().text(),
                java.text.Collator.getInstance(values.lang().locale()));
        List<PassageRow> rows = new ArrayList<>();
        for (String passage : passages) {
            Resource p = m.createResource(passage);
            if (!m.contains(p, DCTerms.isPartOf, doc)) continue;
            Statement ord = p.getProperty(SIJILL.ordinal);
            long ordinal = ord != null && ord.getObject().isLiteral() ? ord.getLong() : Long.MAX_VALUE;
            Statement text = p.getProperty(RDF.value);
            Label textLabel = text == null || !text.getObject().isLiteral() ? null
                    : ValueRenderer.literal(text.getObject().asLiteral()).label();
            List<ValueView> mentions = p.listProperties(SIJILL.mentions).toList().stream().map(Statement::getObject)
                    .map(values::value).sorted(byLabel).toList();
            List<ValueView> supports = m.listSubjectsWithProperty(EntityViewBuilder.WAS_QUOTED_FROM, p).toList().stream()
                    .flatMap(e -> m.listSubjectsWithProperty(SIJILL.evidence, e).toList().stream())
                    .filter(RDFNode::isURIResource).distinct().map(values::value).sorted(byLabel).toList();
            String iri = p.getURI();
            int cut = iri.lastIndexOf("/p/");
            String token = cut >= 0 ? iri.substring(cut + 3) : LabelSelector.fromIri(p);
            rows.add(new PassageRow(ValueView.link(iri, new Label(PassageLocator.of(values, token), values.lang().code(), false)), token, ordinal, textLabel,
                    mentions, supports));
        }
        return new DocumentView(rows);
    }
}
