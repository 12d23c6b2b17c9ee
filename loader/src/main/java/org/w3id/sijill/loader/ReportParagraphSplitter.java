package org.w3id.sijill.loader;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code report-paragraphs} segmentation of the ESCWA meeting report (see
 * {@code sources/README.md}):
 * <ul>
 *   <li>the Summary before the heading {@code Introduction}: blank-line separated paragraphs
 *   {@code s1}, {@code s2}, …;</li>
 *   <li>numbered paragraphs {@code 1.} … keep their numbers as tokens and run across wrapped lines
 *   and page breaks until the next numbered paragraph or heading; headings ({@code I. …},
 *   {@code A. …}, {@code 1-   …} and their continuation lines), page numbers and the footnote
 *   area at a page bottom (after a long blank separator line) belong to no paragraph; footnotes
 *   become {@code fn1}, {@code fn2}, …;</li>
 *   <li>Annex I (Arabic): its introduction is {@code annex-intro}; each numbered recommendation is
 *   {@code annex-{category}-{n}} under the category heading it stands in.</li>
 * </ul>
 * A number only starts a paragraph, a footnote or an item when it is the next one expected, so
 * numbers inside wrapped text are never taken for markers.
 *
 * <pre>{@code
 * List<Passage> ps = new ReportParagraphSplitter().split(Files.readString(report));
 * }</pre>
 */
public final class ReportParagraphSplitter implements PassageSplitter {

    private static final Pattern SUMMARY = Pattern.compile("\\s*Summary\\s*");
    private static final Pattern INTRODUCTION = Pattern.compile("\\s*Introduction\\s*");
    private static final Pattern PARAGRAPH = Pattern.compile("\\s*(\\d{1,3})\\.\\s+(.*)");
    private static final Pattern HEADING = Pattern.compile("\\s*([IVX]+\\.|[A-H]\\.|\\d{1,2}-)\\s+\\S.*");
    private static final Pattern ANNEX = Pattern.compile("\\s*Annex\\s+(1|I)\\b.*");
    private static final Pattern PAGE_NUMBER = Pattern.compile("\\s*\\d{1,3}\\s*");
    private static final Pattern FOOTNOTE = Pattern.compile("(\\d{1,2})\\s+(\\S.*)");
    private static final Pattern ARABIC = Pattern.compile("\\p{InArabic}");
    /** an annex item number printed at the end of a line: ". 1", ".10" */
    private static final Pattern ITEM_DOT = Pattern.compile("(?:^|\\s)\\.\\s*(\\d{1,2})\\s*$");
    /** an annex item number printed as "-1" (at the end, or inside the line when the PDF reordered it) */
    private static final Pattern ITEM_DASH = Pattern.compile("(?:^|\\s)-(\\d{1,2})(?=\\s|$)");

    /**
     * The annex category headings, by a key phrase of their (repaired, normalised) text, mapped to
     * the {@code recommendation-category} notation.
     */
    private static final Map<String, String> CATEGORIES = new LinkedHashMap<>();
    static {
        CATEGORIES.put("الاطار التشريعي", "legislative-framework");        // تطوير الإطار التشريعي في الدول العربية
        CATEGORIES.put("التعاون الاقليمي والدولي", "regional-international-cooperation"); // التعاون الإقليمي والدولي
        CATEGORIES.put("الاطر الوطنيه", "national-frameworks");           // تطوير الأطر الوطنية
    }

    private final ArabicLigatureRepair headingRepair = ArabicLigatureRepair.rulesOnly();

    /** A passage being collected. */
    private static final class Open {
        final String token;
        final int line;
        final StringBuilder text = new StringBuilder();

        Open(String token, int line) {
            this.token = token;
            this.line = line;
        }

        void append(String raw) {
            String t = raw.strip().replaceAll("\\s+", " ");
            if (t.isEmpty()) return;
            if (text.length() > 0) {
                // a word broken at the line end with a hyphen ("e-" + "transactions") is joined
                boolean hyphenated = text.length() > 1 && text.charAt(text.length() - 1) == '-'
                        && Character.isLetter(text.charAt(text.length() - 2));
                if (!hyphenated) text.append(' ');
            }
            text.append(t);
        }
    }

    @Override
    public List<Passage> split(String text) {
        String[] lines = text.split("\r?\n", -1);
        List<Open> done = new ArrayList<>();
        int i = 0;
        // Summary
        Open current = null;
        int summaryCount = 0;
        for (; i < lines.length; i++) {
            String l = lines[i];
            if (INTRODUCTION.matcher(l).matches()) break;
            if (SUMMARY.matcher(l).matches()) continue;
            if (l.isBlank()) {
                current = null;
                continue;
            }
            if (current == null) {
                current = new Open("s" + (++summaryCount), i + 1);
                done.add(current);
            }
            current.append(l);
        }
        // Numbered paragraphs and footnotes
        current = null;
        int nextParagraph = 1;
        int nextFootnote = 1;
        boolean footnotes = false;
        Open footnote = null;
        for (i++; i < lines.length; i++) {
            String l = lines[i];
            if (ANNEX.matcher(l).matches()) break;
            if (PAGE_NUMBER.matcher(l).matches()) {
                footnotes = false;
                footnote = null;
                continue;
            }
            if (l.length() >= 20 && l.isBlank()) {
                footnotes = true;
                continue;
            }
            if (footnotes) {
                Matcher f = FOOTNOTE.matcher(l.strip());
                if (f.matches() && Integer.parseInt(f.group(1)) == nextFootnote) {
                    footnote = new Open("fn" + nextFootnote++, i + 1);
                    footnote.append(f.group(2));
                    done.add(footnote);
                } else if (footnote != null) {
                    footnote.append(l);
                }
                continue;
            }
            Matcher p = PARAGRAPH.matcher(l);
            if (p.matches() && Integer.parseInt(p.group(1)) == nextParagraph) {
                current = new Open(Integer.toString(nextParagraph++), i + 1);
                current.append(p.group(2));
                done.add(current);
                continue;
            }
            if (HEADING.matcher(l).matches()) {
                current = null; // the heading and its continuation lines belong to no paragraph
                continue;
            }
            if (current != null) current.append(l);
        }
        // Annex I
        Open intro = null;
        String category = null;
        int nextItem = 1;
        current = null;
        for (i++; i < lines.length; i++) {
            String l = lines[i];
            if (l.isBlank()) continue;
            String heading = categoryOf(l);
            if (heading != null) {
                category = heading;
                nextItem = 1;
                current = null;
                continue;
            }
            if (category == null) {
                if (!ARABIC.matcher(l).find()) continue; // the English annex title lines
                if (intro == null) {
                    intro = new Open("annex-intro", i + 1);
                    done.add(intro);
                }
                intro.append(l);
                continue;
            }
            String withoutMarker = removeMarker(l, nextItem);
            if (withoutMarker != null) {
                current = new Open("annex-" + category + "-" + nextItem++, i + 1);
                current.append(withoutMarker);
                done.add(current);
            } else if (current != null) {
                current.append(l);
            }
        }
        done.sort(Comparator.comparingInt(o -> o.line));
        List<Passage> out = new ArrayList<>();
        for (Open o : done) {
            out.add(new Passage(o.token, out.size() + 1, o.line, o.text.toString()));
        }
        return out;
    }

    /** @return the line without its item marker when it carries the marker of item {@code n}, else null */
    private static String removeMarker(String line, int n) {
        for (Pattern marker : List.of(ITEM_DOT, ITEM_DASH)) {
            Matcher m = marker.matcher(line);
            while (m.find()) {
                if (Integer.parseInt(m.group(1)) == n) {
                    return (line.substring(0, m.start()) + " " + line.substring(m.end())).strip();
                }
            }
        }
        return null;
    }

    /** @return the category notation when the line is one of the annex category headings */
    private String categoryOf(String line) {
        String t = line.strip();
        if (t.length() > 60 || !(t.startsWith(":") || t.endsWith(":"))) return null;
        String norm = TextNormalizer.normalize(headingRepair.repair(t));
        for (Map.Entry<String, String> e : CATEGORIES.entrySet()) {
            if (norm.contains(e.getKey())) return e.getValue();
        }
        return null;
    }
}
