package org.w3id.sijill.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.sijill.core.SourceDataException;

/** The national-strategy importer on a fixture in the NCS Data format (src/test/resources/strategies-fixture). */
class NationalStrategyImporterTest {
    private static Path fixture;

    @BeforeAll
    static void locate() throws URISyntaxException {
        fixture = Path.of(NationalStrategyImporterTest.class.getResource("/strategies-fixture/inaugural.csv").toURI()).getParent();
    }

    private static Map<String, String> chosen() {
        return CountryKeys.read(fixture.resolve("countries.csv"), "iso3", "iso2", "arab_league");
    }

    private static StrategyClaim claim(List<StrategyClaim> claims, String iso2) {
        return claims.stream().filter(c -> c.iso2().equals(iso2)).findFirst().orElseThrow(() -> new AssertionError("no " + iso2 + " in " + claims));
    }

    @Test
    void datesKeepTheCodebooksPrecisionAndCaveatsBecomeNotes() {
        NationalStrategyImporter.Result r = NationalStrategyImporter.read(fixture.resolve("inaugural.csv"), chosen());
        assertEquals(List.of("DZ", "IQ", "JO", "LB"), r.claims().stream().map(StrategyClaim::iso2).toList(), "France is not chosen, Palestine has no row");
        assertEquals("2012", claim(r.claims(), "JO").firstDate(), "YYYY0101: the year only");
        assertEquals("2019-06", claim(r.claims(), "LB").firstDate(), "YYYYMM01: year and month");
        StrategyClaim iraq = claim(r.claims(), "IQ");
        assertEquals("2016-12-06", iraq.firstDate());
        assertEquals(0, iraq.strategyCount());
        assertTrue(iraq.hasStrategy());
        assertTrue(iraq.notes().stream().anyMatch(n -> n.contains("count of 0")), "the date-but-count-0 caveat is kept: " + iraq.notes());
        StrategyClaim algeria = claim(r.claims(), "DZ");
        assertEquals(false, algeria.hasStrategy());
        assertNull(algeria.firstDate());
        assertEquals("NA", algeria.sourceDate());
        assertTrue(algeria.notes().stream().anyMatch(n -> n.contains("twice")), "the repeated row is noted: " + algeria.notes());
        assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("PSE (PS) has no row")), r.notes().toString());
    }

    @Test
    void writesTheProjectTable(@TempDir Path dir) throws IOException {
        NationalStrategyImporter.Result r = NationalStrategyImporter.read(fixture.resolve("inaugural.csv"), chosen());
        Path out = dir.resolve("national-strategies.csv");
        NationalStrategyImporter.write(r.claims(), out, "kostyuk-ncs-data-v1");
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals("country,has_strategy,first_date,strategy_count,source_date,note_en,note_ar,source", lines.get(0));
        assertEquals(5, lines.size(), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("LB,true,2019-06,1,20190601,")), String.join("\n", lines));
        // each caveat also in Arabic (issue 14): the same note, translated, with the dataset's own values kept
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("LB,") && l.contains("DATE 20190601: بحسب دليل ترميز مجموعة البيانات")
                && l.contains("السنة والشهر")), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("IQ,") && l.contains("total_strategies 0)؛ أُبقي على القيمتين كما وردتا.")),
                String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("DZ,") && l.contains("تورد مجموعة البيانات هذا الصف مرتين")), String.join("\n", lines));
    }

    @Test
    void aNoteWithoutItsArabicIsAnError() {
        assertThrows(org.w3id.sijill.core.SijillException.class, () -> NationalStrategyImporter.arabic("A new kind of caveat."));
    }

    @Test
    void contradictoryRowsAndMalformedCellsAreErrors(@TempDir Path dir) throws IOException {
        String text = Files.readString(fixture.resolve("inaugural.csv"));
        Path twice = Files.writeString(dir.resolve("a.csv"), text.replaceFirst("DZA,NA,NA,0,0\n$", "DZA,20200101,2020,1,1\n"), StandardCharsets.UTF_8);
        SourceDataException e = assertThrows(SourceDataException.class, () -> NationalStrategyImporter.read(twice, chosen()));
        assertTrue(e.getMessage().contains("a.csv:7: field 'Countries': DZA is listed again with other values (first on line 6)"), e.getMessage());
        Path badDate = Files.writeString(dir.resolve("b.csv"), text.replace("20161206", "20161306"), StandardCharsets.UTF_8);
        SourceDataException d = assertThrows(SourceDataException.class, () -> NationalStrategyImporter.read(badDate, chosen()));
        assertTrue(d.getMessage().contains("b.csv:3: field 'DATE': not a date: '20161306'"), d.getMessage());
        Path badYear = Files.writeString(dir.resolve("c.csv"), text.replace("20120101,2012", "20120101,2013"), StandardCharsets.UTF_8);
        SourceDataException y = assertThrows(SourceDataException.class, () -> NationalStrategyImporter.read(badYear, chosen()));
        assertTrue(y.getMessage().contains("c.csv:4: field 'Year': year '2013' does not match DATE '20120101'"), y.getMessage());
    }
}
