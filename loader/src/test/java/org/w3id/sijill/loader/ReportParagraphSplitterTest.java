package org.w3id.sijill.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the {@code report-paragraphs} segmentation on the real ESCWA report in {@code sources/documents/}. */
class ReportParagraphSplitterTest {

    static final Path SOURCES = TestPaths.projectHome().resolve("sources");
    static List<Passage> passages;
    static Map<String, Passage> byToken;

    @BeforeAll
    static void split() throws Exception {
        String text = TextFiles.readUtf8(SOURCES.resolve("documents/escwa-beirut-2018-report.txt"));
        passages = new ReportParagraphSplitter().split(text);
        byToken = passages.stream().collect(Collectors.toMap(Passage::token, Function.identity()));
    }

    @Test
    void tokensAreExactlyThoseOfTheReadme() {
        List<String> expected = new ArrayList<>(List.of("s1", "s2", "s3"));
        for (int i = 1; i <= 63; i++) expected.add(Integer.toString(i));
        for (int i = 1; i <= 4; i++) expected.add("fn" + i);
        expected.add("annex-intro");
        for (int i = 1; i <= 7; i++) expected.add("annex-legislative-framework-" + i);
        for (int i = 1; i <= 20; i++) expected.add("annex-regional-international-cooperation-" + i);
        for (int i = 1; i <= 19; i++) expected.add("annex-national-frameworks-" + i);
        List<String> actual = passages.stream().map(Passage::token).sorted().toList();
        assertEquals(expected.stream().sorted().toList(), actual);
        assertEquals(expected.size(), passages.size());
        for (int i = 0; i < passages.size(); i++) assertEquals(i + 1, passages.get(i).ordinal());
    }

    @Test
    void paragraphsRunAcrossPageBreaksWithoutPageNumbersOrFootnotes() {
        String p31 = byToken.get("31").text();
        assertTrue(p31.startsWith("The Director of ITU Arab Regional Office, Mr. Ebrahim Alhaddad"), p31);
        assertTrue(p31.endsWith("promoting cooperation between the ITU and other organizations."), p31);
        assertTrue(p31.contains("raising awareness and building capabilities"), p31);
        String p38 = byToken.get("38").text();
        assertTrue(p38.contains("The region has societal datafication"), p38);
        assertTrue(!p38.contains("https://www.itu.int"), p38);
        assertEquals("https://www.itu.int/en/ITU-D/Cybersecurity/Pages/cybersecurity-national-strategies.aspx",
                byToken.get("fn1").text());
        assertTrue(byToken.get("fn4").text().startsWith("Report of the 22nd Round"));
        // a word hyphenated at a line end is joined
        assertTrue(byToken.get("34").text().contains("legislations for e-transactions"), byToken.get("34").text());
    }

    @Test
    void headingsBelongToNoParagraph() {
        assertTrue(byToken.get("3").text().endsWith("priority areas for the Forum."), byToken.get("3").text());
        assertTrue(byToken.get("7").text().endsWith("Internet of things and blockchain."));
        assertTrue(byToken.get("53").text().endsWith("natural persons being anonymized."));
        assertTrue(byToken.get("63").text().endsWith("United Arab Emirates, and Yemen."));
        assertTrue(byToken.get("s3").text().endsWith("collaboration on the Arab IGF process."));
    }

    @Test
    void themesTableBelongsToParagraph56() {
        String p56 = byToken.get("56").text();
        assertTrue(p56.contains("(2) Cybersecurity, privacy, trust and peace;"), p56);
        assertTrue(p56.endsWith("(iii) Legislative frameworks"), p56);
    }

    @Test
    void annexItemsStandUnderTheirCategory() {
        assertTrue(byToken.get("annex-legislative-framework-1").text().contains("استرشادي إقليمي للتشريعات"));
        assertTrue(byToken.get("annex-regional-international-cooperation-12").text().contains("الموافقة على"));
        assertTrue(byToken.get("annex-national-frameworks-16").text().contains("ضمان أن تستطيع مراكز"));
        assertTrue(byToken.get("annex-national-frameworks-19").text().contains("التوقيع"));
        assertTrue(byToken.get("annex-intro").text().contains("جامعة"));
    }

    @Test
    void linesStrategyNumbersNonBlankLines() throws Exception {
        String text = Files.readString(SOURCES.resolve("documents/eg-mcit-internet-safety-working-group.txt"));
        List<Passage> ps = new LineSplitter().split(text);
        long nonBlank = text.lines().filter(l -> !l.isBlank()).count();
        assertTrue(nonBlank > 0);
        assertEquals(nonBlank, ps.size());
        assertEquals("1", ps.get(0).token());
    }
}
