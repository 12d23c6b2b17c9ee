package org.w3id.sijill.server.pages;

import java.util.List;
import java.util.Optional;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * Picks the label of a resource in the page language, falling back to the other page language,
 * then to any other language, then to a plain literal, then to a name made from the IRI. Label
 * properties are tried in order: {@code skos:prefLabel}, {@code rdfs:label}, {@code dcterms:title},
 * {@code schema:name}, {@code foaf:name}.
 *
 * <pre>{@code
 * Label l = LabelSelector.label(model, lebanon, PageLanguage.AR); // «لبنان», not a fallback
 * }</pre>
 */
public final class LabelSelector {
    private LabelSelector() {}

    /** The label properties, most preferred first. */
    public static final List<Property> LABEL_PROPERTIES = List.of(
            SKOS.prefLabel, RDFS.label, DCTerms.title,
            ResourceFactory.createProperty("http://schema.org/name"),
            ResourceFactory.createProperty("http://xmlns.com/foaf/0.1/name"));

    /**
     * @return the best label of {@code r} in {@code lang}; never null
     */
    public static Label label(Model model, Resource r, PageLanguage lang) {
        return find(model, r, lang).orElseGet(() -> new Label(fromIri(r), "", false));
    }

    /** @return the best label present in the model, if there is one */
    public static Optional<Label> find(Model model, Resource r, PageLanguage lang) {
        if (r.isAnon() && !model.contains(r, null, (RDFNode) null)) return Optional.empty();
        return pick(LABEL_PROPERTIES.stream()
                .flatMap(p -> model.listStatements(r, p, (RDFNode) null).toList().stream())
                .map(Statement::getObject)
                .filter(RDFNode::isLiteral).map(RDFNode::asLiteral).toList(), lang);
    }

    /**
     * Chooses among literals by language: page language, the other page language, any tag, none.
     * @return the chosen label, if any literal was given
     */
    public static Optional<Label> pick(List<Literal> literals, PageLanguage lang) {
        for (int pass = 0; pass < 4; pass++) {
            for (Literal l : literals) {
                String tag = l.getLanguage();
                boolean match = switch (pass) {
                    case 0 -> PageLanguage.fromCode(tag).orElse(null) == lang;
                    case 1 -> PageLanguage.fromCode(tag).orElse(null) == lang.other();
                    case 2 -> !tag.isEmpty();
                    default -> tag.isEmpty();
                };
                if (match) {
                    String text = l.getLexicalForm().strip();
                    if (text.isEmpty()) continue;
                    // A plain literal is a name for every language (e.g. "ITU"), not a fallback.
                    return Optional.of(new Label(text, tag, pass == 1 || pass == 2));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * @return a readable name from the IRI: a passage as {@code ¶ token}, another Sijill entity by
     *         its path after {@code id/}, a web page whose last segment is a slug by its address
     *         without the scheme ({@code github.com/tjmisko/sspi-data-webapp}: an address a reader
     *         recognises, not a bare slug), anything else by its fragment or last path segment
     */
    public static String fromIri(Resource r) {
        if (r.isAnon()) return "…";
        String iri = r.getURI();
        int passage = iri.lastIndexOf("/p/");
        if (iri.startsWith(org.w3id.sijill.vocab.SIJILL.ID + "document/") && passage > 0) return "¶ " + iri.substring(passage + 3);
        if (iri.startsWith(org.w3id.sijill.vocab.SIJILL.ID) && iri.length() > org.w3id.sijill.vocab.SIJILL.ID.length()) {
            return iri.substring(org.w3id.sijill.vocab.SIJILL.ID.length());
        }
        int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
        if (cut >= 0 && cut < iri.length() - 1) {
            String last = iri.substring(cut + 1);
            if (iri.matches("https?://.*") && last.matches("[a-z][a-z0-9]*(-[a-z0-9]+)+")) return iri.replaceFirst("^https?://(www\\.)?", "");
            return last;
        }
        return iri;
    }
}
