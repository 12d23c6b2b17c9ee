package org.w3id.sijill.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.sijill.core.ProjectPaths;
import org.w3id.sijill.loader.CsvTable;
import org.w3id.sijill.loader.Row;
import org.w3id.sijill.loader.TableReader;
import org.w3id.sijill.loader.TextNormalizer;

/**
 * The editors' corrected readings of Annex I of the ESCWA report ({@code sources/transcriptions.csv})
 * on the real store: every passage the audit found in the PDF's visual order has one, published in
 * the editors' graph beside the raw extraction; a reading holds the same words as the extraction
 * (the same letters, and each word an extracted word or the join of at most three extracted pieces,
 * so split words such as «والقرا … رات» may be joined but no word invented); quotes from these
 * passages are checked against the reading.
 */
class AnnexTranscriptionsTest {

    private static final String REPORT = "escwa-beirut-2018-report";
    private static final String PASSAGE = "https://w3id.org/sijill/id/document/" + REPORT + "/p/";

    /** The introduction and the 28 items the audit found out of reading order. */
    static final List<String> OUT_OF_ORDER = List.of("annex-intro",
            "annex-legislative-framework-1", "annex-legislative-framework-2", "annex-legislative-framework-5",
            "annex-legislative-framework-6", "annex-legislative-framework-7",
            "annex-regional-international-cooperation-1", "annex-regional-international-cooperation-2",
            "annex-regional-international-cooperation-4", "annex-regional-international-cooperation-5",
            "annex-regional-international-cooperation-7", "annex-regional-international-cooperation-9",
            "annex-regional-international-cooperation-11", "annex-regional-international-cooperation-14",
            "annex-regional-international-cooperation-15", "annex-regional-international-cooperation-16",
            "annex-regional-international-cooperation-17",
            "annex-national-frameworks-1", "annex-national-frameworks-2", "annex-national-frameworks-5",
            "annex-national-frameworks-7", "annex-national-frameworks-8", "annex-national-frameworks-11",
            "annex-national-frameworks-14", "annex-national-frameworks-15", "annex-national-frameworks-16",
            "annex-national-frameworks-17", "annex-national-frameworks-18", "annex-national-frameworks-19");

    private static RealStoreQueries q;
    private static Map<String, String> readings;

    @BeforeAll
    static void open() {
        q = RealStoreQueries.open();
        CsvTable t = TableReader.read(ProjectPaths.locate().sources().resolve("transcriptions.csv"));
        readings = new HashMap<>();
        for (Row r : t.rows()) {
            assertEquals(REPORT, r.cell("document"), "line " + r.line());
            readings.put(r.cell("passage"), r.cell("text"));
        }
    }

    @AfterAll
    static void close() { q.close(); }

    @Test
    void everyPassageOutOfReadingOrderHasAReadingPublishedBesideTheExtraction() {
        assertEquals(29, OUT_OF_ORDER.size());
        for (String token : OUT_OF_ORDER) {
            assertTrue(readings.containsKey(token), token + " has a corrected reading in transcriptions.csv");
            String p = "<" + PASSAGE + token + ">";
            assertTrue(q.ask("ASK { GRAPH <https://w3id.org/sijill/graph/sijill-editors> { " + p + " sijill:editorialReading ?r ; skos:editorialNote ?n } }"),
                    token + ": reading and note in the editors' graph");
            assertTrue(q.ask("ASK { GRAPH <https://w3id.org/sijill/graph/" + REPORT + "> { " + p + " rdf:value ?raw } }"),
                    token + ": the raw extraction stays the passage's rdf:value");
        }
        // every reading is published, none twice, and no other graph holds one
        assertEquals(readings.size(), q.count("SELECT ?p ?r WHERE { GRAPH <https://w3id.org/sijill/graph/sijill-editors> { ?p sijill:editorialReading ?r } }"));
        assertEquals(0, q.count("SELECT ?p WHERE { GRAPH ?g { ?p sijill:editorialReading ?r } FILTER(?g != <https://w3id.org/sijill/graph/sijill-editors>) }"));
    }

    @Test
    void aReadingHoldsTheWordsOfTheExtractionAndNoOther() {
        int checked = 0;
        for (Map.Entry<String, String> e : readings.entrySet()) {
            List<String> raw = q.strings("SELECT ?v WHERE { <" + PASSAGE + e.getKey() + "> rdf:value ?v }");
            assertEquals(1, raw.size(), e.getKey());
            List<String> rawWords = words(raw.get(0));
            List<String> readWords = words(e.getValue());
            assertEquals(letters(raw.get(0)), letters(e.getValue()), e.getKey() + ": same letters, same counts");
            Set<String> pieces = new HashSet<>(rawWords);
            for (String w : rawWords) {
                for (int i = 0; i < w.length(); i++) {
                    for (int j = i + 2; j <= w.length(); j++) pieces.add(w.substring(i, j));
                }
            }
            for (String w : readWords) {
                assertTrue(rawWords.contains(w) || joinOf(w, pieces, 3),
                        e.getKey() + ": «" + w + "» is neither an extracted word nor a join of extracted pieces");
            }
            assertFalse(readWords.equals(rawWords) && e.getValue().equals(raw.get(0)), e.getKey() + ": the reading differs from the extraction");
            checked++;
        }
        assertTrue(checked >= 29, "readings checked: " + checked);
    }

    @Test
    void theGuardRejectsAnInventedWord() {
        String raw = "رات الرسمية في مجال الأمن السيبراني إنشاء مرصد للقوانين الوطنية والقرا";
        assertEquals(letters(raw), letters("إنشاء مرصد للقوانين الوطنية والقرارات الرسمية في مجال الأمن السيبراني"));
        assertFalse(letters(raw).equals(letters("إنشاء مرصد للقوانين الوطنية والقرارات الرسمية في مجال الأمن السيبراني والجرائم")));
    }

    @Test
    void quotesFromTheAnnexAreCheckedAgainstTheReading() {
        List<List<String>> quotes = q.select("SELECT ?token ?quote WHERE { ?e prov:wasQuotedFrom ?p ; prov:value ?quote . ?p dcterms:identifier ?token ; "
                + "dcterms:isPartOf <https://w3id.org/sijill/id/document/" + REPORT + "> FILTER(STRSTARTS(?token, \"annex-\")) }");
        int onlyInReading = 0;
        int withReading = 0;
        for (List<String> row : quotes) {
            String reading = readings.get(row.get(0));
            if (reading == null) continue;
            withReading++;
            assertTrue(TextNormalizer.contains(reading, row.get(1)), row.get(0) + ": quote in the reading: " + row.get(1));
            String raw = q.strings("SELECT ?v WHERE { <" + PASSAGE + row.get(0) + "> rdf:value ?v }").get(0);
            if (!TextNormalizer.contains(raw, row.get(1))) onlyInReading++;
        }
        assertTrue(withReading >= 29, "quotes from passages with a reading: " + withReading);
        assertTrue(onlyInReading > 10, "quotes that only the reading holds (the build checked them against it): " + onlyInReading);
    }

    /** normalised words: letters and digits only */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : TextNormalizer.normalize(text).split("[^\\p{L}\\p{N}]+")) if (!w.isEmpty()) out.add(w);
        return out;
    }

    /** normalised letters and digits, sorted (a multiset) */
    static String letters(String text) {
        StringBuilder sb = new StringBuilder();
        TextNormalizer.normalize(text).codePoints().filter(Character::isLetterOrDigit).sorted().forEach(sb::appendCodePoint);
        return sb.toString();
    }

    /** whether {@code w} is the concatenation of at most {@code k} pieces */
    static boolean joinOf(String w, Set<String> pieces, int k) {
        if (pieces.contains(w)) return true;
        if (k == 1) return false;
        for (int i = 1; i < w.length(); i++) {
            if (pieces.contains(w.substring(0, i)) && joinOf(w.substring(i), pieces, k - 1)) return true;
        }
        return false;
    }
}
