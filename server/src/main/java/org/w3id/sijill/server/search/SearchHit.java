package org.w3id.sijill.server.search;

import java.util.List;
import org.w3id.sijill.search.IndexedText;

/**
 * One resource found: its IRI, names, classes and countries as the index stores them, its score,
 * the text that matched best and where in it the query's words are.
 *
 * <pre>{@code
 * hit.name("ar"); // «الجهاز القومي لتنظيم الاتصالات»
 * }</pre>
 *
 * @param iri       the resource
 * @param nameEn    its English name (or null)
 * @param nameAr    its Arabic name (or null)
 * @param group     its broad class (IRI)
 * @param type      its most specific class (IRI)
 * @param countries ISO 3166-1 alpha-2 codes of its countries
 * @param score     the ranking score (higher is better)
 * @param kind      the kind of text that matched best
 * @param snippet   the fragment of that text shown, as segments (matched words flagged)
 * @param passage   for an evidence quote, the passage it comes from (or null)
 * @param lang      the primary language of the matched text ({@code ar}, {@code en} or empty)
 * @param schemeEn  for a concept, the English name of its concept scheme (or null)
 * @param schemeAr  for a concept, the Arabic name of its concept scheme (or null)
 */
public record SearchHit(String iri, String nameEn, String nameAr, String group, String type, List<String> countries,
                        double score, IndexedText kind, List<Segment> snippet, String passage, String lang,
                        String schemeEn, String schemeAr) {

    /** A piece of a snippet; {@code hit} when it is one of the query's words. */
    public record Segment(String text, boolean hit) {}

    /** @return the name in a language, else the other one, else the IRI */
    public String name(String lang) {
        String first = "ar".equals(lang) ? nameAr : nameEn;
        String second = "ar".equals(lang) ? nameEn : nameAr;
        return first != null ? first : second != null ? second : iri;
    }

    /** @return for a concept, its scheme's name in a language, else the other one; else null */
    public String scheme(String lang) {
        String first = "ar".equals(lang) ? schemeAr : schemeEn;
        return first != null ? first : "ar".equals(lang) ? schemeEn : schemeAr;
    }

    /** @return the snippet as plain text */
    public String snippetText() {
        StringBuilder sb = new StringBuilder();
        for (Segment s : snippet) sb.append(s.text());
        return sb.toString();
    }
}
