package org.w3id.sijill.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** The GCI transcription importer on a fixture in the SSPI format (src/test/resources/gci-fixture). */
class GciTranscriptionImporterTest {
    private static Path fixture;

    @BeforeAll
    static void locate() throws URISyntaxException {
        fixture = Path.of(GciTranscriptionImporterTest.class.getResource("/gci-fixture/gci.csv").toURI()).getParent();
    }

    private static Map<String, String> chosen() {
        return CountryKeys.read(fixture.resolve("countries.csv"), "name_en", "iso2", "arab_league");
    }

    @Test
    void chosenCountriesScoresWithTheScaleOfEachEditionAndNoRanks() {
        GciTranscriptionImporter.Result r = GciTranscriptionImporter.read(fixture.resolve("gci.csv"), chosen());
        assertEquals(Map.of("Lebanon", "LB", "State of Palestine", "PS", "Yemen", "YE"), chosen());
        assertEquals(14, r.scores().size(), "3 countries x 5 editions, less Palestine's #N/A in 2018: " + r.scores());
        assertFalse(r.scores().stream().anyMatch(s -> s.iso2().equals("FR")), "France is not chosen");
        assertTrue(r.scores().contains(new GciScore("LB", 2020, "30.44", "zero-to-hundred")), r.scores().toString());
        assertTrue(r.scores().contains(new GciScore("LB", 2014, "0.088", "zero-to-one")), r.scores().toString());
        assertTrue(r.scores().contains(new GciScore("YE", 2020, "0", "zero-to-hundred")), "a score of 0 is a score");
        assertFalse(r.scores().stream().anyMatch(s -> s.iso2().equals("PS") && s.edition() == 2018), "#N/A gives no score");
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("State of Palestine (PS) 2018") && n.contains("#N/A")), r.notes().toString());
        assertFalse(r.scores().stream().anyMatch(s -> s.score().equals("139") || s.score().equals("109")), "rank columns are not read");
    }

    @Test
    void writesTheProjectTable(@TempDir Path dir) throws IOException {
        GciTranscriptionImporter.Result r = GciTranscriptionImporter.read(fixture.resolve("gci.csv"), chosen());
        Path out = dir.resolve("gci-scores.csv");
        GciTranscriptionImporter.write(r.scores(), out, "itu-gci", "itu", "sspi-gci-transcription");
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals("country,edition,score,scale,dataset,publisher,source", lines.get(0));
        assertEquals(15, lines.size());
        assertTrue(lines.contains("LB,2024,32.37,zero-to-hundred,itu-gci,itu,sspi-gci-transcription"), String.join("\n", lines));
    }

    @Test
    void aScoreAboveItsScaleIsAnErrorNamingFileLineAndEdition(@TempDir Path dir) throws IOException {
        Path bad = Files.writeString(dir.resolve("gci.csv"), Files.readString(fixture.resolve("gci.csv"))
                .replace("Lebanon,0.088", "Lebanon,8.8"), StandardCharsets.UTF_8);
        SourceDataException e = assertThrows(SourceDataException.class, () -> GciTranscriptionImporter.read(bad, chosen()));
        assertTrue(e.getMessage().contains("gci.csv:3: field '2014': score 8.8 is above the top of the 2014 scale (1)"), e.getMessage());
    }

    @Test
    void aMalformedScoreAndAMissingCountryAreErrors(@TempDir Path dir) throws IOException {
        Path bad = Files.writeString(dir.resolve("gci.csv"), Files.readString(fixture.resolve("gci.csv"))
                .replace("30.44", "thirty"), StandardCharsets.UTF_8);
        SourceDataException e = assertThrows(SourceDataException.class, () -> GciTranscriptionImporter.read(bad, chosen()));
        assertTrue(e.getMessage().contains("gci.csv:3: field '2020': malformed score 'thirty'"), e.getMessage());
        Path missing = Files.writeString(dir.resolve("gci2.csv"), Files.readString(fixture.resolve("gci.csv"))
                .replaceAll("(?m)^Yemen.*\\R", ""), StandardCharsets.UTF_8);
        SourceDataException m = assertThrows(SourceDataException.class, () -> GciTranscriptionImporter.read(missing, chosen()));
        assertTrue(m.getMessage().contains("no row for the chosen countries [Yemen]"), m.getMessage());
    }
}
