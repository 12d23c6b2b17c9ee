package org.w3id.sijill.server.pages;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.w3id.sijill.vocab.SIJILL;

/**
 * The numbered notes of one page: each fact shown cites the notes of the statements that support
 * it (RDF 1.1 reification: {@code rdf:Statement} with {@code rdf:subject}, {@code rdf:predicate},
 * {@code rdf:object}). A note is a quote (the same quote text is one note, however many facts it
 * supports), a source without quote (an external source), an editorial statement (the Sijill
 * editors) or a derivation method. Numbers follow the order in which the page first cites them.
 *
 * <pre>{@code
 * CitationNotes notes = new CitationNotes(model, new ValueRenderer(model, terms, lang));
 * CitationNotes.Cites c = notes.cite(law, SIJILL.yearAdopted, year);   // e.g. [1]
 * List<CitationNotes.Note> all = notes.notes();
 * }</pre>
 */
public final class CitationNotes {
    /** The IRI of the Sijill editors as a source. */
    public static final String EDITORS = SIJILL.ID + "source/sijill-editors";
    private static final String PROV = "http://www.w3.org/ns/prov#";

    /**
     * One note.
     *
     * @param number   its number on the page
     * @param kind     {@code quote}, {@code source}, {@code editorial} or {@code derived}
     * @param quote    the quote (kind quote), else null
     * @param passage  the quoted passage (kind quote), else null
     * @param document the passage's document (kind quote), else null
     * @param source   the source (kind source or editorial), else null
     * @param method   the derivation method (kind derived), else null
     */
    public record Note(int number, String kind, Label quote, ValueView passage, ValueView document, ValueView source,
                       ValueView method) {}

    /**
     * The citations of one fact.
     *
     * @param numbers   note numbers, ascending
     * @param editorial true when only the editors state it
     */
    public record Cites(List<Integer> numbers, boolean editorial) {
        /** No citation. */
        public static final Cites NONE = new Cites(List.of(), false);
    }

    private final Model model;
    private final ValueRenderer values;
    private final Map<Triple, List<Resource>> statements = new HashMap<>();
    private final Map<String, Note> notes = new LinkedHashMap<>();

    /**
     * @param model  a model holding the statements (and their evidence, passages, sources)
     * @param values the renderer for links and labels in the page language
     */
    public CitationNotes(Model model, ValueRenderer values) {
        this.model = model;
        this.values = values;
        for (Resource st : model.listSubjectsWithProperty(RDF.type, RDF.Statement).toList()) {
            Statement s = st.getProperty(RDF.subject);
            Statement p = st.getProperty(RDF.predicate);
            Statement o = st.getProperty(RDF.object);
            if (s == null || p == null || o == null) continue;
            Triple t = Triple.create(s.getObject().asNode(), p.getObject().asNode(), o.getObject().asNode());
            statements.computeIfAbsent(t, k -> new ArrayList<>()).add(st);
        }
    }

    /** @return whether the model holds any statement (a store built without statement provenance holds none) */
    public boolean hasStatements() { return !statements.isEmpty(); }

    /** @return the citations of the fact {@code s p o} (numbering new notes as they are first cited) */
    public Cites cite(Resource s, Property p, RDFNode o) {
        List<Resource> sts = statements.get(Triple.create(s.asNode(), p.asNode(), o.asNode()));
        if (sts == null) return Cites.NONE;
        TreeSet<Integer> numbers = new TreeSet<>();
        boolean editorial = true;
        for (Resource st : sts) {
            Note n = note(st);
            if (n == null) continue;
            numbers.add(n.number());
            if (!"editorial".equals(n.kind())) editorial = false;
        }
        return numbers.isEmpty() ? Cites.NONE : new Cites(List.copyOf(numbers), editorial);
    }

    /** @return the citations of every fact {@code s ?p o} (any property linking {@code s} to {@code o}) */
    public Cites citeLink(Resource s, RDFNode o) {
        TreeSet<Integer> numbers = new TreeSet<>();
        boolean editorial = true;
        for (Statement st : s.listProperties().toList()) {
            if (!st.getObject().equals(o)) continue;
            Cites c = cite(s, st.getPredicate(), o);
            numbers.addAll(c.numbers());
            if (!c.numbers().isEmpty() && !c.editorial()) editorial = false;
        }
        return numbers.isEmpty() ? Cites.NONE : new Cites(List.copyOf(numbers), editorial);
    }

    /**
     * Cites a quote that is not a statement of this page's model (e.g. a treaty step the page shows
     * from the observatory's snapshot): the same quote text is the same note as a statement's.
     *
     * @param quote    the quote
     * @param passage  the passage it is quoted from, or null
     * @param document the passage's document, or null
     * @return the note's number as a citation
     */
    public Cites citeQuote(Label quote, ValueView passage, ValueView document) {
        String key = "quote|" + quote.lang() + "|" + quote.text().strip().replaceAll("\\s+", " ");
        Note n = notes.computeIfAbsent(key, k -> new Note(notes.size() + 1, "quote", quote, passage, document, null, null));
        return new Cites(List.of(n.number()), false);
    }

    /** @return the notes cited so far, by number */
    public List<Note> notes() {
        return List.copyOf(notes.values());
    }

    private Note note(Resource st) {
        Statement ev = st.getProperty(SIJILL.evidence);
        if (ev != null && ev.getObject().isResource()) {
            Resource e = ev.getObject().asResource();
            Statement value = e.getProperty(model.createProperty(PROV + "value"));
            if (value != null && value.getObject().isLiteral()) {
                Label quote = ValueRenderer.literal(value.getObject().asLiteral()).label();
                String key = "quote|" + quote.lang() + "|" + quote.text().strip().replaceAll("\\s+", " ");
                return notes.computeIfAbsent(key, k -> {
                    Statement from = e.getProperty(model.createProperty(PROV + "wasQuotedFrom"));
                    ValueView passage = null;
                    ValueView document = null;
                    if (from != null && from.getObject().isURIResource()) {
                        Resource p = from.getObject().asResource();
                        passage = ValueView.link(p.getURI(), passageLabel(p));
                        Resource doc = documentOf(p);
                        if (doc != null) document = ValueView.link(doc.getURI(), values.label(doc));
                    }
                    return new Note(notes.size() + 1, "quote", quote, passage, document, null, null);
                });
            }
        }
        Statement gen = st.getProperty(model.createProperty(PROV + "wasGeneratedBy"));
        if (gen != null && gen.getObject().isURIResource()) {
            Resource m = gen.getObject().asResource();
            return notes.computeIfAbsent("derived|" + m.getURI(), k -> new Note(notes.size() + 1, "derived", null, null, null, null,
                    ValueView.link(m.getURI(), values.termLabel(m))));
        }
        Statement src = st.getProperty(model.createProperty(PROV + "wasDerivedFrom"));
        if (src != null && src.getObject().isURIResource()) {
            Resource s = src.getObject().asResource();
            String kind = EDITORS.equals(s.getURI()) ? "editorial" : "source";
            return notes.computeIfAbsent(kind + "|" + s.getURI(), k -> new Note(notes.size() + 1, kind, null, null, null,
                    ValueView.link(s.getURI(), values.label(s)), null));
        }
        return null;
    }

    private Label passageLabel(Resource p) {
        return values.label(p);
    }

    private Resource documentOf(Resource passage) {
        Statement st = passage.getProperty(DCTerms.isPartOf);
        if (st != null && st.getObject().isURIResource()) return st.getObject().asResource();
        String iri = passage.getURI();
        int cut = iri.indexOf("/p/");
        return cut > 0 && iri.startsWith(SIJILL.ID + "document/") ? model.createResource(iri.substring(0, cut)) : null;
    }
}
