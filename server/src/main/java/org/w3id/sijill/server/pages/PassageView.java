package org.w3id.sijill.server.pages;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.w3id.sijill.vocab.SIJILL;

/**
 * The passage layout: its text with every quoted span marked, the facts its quotes support (one
 * row per reified statement citing a quote from it), its document and the document's original
 * address when the register has one ({@code schema:url}).
 *
 * <p>A passage the editors read anew ({@code sijill:editorialReading}, a text extracted out of
 * reading order) shows that corrected reading first — the text its quotes were checked against,
 * so every quote is marked in it — attributed to the Sijill editors with their note
 * ({@code skos:editorialNote}); the raw extraction ({@code rdf:value}) follows as {@link #raw()},
 * marked where it holds a quote.
 *
 * <pre>{@code
 * PassageView v = PassageView.build(new ValueRenderer(queries.passageFacts(iri).add(description), terms, lang), iri);
 * }</pre>
 *
 * @param text     the text shown first (the corrected reading when there is one) in segments, quoted ones marked; or empty
 * @param lang     the text's language
 * @param dir      the text's direction
 * @param facts    the facts the passage supports
 * @param document the passage's document, or null
 * @param address  the document's original address (an external link), or null
 * @param raw      the raw extraction in segments when {@code text} is a corrected reading, else empty
 * @param note     the editors' note on their reading, or null
 * @param editors  where the reading's author, the Sijill editors, is described (a local link) when there is a reading, else null
 */
public record PassageView(List<QuoteHighlighter.Segment> text, String lang, String dir, List<Fact> facts, ValueView document,
                          ValueView address, List<QuoteHighlighter.Segment> raw, Label note, String editors) {

    private static final String PROV = "http://www.w3.org/ns/prov#";
    private static final String EDITORIAL_NOTE = "http://www.w3.org/2004/02/skos/core#editorialNote";
    /** The external source the corrected readings are attributed to. */
    static final String EDITORS = SIJILL.ID + "source/sijill-editors";

    /** @return true when the text shown first is the editors' corrected reading */
    public boolean corrected() { return !raw.isEmpty(); }

    /**
     * A fact a passage supports.
     *
     * @param subject  what it is about
     * @param property the property
     * @param value    the value
     * @param quote    the quote that supports it
     */
    public record Fact(ValueView subject, Label property, ValueView value, Label quote) {}

    /** @return the view of the passage {@code iri} from the renderer's model */
    public static PassageView build(ValueRenderer values, String iri) {
        Model m = values.description();
        Resource p = m.createResource(iri);
        Statement text = p.getProperty(RDF.value);
        Set<String> quotes = new LinkedHashSet<>();
        List<Fact> facts = new ArrayList<>();
        for (Resource e : m.listSubjectsWithProperty(m.createProperty(PROV + "wasQuotedFrom"), p).toList()) {
            Statement q = e.getProperty(m.createProperty(PROV + "value"));
            if (q == null || !q.getObject().isLiteral()) continue;
            quotes.add(q.getString());
            Label quote = ValueRenderer.literal(q.getObject().asLiteral()).label();
            for (Resource st : m.listSubjectsWithProperty(SIJILL.evidence, e).toList()) {
                Statement s = st.getProperty(RDF.subject);
                Statement pr = st.getProperty(RDF.predicate);
                Statement o = st.getProperty(RDF.object);
                if (s == null || pr == null || o == null || !pr.getObject().isURIResource()) continue;
                facts.add(new Fact(values.value(s.getObject()), values.termLabel(pr.getObject().asResource()),
                        values.value(o.getObject()), quote));
            }
        }
        Collator collator = Collator.getInstance(values.lang().locale());
        facts.sort(Comparator.comparing((Fact f) -> f.subject().label().text(), collator)
                .thenComparing(f -> f.property().text(), collator).thenComparing(f -> f.value().label().text(), collator));
        List<Fact> distinct = new ArrayList<>();
        for (Fact f : facts) {
            boolean seen = distinct.stream().anyMatch(d -> d.subject().equals(f.subject()) && d.property().equals(f.property())
                    && d.value().equals(f.value()));
            if (!seen) distinct.add(f);
        }
        List<QuoteHighlighter.Segment> segments = List.of();
        List<QuoteHighlighter.Segment> raw = List.of();
        Label note = null;
        String editors = null;
        String lang = "";
        String dir = "auto";
        Statement reading = p.getProperty(SIJILL.editorialReading);
        Statement shown = reading != null && reading.getObject().isLiteral() ? reading : text;
        if (shown != null && shown.getObject().isLiteral()) {
            segments = QuoteHighlighter.segments(shown.getString(), quotes);
            Label l = ValueRenderer.literal(shown.getObject().asLiteral()).label();
            lang = l.lang();
            dir = l.dir();
        }
        if (shown == reading && reading != null) {
            if (text != null && text.getObject().isLiteral()) raw = QuoteHighlighter.segments(text.getString(), quotes);
            Statement n = p.getProperty(m.createProperty(EDITORIAL_NOTE));
            if (n != null && n.getObject().isLiteral()) note = ValueRenderer.literal(n.getObject().asLiteral()).label();
            editors = LocalLinks.href(EDITORS);
        }
        ValueView document = null;
        ValueView address = null;
        Statement part = p.getProperty(DCTerms.isPartOf);
        if (part != null && part.getObject().isURIResource()) {
            Resource doc = part.getObject().asResource();
            document = values.value(doc);
            Statement url = doc.getProperty(m.createProperty("http://schema.org/url"));
            if (url != null && url.getObject().isURIResource()) {
                address = ValueView.link(url.getObject().asResource().getURI(), new Label(url.getObject().asResource().getURI(), "", false, "ltr"));
            }
        }
        return new PassageView(segments, lang, dir, List.copyOf(distinct), document, address, raw, note, editors);
    }
}
