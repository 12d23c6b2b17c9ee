package org.w3id.sijill.search;

import java.util.List;
import java.util.Optional;

/**
 * The kinds of text the search index holds, each a jena-text field with the predicates whose
 * literals fill it, and its ranking tier: names (labels, alternative labels, titles) above
 * descriptions (notes, recommendation texts) above source text (passages, evidence quotes).
 *
 * <p>In SPARQL, {@code ?s text:query (rdfs:label "مصر" "lang:ar")} searches the {@link #LABEL}
 * field; an evidence quote ({@code prov:value} of a {@code sijill:Evidence}) is indexed on the
 * resource that cites it, so {@code ?s text:query (prov:value "NTRA")} gives that resource.
 *
 * <pre>{@code
 * IndexedText.forPredicate("http://www.w3.org/2004/02/skos/core#altLabel"); // Optional[ALT_LABEL]
 * }</pre>
 */
public enum IndexedText {
    LABEL("label", 0, 10f, "http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/2004/02/skos/core#prefLabel",
            "http://xmlns.com/foaf/0.1/name"),
    ALT_LABEL("altLabel", 0, 9f, "http://www.w3.org/2004/02/skos/core#altLabel"),
    TITLE("title", 0, 9f, "http://purl.org/dc/terms/title"),
    NOTE("note", 1, 3f, "http://www.w3.org/2004/02/skos/core#note", "http://www.w3.org/2004/02/skos/core#definition",
            "http://www.w3.org/2000/01/rdf-schema#comment"),
    RECOMMENDATION("recommendation", 1, 3f, "https://w3id.org/sijill/ontology#text"),
    PASSAGE("passage", 2, 1f, "http://www.w3.org/1999/02/22-rdf-syntax-ns#value"),
    QUOTE("quote", 2, 1f, "http://www.w3.org/ns/prov#value");

    private final String field;
    private final int tier;
    private final float weight;
    private final List<String> predicates;

    IndexedText(String field, int tier, float weight, String... predicates) {
        this.field = field;
        this.tier = tier;
        this.weight = weight;
        this.predicates = List.of(predicates);
    }

    /** @return the Lucene field (no underscore: jena-text reads {@code field_lang} as a language field) */
    public String field() { return field; }

    /** @return 0 for names, 1 for descriptions, 2 for source text */
    public int tier() { return tier; }

    /** @return the boost of a match in this field */
    public float weight() { return weight; }

    /** @return the predicates whose literals this field holds */
    public List<String> predicates() { return predicates; }

    /** @return whether whole values of this field count as exact matches (names) */
    public boolean isName() { return tier == 0; }

    /** @return the field of a predicate, if it is indexed */
    public static Optional<IndexedText> forPredicate(String predicate) {
        for (IndexedText t : values()) if (t.predicates.contains(predicate)) return Optional.of(t);
        return Optional.empty();
    }

    /** @return the field of a Lucene field name ({@code label}, or {@code label_ar}) */
    public static Optional<IndexedText> forField(String name) {
        int u = name.indexOf('_');
        String base = u < 0 ? name : name.substring(0, u);
        for (IndexedText t : values()) if (t.field.equals(base)) return Optional.of(t);
        return Optional.empty();
    }
}
