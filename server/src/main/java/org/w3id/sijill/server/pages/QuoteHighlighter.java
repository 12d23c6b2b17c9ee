package org.w3id.sijill.server.pages;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Finds quotes in a passage's text the way the loader checks them — whitespace folded, typographic
 * quotes and dashes as ASCII, Arabic tatweel and diacritics ignored, {@code أ إ آ ٱ} as {@code ا},
 * {@code ى} as {@code ي}, {@code ة} as {@code ه} — and cuts the original text into plain and marked
 * segments, so a page can wrap each quoted span in {@code <mark>}.
 *
 * <pre>{@code
 * List<QuoteHighlighter.Segment> s = QuoteHighlighter.segments(passageText, List.of(quote));
 * }</pre>
 */
public final class QuoteHighlighter {
    private QuoteHighlighter() {}

    /**
     * A piece of the text.
     *
     * @param text   the original text of the piece
     * @param marked true when some quote covers it
     */
    public record Segment(String text, boolean marked) {}

    /** @return the text cut into segments, the spans that quotes cover marked (overlaps merged) */
    public static List<Segment> segments(String text, Collection<String> quotes) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder norm = new StringBuilder();
        List<Integer> origin = new ArrayList<>();   // for each char of norm, its index in nfc
        boolean space = false;
        for (int i = 0; i < nfc.length(); i++) {
            char c = nfc.charAt(i);
            if (isSpace(c)) {
                if (!space && norm.length() > 0) { norm.append(' '); origin.add(i); }
                space = true;
                continue;
            }
            space = false;
            if (isMark(c)) continue;
            norm.append(fold(c));
            origin.add(i);
        }
        boolean[] marked = new boolean[nfc.length()];
        for (String q : quotes) {
            String nq = normalize(q);
            if (nq.isEmpty()) continue;
            for (int at = norm.indexOf(nq); at >= 0; at = norm.indexOf(nq, at + 1)) {
                int from = origin.get(at);
                int to = origin.get(at + nq.length() - 1);
                for (int k = from; k <= to; k++) marked[k] = true;
            }
        }
        List<Segment> out = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= nfc.length(); i++) {
            if (i == nfc.length() || marked[i] != marked[start]) {
                out.add(new Segment(nfc.substring(start, i), marked[start]));
                start = i;
            }
        }
        return out;
    }

    static String normalize(String s) {
        String nfc = Normalizer.normalize(s, Normalizer.Form.NFC);
        StringBuilder b = new StringBuilder();
        boolean space = false;
        for (int i = 0; i < nfc.length(); i++) {
            char c = nfc.charAt(i);
            if (isSpace(c)) {
                if (!space && b.length() > 0) b.append(' ');
                space = true;
                continue;
            }
            space = false;
            if (isMark(c)) continue;
            b.append(fold(c));
        }
        return b.toString().strip();
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || (c >= '\u200B' && c <= '\u200F') || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }

    private static boolean isMark(char c) {
        return (c >= '\u0610' && c <= '\u061A') || (c >= '\u064B' && c <= '\u065F') || c == '\u0670'
                || (c >= '\u06D6' && c <= '\u06ED') || c == '\u0640';
    }

    private static char fold(char c) {
        return switch (c) {
            case 'أ', 'إ', 'آ', 'ٱ' -> 'ا';
            case 'ى' -> 'ي';
            case 'ة' -> 'ه';
            case '\u2018', '\u2019' -> '\'';
            case '\u201C', '\u201D' -> '"';
            case '\u2013', '\u2014' -> '-';
            default -> c;
        };
    }
}
