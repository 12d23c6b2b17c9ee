package org.w3id.sijill.loader;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Normalises text for matching (evidence quotes against passages, gazetteer names against
 * passages): Unicode NFC; whitespace folded to one space and trimmed; typographic quotes and
 * dashes to their ASCII forms; Arabic tatweel and diacritics removed, {@code أ إ آ ٱ} → {@code ا},
 * {@code ى} → {@code ي}, {@code ة} → {@code ه}. Case is kept ({@link #fold} also lowercases).
 *
 * <pre>{@code
 * boolean found = TextNormalizer.normalize(passage).contains(TextNormalizer.normalize(quote));
 * }</pre>
 */
public final class TextNormalizer {
    private TextNormalizer() {}

    private static final Pattern ARABIC_MARKS = Pattern.compile("[\\u0610-\\u061A\\u064B-\\u065F\\u0670\\u06D6-\\u06ED\\u0640]");
    private static final Pattern SPACE = Pattern.compile("[\\s\\u00A0\\u200B-\\u200F\\u202A-\\u202E\\u2066-\\u2069]+");

    /** @return the text normalised for matching, case kept */
    public static String normalize(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFC);
        s = ARABIC_MARKS.matcher(s).replaceAll("");
        s = s.replace('أ', 'ا').replace('إ', 'ا').replace('آ', 'ا').replace('ٱ', 'ا')
                .replace('ى', 'ي').replace('ة', 'ه');
        s = s.replace('\u2018', '\'').replace('\u2019', '\'').replace('\u201C', '"').replace('\u201D', '"')
                .replace('\u2013', '-').replace('\u2014', '-');
        return SPACE.matcher(s).replaceAll(" ").trim();
    }

    /** @return the text normalised and lowercased (for case-insensitive matching) */
    public static String fold(String text) {
        return normalize(text).toLowerCase(java.util.Locale.ROOT);
    }

    /** @return whether {@code quote} occurs in {@code text} after normalisation */
    public static boolean contains(String text, String quote) {
        return normalize(text).contains(normalize(quote));
    }
}
