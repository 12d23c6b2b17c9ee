package org.w3id.sijill.server.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.w3id.sijill.vocab.SIJILL;
import org.apache.jena.rdf.model.Statement;

/**
 * Turns RDF terms of a resource description into {@link ValueView}s in one page language:
 * IRIs become links named by their label (from the description, else from the term labels),
 * literals keep their language tag, blank nodes are shown by their own properties.
 *
 * <pre>{@code
 * ValueRenderer values = new ValueRenderer(description, termLabels, PageLanguage.AR);
 * ValueView v = values.value(statement.getObject());
 * }</pre>
 */
public final class ValueRenderer {
    private final Model description;
    private final TermLabels terms;
    private final PageLanguage lang;
    private CitationNotes notes;

    public ValueRenderer(Model description, TermLabels terms, PageLanguage lang) {
        this.description = description;
        this.terms = terms;
        this.lang = lang;
    }

    /** The reification vocabulary: statements about a resource are its provenance, not its facts. */
    private static final java.util.Set<String> STATEMENT_PROPERTIES = java.util.Set.of(
            org.apache.jena.vocabulary.RDF.subject.getURI(), org.apache.jena.vocabulary.RDF.predicate.getURI(),
            org.apache.jena.vocabulary.RDF.object.getURI());

    /**
     * Cites the page's notes on the outgoing facts this renderer lists.
     *
     * @return this renderer
     */
    public ValueRenderer withNotes(CitationNotes pageNotes) {
        this.notes = pageNotes;
        return this;
    }

    /** @return the page's notes, or null */
    public CitationNotes notes() { return notes; }

    /** @return the page language */
    public PageLanguage lang() { return lang; }

    /** @return the description model */
    public Model description() { return description; }

    /** @return the term labels */
    public TermLabels terms() { return terms; }

    /**
     * @return the label of a resource: from the description, else the term table, else a display
     *         name made from the labels of what it points to ({@link DisplayNames}), else its IRI
     */
    public Label label(Resource r) {
        java.util.Optional<Label> own = LabelSelector.find(description, r, lang);
        if (own.isPresent() && !own.get().fallback()) return own.get();
        // a term the data labels in English only (e.g. schema:Country) may have a label in the page language in the term table
        java.util.Optional<Label> term = r.isURIResource() ? LabelSelector.find(terms.model(), r, lang) : java.util.Optional.empty();
        if (term.isPresent() && !term.get().fallback()) return term.get();
        return own.or(() -> term)
                .or(() -> DisplayNames.find(this, r))
                .orElseGet(() -> new Label(LabelSelector.fromIri(r), "", false));
    }

    /** @return the label of a property or class */
    public Label termLabel(Resource term) {
        return LabelSelector.find(terms.model(), term, lang)
                .or(() -> LabelSelector.find(description, term, lang))
                .orElseGet(() -> new Label(TermLabels.prefixed(term.getURI()), "", false));
    }

    /** @return the value view of any RDF term */
    public ValueView value(RDFNode node) {
        if (node.isLiteral()) return literal(node.asLiteral());
        Resource r = node.asResource();
        if (r.isURIResource()) return ValueView.link(r.getURI(), label(r));
        return ValueView.node(new Label("", "", false), properties(r, false, 0));
    }

    /**
     * @param property the property the literal is a value of
     * @return the value view of the literal; a code of a closed list (a document's
     *         {@code sijill:documentKind}, e.g. {@code meeting-report}, or its
     *         {@code dcterms:language}, e.g. {@code ar}) is shown by its name in the page language,
     *         never as the raw code
     */
    public ValueView literal(Property property, Literal l) {
        boolean kind = SIJILL.documentKind.equals(property);
        if ((kind || org.apache.jena.vocabulary.DCTerms.language.equals(property)) && l.getLanguage().isEmpty()) {
            String key = (kind ? "doc.kind." : "language.name.") + l.getLexicalForm();
            if (Messages.bundle(lang).containsKey(key)) {
                return ValueView.literal(new Label(Messages.get(lang, key), lang.code(), false), null);
            }
        }
        return literal(l);
    }

    /** @return the value view of a literal */
    public static ValueView literal(Literal l) {
        String dt = l.getLanguage().isEmpty() && l.getDatatypeURI() != null
                ? TermLabels.prefixed(l.getDatatypeURI()) : null;
        if ("xsd:string".equals(dt)) dt = null;
        // Dates, years and numbers are Latin-digit tokens with hyphens: inside Arabic text they must
        // stay left to right, or "2026-04-27" is shown as "27-04-2026".
        String direction = dt != null ? "ltr" : null;
        return ValueView.literal(new Label(l.getLexicalForm(), l.getLanguage(), false, direction), dt);
    }

    /**
     * @param r the subject (or, when {@code incoming}, the object) of the statements
     * @param incoming true to list statements pointing to {@code r}
     * @param depth how many levels of blank nodes to expand
     * @return rows, one per property, values sorted; properties sorted by label
     */
    public List<PropertyView> properties(Resource r, boolean incoming, int depth) {
        return properties(r, incoming, depth, p -> true);
    }

    /**
     * @param include the properties to list (the others are neither listed nor cited)
     * @return rows of the included properties, as {@link #properties(Resource, boolean, int)}
     */
    public List<PropertyView> properties(Resource r, boolean incoming, int depth, java.util.function.Predicate<String> include) {
        return statementRows(r, incoming, depth, st -> include.test(st.getPredicate().getURI()));
    }

    /**
     * @param keep the statements to list (the others are neither listed nor cited, so no note is
     *             numbered for a value the page does not show)
     * @return rows of the kept statements, as {@link #properties(Resource, boolean, int)}
     */
    public List<PropertyView> statementRows(Resource r, boolean incoming, int depth, java.util.function.Predicate<Statement> keep) {
        List<Statement> statements = incoming
                ? description.listStatements(null, null, r).toList()
                : description.listStatements(r, null, (RDFNode) null).toList();
        Map<Property, List<ValueView>> byProperty = new LinkedHashMap<>();
        for (Statement st : statements) {
            if (STATEMENT_PROPERTIES.contains(st.getPredicate().getURI()) || !keep.test(st)) continue;
            RDFNode other = incoming ? st.getSubject() : st.getObject();
            // An incoming blank node (an evidence quote pointing at a passage) stands for the
            // thing that owns it: show that fact rather than an anonymous node.
            if (incoming && other.isAnon()) other = owner(other.asResource());
            ValueView v = (other.isAnon() && depth <= 0)
                    ? ValueView.literal(new Label("…", "", false), null)
                    : other.isLiteral() ? literal(st.getPredicate(), other.asLiteral()) : value(other);
            if (!incoming && notes != null && r.isURIResource()) v = v.withCitations(notes.cite(r, st.getPredicate(), other));
            byProperty.computeIfAbsent(st.getPredicate(), p -> new ArrayList<>()).add(v);
        }
        List<PropertyView> rows = new ArrayList<>();
        byProperty.forEach((p, vs) -> {
            vs.sort(VALUE_ORDER);
            rows.add(new PropertyView(p.getURI(), termLabel(p), LocalLinks.href(p.getURI()), incoming, List.copyOf(vs)));
        });
        rows.sort(Comparator.comparing((PropertyView pv) -> pv.label().text()));
        return rows;
    }

    /** @return the first named resource that links to {@code node} in the description, else the node itself */
    private RDFNode owner(Resource node) {
        return description.listStatements(null, null, node).toList().stream()
                .map(Statement::getSubject).filter(Resource::isURIResource)
                .min(Comparator.comparing(Resource::getURI)).map(RDFNode.class::cast).orElse(node);
    }

    /** Values in a stable order: page-language literals first is the reader's expectation, then by text. */
    private static final Comparator<ValueView> VALUE_ORDER =
            Comparator.comparing((ValueView v) -> v.label().lang()).thenComparing(v -> v.label().text());
}
