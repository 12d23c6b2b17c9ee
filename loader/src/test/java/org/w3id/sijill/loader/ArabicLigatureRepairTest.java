package org.w3id.sijill.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Repair of reversed lam-alef ligatures, on real words of the ESCWA report's Annex I. */
class ArabicLigatureRepairTest {

    static final Path SOURCES = TestPaths.projectHome().resolve("sources");
    static final ArabicLigatureRepair REPAIR = ArabicLigatureRepair.load(SOURCES.resolve("arabic-ligature-fixes.csv"));

    @ParameterizedTest
    @CsvSource({
            "اإلقليمي, الإقليمي",
            "االتصاالت, الاتصالات",
            "واألمن, والأمن",
            "لألمن, للأمن",
            "اإلنترنت, الإنترنت",
            "واالتصاالت, والاتصالات",
            "االلكترونية, الالكترونية",
            "لإلنترنت, للإنترنت",
            "األمم, الأمم",
            "باإلضافة, بالإضافة",
            "مجاالت, مجالات",
            "ال, لا",
            "خالل, خلال",
            "العالقة, العلاقة",
            "المالحظات, الملاحظات",
            "إطالق, إطلاق",
            "واإلعالم, والإعلام",
            "لالمن, للامن",
    })
    void repairsRealWordsOfTheAnnex(String broken, String repaired) {
        assertEquals(repaired, REPAIR.repair(broken));
    }

    @ParameterizedTest
    @ValueSource(strings = {"إلى", "الأمن", "ألف", "خالد", "العالمي", "مجال", "فعالة", "أستراليا", "الإنترنت", "الاتصالات", "للأمن"})
    void leavesCorrectWordsAlone(String word) {
        assertEquals(word, REPAIR.repair(word));
    }

    @Test
    void repairsInContext() {
        assertEquals("جزء لا يتجزأ من هذا التقرير", REPAIR.repair("جزء ال يتجزأ من هذا التقرير"));
        assertEquals("خلال جلسات الحوار الإقليمي", REPAIR.repair("خالل جلسات الحوار اإلقليمي"));
    }

    @Test
    void theFixesFileIsReadAndEveryFixIsNeeded() {
        ArabicLigatureRepair rules = ArabicLigatureRepair.rulesOnly();
        CsvTable fixes = TableReader.read(SOURCES.resolve("arabic-ligature-fixes.csv"));
        assertTrue(fixes.rows().size() >= 10, "too few fixes: " + fixes.rows().size());
        assertEquals(fixes.rows().size(), REPAIR.wordFixes());
        for (Row r : fixes.rows()) {
            assertEquals(r.cell("repaired"), REPAIR.repair(r.cell("broken")), "line " + r.line());
            // a word fix exists because the general rules alone do not give the repaired word
            assertTrue(!rules.repair(r.cell("broken")).equals(r.cell("repaired")), "line " + r.line() + ": the rules already repair it");
        }
    }

    @Test
    void theRepairedAnnexHasNoReversedLigatureLeft() {
        String text = TextFiles.readUtf8(SOURCES.resolve("documents/escwa-beirut-2018-report.txt"));
        List<Passage> annex = new ReportParagraphSplitter().split(text).stream().filter(p -> p.token().startsWith("annex-")).toList();
        assertEquals(47, annex.size());
        Pattern reversed = Pattern.compile("ا[اأإآ]ل|(?<![\\p{L}\\p{M}])ل[أإآ]ل|(?<![\\p{L}\\p{M}])ال(?![\\p{L}\\p{M}])");
        for (Passage p : annex) {
            String repaired = REPAIR.repair(p.text());
            assertTrue(!reversed.matcher(repaired).find(), p.token() + ": " + repaired);
        }
        String intro = REPAIR.repair(annex.get(0).text());
        assertTrue(intro.contains("الحوار الإقليمي العربي"), intro);
        assertTrue(intro.contains("جزء لا يتجزأ"), intro);
    }

    @Test
    void correctlyEncodedArabicDocumentsAreUnchanged() {
        for (String doc : List.of("itu-cop-circular-2021.txt", "eg-ntra-oecd-spde-news.txt")) {
            String text = TextFiles.readUtf8(SOURCES.resolve("documents").resolve(doc));
            assertTrue(text.codePoints().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.ARABIC), doc);
            for (Passage p : new LineSplitter().split(text)) {
                assertEquals(p.text(), REPAIR.repair(p.text()), doc + " passage " + p.token());
            }
        }
    }
}
