package org.w3id.sijill.loader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3id.sijill.core.SourceDataException;

/**
 * Repairs Arabic text extracted from PDF with the lam-alef ligatures reversed: the extractor wrote
 * every ligature {@code لا لأ لإ لآ} as alef-then-lam ({@code اإلقليمي} for {@code الإقليمي}).
 * Two kinds of repair:
 * <ul>
 *   <li>general rules for the unambiguous forms: alef followed by a reversed ligature
 *   ({@code اإل األ اآل اال} → {@code الإ الأ الآ الا}, so {@code واألمن} → {@code والأمن},
 *   {@code االتصاالت} → {@code الاتصالات}); lam followed by a reversed hamza ligature
 *   ({@code لأل لإل} → {@code للأ للإ}, so {@code لألمن} → {@code للأمن}); and the lone word
 *   {@code ال} → {@code لا} (the article never stands alone);</li>
 *   <li>word-level fixes from {@code sources/arabic-ligature-fixes.csv} (columns
 *   {@code broken,repaired,note}) for the words the rules cannot decide, e.g. {@code خالل} →
 *   {@code خلال} while the name {@code خالد} must stay.</li>
 * </ul>
 * Correct text is left alone: {@code إلى}, {@code الأمن}, {@code ألف}, {@code خالد}.
 *
 * <pre>{@code
 * ArabicLigatureRepair repair = ArabicLigatureRepair.load(Path.of("sources/arabic-ligature-fixes.csv"));
 * String fixed = repair.repair("التعاون اإلقليمي");   // "التعاون الإقليمي"
 * }</pre>
 */
public final class ArabicLigatureRepair {

    private static final String LETTER = "[\\p{L}\\p{M}]";
    /** alef + (reversed ligature: alef-variant + lam) → alef + lam + alef-variant */
    private static final Pattern AFTER_ALEF = Pattern.compile("ا([اأإآ])ل");
    /** word-initial lam + reversed hamza ligature → lam + lam + alef-variant (li- + article) */
    private static final Pattern AFTER_LAM = Pattern.compile("(?<!" + LETTER + ")ل([أإآ])ل");
    /** the lone word "ال" is a reversed "لا" */
    private static final Pattern LONE = Pattern.compile("(?<!" + LETTER + ")ال(?!" + LETTER + ")");

    private final Map<Pattern, String> fixes;

    private ArabicLigatureRepair(Map<Pattern, String> fixes) {
        this.fixes = fixes;
    }

    /** @return a repairer with the general rules only */
    public static ArabicLigatureRepair rulesOnly() {
        return new ArabicLigatureRepair(Map.of());
    }

    /** @return a repairer with the general rules and the word fixes of the CSV file (absent file: none) */
    public static ArabicLigatureRepair load(Path fixesCsv) {
        if (!Files.exists(fixesCsv)) return rulesOnly();
        CsvTable t = TableReader.read(fixesCsv, false);
        for (String h : List.of("broken", "repaired")) {
            if (!t.header().contains(h)) throw new SourceDataException(fixesCsv, 1, h, "missing column");
        }
        for (String h : t.header()) {
            if (!List.of("broken", "repaired", "note").contains(h)) {
                throw new SourceDataException(fixesCsv, 1, h, "unknown column (known: broken, repaired, note)");
            }
        }
        Map<Pattern, String> fixes = new LinkedHashMap<>();
        // longer words first, so that a fix for a compound is not pre-empted by one for its part
        t.rows().stream()
                .sorted((a, b) -> Integer.compare(b.cell("broken").length(), a.cell("broken").length()))
                .forEach(r -> {
                    if (r.cell("broken").isEmpty()) throw new SourceDataException(fixesCsv, r.line(), "broken", "empty");
                    if (r.cell("repaired").isEmpty()) throw new SourceDataException(fixesCsv, r.line(), "repaired", "empty");
                    Pattern p = Pattern.compile("(?<!" + LETTER + ")" + Pattern.quote(r.cell("broken")) + "(?!" + LETTER + ")");
                    fixes.put(p, r.cell("repaired"));
                });
        return new ArabicLigatureRepair(fixes);
    }

    /** @return the number of word-level fixes */
    public int wordFixes() { return fixes.size(); }

    /** @return the text with reversed lam-alef ligatures repaired */
    public String repair(String text) {
        String s = text;
        for (Map.Entry<Pattern, String> e : fixes.entrySet()) {
            s = e.getKey().matcher(s).replaceAll(Matcher.quoteReplacement(e.getValue()));
        }
        // apply until stable: a word may hold several reversed ligatures next to each other
        String before;
        do {
            before = s;
            s = AFTER_ALEF.matcher(s).replaceAll("ال$1");
            s = AFTER_LAM.matcher(s).replaceAll("لل$1");
        } while (!s.equals(before));
        return LONE.matcher(s).replaceAll("لا");
    }
}
