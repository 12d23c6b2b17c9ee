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

/** The {@code import-unctad} command end to end: options, the member column, notes, exit codes. */
class ImportUnctadCommandTest {

    private static final String DATA = """
            code,country,Electronic Transactions,Consumer Protection,Privacy and Data Protection,Cybercrime,Indirect Taxation,Africa
            250,France,Legislation,Legislation,Legislation,Legislation,Legislation,0
            422,Lebanon,Legislation,Legislation,Legislation,Legislation,No Legislation,0
            887,Yemen,Legislation,Legislation,Legislation,No Legislation,No Legislation,0
            """;
    private static final String LINKS = """
            {"422": {"countryName": "Lebanon",
                     "Electronic Transactions": [["https://cyrilla.org/en/entity/vrlqtpwf7ss", "Law No. 81 Relating to Electronic Transactions and Personal Data"]],
                     "Consumer Protection": false, "Privacy and Data Protection": false, "Cybercrime": false, "Indirect Taxation": false},
             "250": {"countryName": "France", "Cybercrime": [["https://example.org/fr", "French law"]]}}
            """;
    private static final String COUNTRIES = """
            iso2,m49,arab_league
            FR,250,false
            LB,422,true
            YE,887,true
            """;
    private static final String REGISTER = """
            slug,iri,title_en,publisher,date,licence,acknowledgement
            unctad-cyberlaw-tracker-2026,https://unctad.org/page/global-cyberlaw-tracker,UNCTAD Global Cyberlaw Tracker,UNCTAD,2026-04-27,,
            """;

    private static Path write(Path dir, String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void writesBothTablesForTheMarkedCountries(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("tables");
        CliRun r = CliRun.of("import-unctad", "--data", write(dir, "data.csv", DATA).toString(),
                "--links", write(dir, "document_links.json", LINKS).toString(),
                "--countries", write(dir, "countries.csv", COUNTRIES).toString(),
                "--external-sources", write(dir, "external-sources.csv", REGISTER).toString(),
                "--out-dir", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("2 countries, 10 claims"), r.out());
        assertTrue(r.out().contains("as of 2026-04-27"), r.out());
        assertTrue(r.err().contains("887 (YE) is not in"), "Yemen is missing from the links file: " + r.err());
        List<String> claims = Files.readAllLines(out.resolve("legal-status-unctad.csv"), StandardCharsets.UTF_8);
        assertEquals(11, claims.size(), String.join("\n", claims));
        assertTrue(claims.contains("YE,cybercrime,none,2026-04-27,Cybercrime,No Legislation,unctad-cyberlaw-tracker-2026"), String.join("\n", claims));
        assertFalse(claims.stream().anyMatch(l -> l.startsWith("FR,")), "France is not marked");
        List<String> cited = Files.readAllLines(out.resolve("legal-status-unctad-instruments.csv"), StandardCharsets.UTF_8);
        assertEquals(List.of("country,topic,n,title,link,source",
                "LB,e-transactions,1,Law No. 81 Relating to Electronic Transactions and Personal Data,https://cyrilla.org/en/entity/vrlqtpwf7ss,unctad-cyberlaw-tracker-2026"), cited);
    }

    @Test
    void badInputExitsWithTheBadInputCodeAndNamesTheFile(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("tables");
        CliRun r = CliRun.of("import-unctad", "--data", write(dir, "data.csv", DATA.replace("887,Yemen,Legislation", "887,Yemen,Perhaps")).toString(),
                "--links", write(dir, "document_links.json", LINKS).toString(),
                "--countries", write(dir, "countries.csv", COUNTRIES).toString(),
                "--as-of", "2026-04-27", "--out-dir", out.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("data.csv:4: field 'Electronic Transactions': unknown status 'Perhaps'"), r.err());
        assertFalse(Files.exists(out.resolve("legal-status-unctad.csv")), "nothing is written on bad input");
    }
}
