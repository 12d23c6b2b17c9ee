package org.w3id.sijill.server.search;

import java.util.Map;
import java.util.MissingResourceException;
import org.w3id.sijill.server.pages.Messages;
import org.w3id.sijill.server.pages.PageLanguage;
import org.w3id.sijill.vocab.SIJILL;

/**
 * Names for what a search shows: broad classes (from the interface texts,
 * {@code search.group.{LocalName}}), specific classes (their ontology labels, else the local name),
 * countries (from the index's own country names), and links to resource pages.
 *
 * <pre>{@code
 * SearchLabels labels = new SearchLabels(search.countryNames(), SearchLabels.classLabels(ontologyGraph));
 * labels.group("https://w3id.org/sijill/ontology#Organization", PageLanguage.AR); // «المنظمات»
 * }</pre>
 */
public final class SearchLabels {
    private final Map<String, String[]> countries;
    private final Map<String, String[]> classes;

    /**
     * @param countries code → {English name, Arabic name}
     * @param classes   class IRI → {English label, Arabic label}
     */
    public SearchLabels(Map<String, String[]> countries, Map<String, String[]> classes) {
        this.countries = Map.copyOf(countries);
        this.classes = Map.copyOf(classes);
    }

    /** @return class IRI → {English label, Arabic label} of the classes a graph labels */
    public static Map<String, String[]> classLabels(org.apache.jena.graph.Graph g) {
        Map<String, String[]> out = new java.util.HashMap<>();
        g.find(org.apache.jena.graph.Node.ANY, org.apache.jena.vocabulary.RDFS.label.asNode(), org.apache.jena.graph.Node.ANY).forEachRemaining(t -> {
            if (!t.getSubject().isURI() || !t.getObject().isLiteral()) return;
            String[] names = out.computeIfAbsent(t.getSubject().getURI(), k -> new String[2]);
            String l = t.getObject().getLiteralLanguage();
            if (l.startsWith("en") && names[0] == null) names[0] = t.getObject().getLiteralLexicalForm();
            if (l.startsWith("ar") && names[1] == null) names[1] = t.getObject().getLiteralLexicalForm();
        });
        return out;
    }

    /** @return the name of a broad class in a language */
    public String group(String iri, PageLanguage lang) {
        String local = SearchParams.localName(iri);
        try {
            return Messages.get(lang, "search.group." + local);
        } catch (MissingResourceException e) {
            // a class without a group name of its own: its ontology label, never the bare local name
            return type(iri, lang);
        }
    }

    /** @return the label of a specific class in a language, else its local name */
    public String type(String iri, PageLanguage lang) {
        String[] names = classes.get(iri);
        String n = names == null ? null : lang == PageLanguage.AR && names[1] != null ? names[1] : names[0];
        return n != null ? n : SearchParams.localName(iri).replaceAll("([a-z])([A-Z])", "$1 $2");
    }

    /** @return a country's name in a language, else its code */
    public String country(String code, PageLanguage lang) {
        String[] names = countries.get(code);
        if (names == null) return code;
        String n = lang == PageLanguage.AR ? names[1] : names[0];
        return n != null ? n : names[0] != null ? names[0] : code;
    }

    /** @return the local page of a Sijill resource in a language */
    public static String pageHref(String iri, PageLanguage lang) {
        String path = iri.startsWith(SIJILL.ID) ? "/page/" + iri.substring(SIJILL.ID.length()) : iri;
        return path + "?lang=" + lang.code();
    }
}
