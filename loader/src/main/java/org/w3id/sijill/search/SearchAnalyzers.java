package org.w3id.sijill.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.core.DecimalDigitFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The text analysis of the search index, the same at indexing and at query time:
 * <ul>
 *   <li>{@code ar} — Lucene's {@link ArabicAnalyzer}: Arabic-Indic digits to ASCII, Arabic stop
 *   words, normalisation (hamza forms of alef to bare alef, alef maqsura to yaa, taa marbuta to
 *   haa, tatweel and diacritics removed) and light stemming (prefixes such as ال, و, بال and
 *   suffixes such as ات, ون, ها);</li>
 *   <li>{@code en} — Lucene's {@link EnglishAnalyzer}: possessives, stop words, Porter stemming;</li>
 *   <li>everything else and the language-neutral fields — {@link #folding()}: standard tokens,
 *   lower case, ASCII digits, Arabic normalisation and accent folding, no stemming and no stop
 *   words (so «مصر» and "Q-CERT" match in any field whatever the literal's language).</li>
 * </ul>
 * These are the analysers jena-text picks for the same fields ({@code text:multilingualSupport}
 * maps {@code ar} and {@code en} to these two classes; the configuration in {@code fuseki-config/}
 * defines the folding analyser with the same filters), so {@code text:query} and the search
 * pages read the index the loader wrote the same way.
 *
 * <pre>{@code
 * List<String> terms = SearchAnalyzers.terms(SearchAnalyzers.forLanguage("ar"), "الاتصالات"); // ["اتصال"]
 * }</pre>
 */
public final class SearchAnalyzers {
    private SearchAnalyzers() {}

    private static final Analyzer FOLDING = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream s = new LowerCaseFilter(source);
            s = new DecimalDigitFilter(s);
            s = new ArabicNormalizationFilter(s);
            s = new ASCIIFoldingFilter(s);
            return new TokenStreamComponents(source, s);
        }
    };
    private static final Analyzer ARABIC = new ArabicAnalyzer();
    private static final Analyzer ENGLISH = new EnglishAnalyzer();

    /** The languages with their own analyser (primary subtags). */
    public static final List<String> LANGUAGES = List.of("ar", "en");

    /** @return the language-neutral analyser (normalising, not stemming) */
    public static Analyzer folding() {
        return FOLDING;
    }

    /**
     * @param language a primary language subtag ({@code ar}, {@code en})
     * @return its analyser, or the folding one for any other language
     */
    public static Analyzer forLanguage(String language) {
        return switch (language == null ? "" : language) {
            case "ar" -> ARABIC;
            case "en" -> ENGLISH;
            default -> FOLDING;
        };
    }

    /**
     * @param tag a BCP 47 language tag such as {@code ar-EG} or {@code EN}
     * @return its primary subtag in lower case ({@code ar}, {@code en}); empty for none
     */
    public static String primaryLanguage(String tag) {
        if (tag == null || tag.isBlank()) return "";
        String t = tag.trim().toLowerCase(Locale.ROOT);
        int dash = t.indexOf('-');
        return dash < 0 ? t : t.substring(0, dash);
    }

    /** @return the terms an analyser makes of a text, in order */
    public static List<String> terms(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(term.toString());
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * @return the key of a whole label for exact matching: its folded terms joined by one space
     *         («الجهاز القومى» and «الجهاز القومي», "Q-CERT" and "q cert" have the same key)
     */
    public static String exactKey(String text) {
        return String.join(" ", terms(FOLDING, text));
    }

    /** Connecting words that a body's initials skip. */
    private static final Set<String> INITIALS_SKIP = Set.of("of", "for", "and", "the", "on", "in", "to", "at", "de", "des", "du", "la", "le", "et");

    /**
     * The initials of a title-case English name of four or more words, folded like
     * {@link #exactKey}, so that a body is found by its abbreviation where no source states the
     * abbreviation ("Organisation for Economic Co-operation and Development" → {@code oecd}). Words
     * in parentheses and connecting words are skipped; a name with a lower-case word (a law's
     * title) has none. A search key only: it is never published as a label.
     *
     * <pre>{@code
     * SearchAnalyzers.initialsKey("National Telecom Regulatory Authority"); // Optional[ntra]
     * }</pre>
     */
    public static Optional<String> initialsKey(String name) {
        StringBuilder initials = new StringBuilder();
        for (String word : name.replaceAll("\\([^)]*\\)", " ").trim().split("\\s+")) {
            if (word.isEmpty() || INITIALS_SKIP.contains(word.toLowerCase(Locale.ROOT))) continue;
            int first = word.codePointAt(0);
            if (!Character.isUpperCase(first) || Character.UnicodeScript.of(first) != Character.UnicodeScript.LATIN) return Optional.empty();
            initials.appendCodePoint(first);
        }
        return initials.length() >= 4 ? Optional.of(exactKey(initials.toString())) : Optional.empty();
    }

    /** @return whether a text has Arabic letters */
    public static boolean hasArabic(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC && Character.isLetter(c));
    }

    /** @return whether a text has Latin letters or digits */
    public static boolean hasLatin(String text) {
        return text.codePoints().anyMatch(c -> (Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN && Character.isLetter(c))
                || (c < 128 && Character.isDigit(c)));
    }
}
