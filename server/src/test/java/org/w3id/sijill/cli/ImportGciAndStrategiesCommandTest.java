package org.w3id.sijill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code import-gci} and {@code import-strategies} commands end to end: options, notes, exit codes. */
class ImportGciAndStrategiesCommandTest {

    private static final String COUNTRIES = """
            iso2,iso3,name_en,arab_league
            FR,FRA,France,false
            MA,MAR,Morocco,true
            PS,PSE,State of Palestine,true
            """;
    private static final String GCI = """
            Country,2014,Globa Rank,2017,Global Rank,2018,Global Rank,2020,Global Rank,2024,Global Rank,
            France,0.588,9,0.819,8,0.918,3,97.6,9,100,1,
            Morocco,0.559,10,0.541,49,0.429,93,82.41,50,97.5,19,
            State of Palestine,0.147,24,0.228,103,0.307,101,#N/A,#N/A,37.72,128,
            """;
    private static final String STRATEGIES = """
            Countries,DATE,Year,cyb_strategy,total_strategies
            FRA,20080601,2008,1,3
            MAR,20121205,2012,1,2
            """;

    private static Path write(Path dir, String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void importGciWritesTheScoresOfTheMarkedCountries(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("tables");
        CliRun r = CliRun.of("import-gci", "--data", write(dir, "gci.csv", GCI).toString(),
                "--countries", write(dir, "countries.csv", COUNTRIES).toString(), "--out-dir", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("2 countries, 9 scores"), r.out());
        assertTrue(r.err().contains("note: State of Palestine (PS) 2020: '#N/A'"), r.err());
        List<String> lines = Files.readAllLines(out.resolve("gci-scores.csv"), StandardCharsets.UTF_8);
        assertTrue(lines.contains("MA,2020,82.41,zero-to-hundred,itu-gci,itu,sspi-gci-transcription"), String.join("\n", lines));
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("FR,")), "France is not marked");
    }

    @Test
    void importStrategiesWritesTheClaimsAndNotesTheMissingCountry(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("tables");
        CliRun r = CliRun.of("import-strategies", "--data", write(dir, "inaugural.csv", STRATEGIES).toString(),
                "--countries", write(dir, "countries.csv", COUNTRIES).toString(), "--out-dir", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("2 countries, 1 claims"), r.out());
        assertTrue(r.err().contains("note: PSE (PS) has no row"), r.err());
        List<String> lines = Files.readAllLines(out.resolve("national-strategies.csv"), StandardCharsets.UTF_8);
        assertEquals(List.of("country,has_strategy,first_date,strategy_count,source_date,note_en,note_ar,source",
                "MA,true,2012-12-05,2,20121205,,,kostyuk-ncs-data-v1"), lines);
    }

    @Test
    void badInputExitsWithTheBadInputCodeAndWritesNothing(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("tables");
        CliRun r = CliRun.of("import-gci", "--data", write(dir, "gci.csv", GCI.replace("82.41", "182.41")).toString(),
                "--countries", write(dir, "countries.csv", COUNTRIES).toString(), "--out-dir", out.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("gci.csv:3: field '2020': score 182.41 is above the top of the 2020 scale (100)"), r.err());
        assertFalse(Files.exists(out.resolve("gci-scores.csv")), "nothing is written on bad input");
        CliRun s = CliRun.of("import-strategies", "--data", write(dir, "inaugural.csv", STRATEGIES.replace("MAR,20121205,2012,1,2", "MAR,2012-12-05,2012,1,2")).toString(),
                "--countries", write(dir, "countries.csv", COUNTRIES).toString(), "--out-dir", out.toString());
        assertEquals(2, s.exit(), s.err());
        assertTrue(s.err().contains("inaugural.csv:3: field 'DATE': expected YYYYMMDD or NA, found '2012-12-05'"), s.err());
        assertFalse(Files.exists(out.resolve("national-strategies.csv")), "nothing is written on bad input");
    }
}
