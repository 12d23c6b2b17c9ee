package org.w3id.sijill.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.core.SourceDataException;

class UnctadTrackerImporterTest {
    private static Path fixture;

    @BeforeAll
    static void locateFixture() throws URISyntaxException {
        fixture = Path.of(UnctadTrackerImporterTest.class.getResource("/unctad-fixture/data.csv").toURI()).getParent();
    }

    private static Map<String, String> members() {
        return MemberCountries.read(fixture.resolve("countries.csv"), "iso2", "m49", "arab_league_member");
    }

    private static List<TrackerClaim> importFixture() {
        return UnctadTrackerImporter.read(fixture.resolve("data.csv"), fixture.resolve("document_links.json"), members()).claims();
    }

    private static TrackerClaim claim(List<TrackerClaim> claims, String iso2, UnctadCategory c) {
        return claims.stream().filter(x -> x.iso2().equals(iso2) && x.category() == c).findFirst().orElseThrow();
    }

    @Test
    void membersComeFromTheCountriesTable() {
        Map<String, String> m = members();
        assertEquals(Map.of("012", "DZ", "422", "LB", "478", "MR", "729", "SD", "760", "SY", "887", "YE"), m);
    }

    @Test
    void onlyChosenCountriesFiveCategoriesEach() {
        List<TrackerClaim> claims = importFixture();
        assertEquals(30, claims.size());
        assertEquals(List.of("DZ", "LB", "MR", "SD", "SY", "YE"),
                claims.stream().map(TrackerClaim::iso2).distinct().toList());
        assertFalse(claims.stream().anyMatch(c -> c.m49().equals("250") || c.m49().equals("004")),
                "France and Afghanistan are not chosen");
        for (String iso2 : List.of("DZ", "LB", "MR", "SD", "SY", "YE")) {
            assertEquals(5, claims.stream().filter(c -> c.iso2().equals(iso2)).count(), iso2);
        }
    }

    @Test
    void statusesAreMappedToLegalStatusNotations() {
        List<TrackerClaim> claims = importFixture();
        assertEquals(UnctadStatus.NO_DATA, claim(claims, "MR", UnctadCategory.CONSUMER_PROTECTION).status());
        assertEquals("no-data", claim(claims, "MR", UnctadCategory.CONSUMER_PROTECTION).status().legalStatus());
        assertEquals("none", claim(claims, "YE", UnctadCategory.CYBERCRIME).status().legalStatus());
        assertEquals("enacted", claim(claims, "LB", UnctadCategory.PRIVACY_AND_DATA_PROTECTION).status().legalStatus());
        assertEquals("personal-data-protection", UnctadCategory.PRIVACY_AND_DATA_PROTECTION.lawTopic());
    }

    @Test
    void falseCellsAndMarkersCiteNothing() {
        List<TrackerClaim> claims = importFixture();
        assertTrue(claim(claims, "SD", UnctadCategory.CONSUMER_PROTECTION).instruments().isEmpty());
        assertTrue(claim(claims, "MR", UnctadCategory.CONSUMER_PROTECTION).instruments().isEmpty());
        assertEquals(1, claim(claims, "SD", UnctadCategory.CYBERCRIME).instruments().size());
    }

    @Test
    void countryMissingFromLinksKeepsItsClaimsWithoutInstruments() {
        List<TrackerClaim> claims = importFixture();
        List<TrackerClaim> yemen = claims.stream().filter(c -> c.iso2().equals("YE")).toList();
        assertEquals(5, yemen.size());
        assertTrue(yemen.stream().allMatch(c -> c.instruments().isEmpty()));
        List<String> notes = UnctadTrackerImporter.read(fixture.resolve("data.csv"), fixture.resolve("document_links.json"), members()).notes();
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).startsWith("887 (YE) is not in"), notes.get(0));
    }

    @Test
    void multipleInstrumentsKeepTheirOrderAndHtmlIsResolved() {
        List<TrackerClaim> claims = importFixture();
        List<CitedInstrument> lb = claim(claims, "LB", UnctadCategory.CONSUMER_PROTECTION).instruments();
        assertEquals(2, lb.size());
        assertEquals("Conumer protection law number 659", lb.get(0).title());
        assertEquals("Promulgating Decree No.3380 for the year 2016 on the advertisement of goods and services", lb.get(1).title());
        List<CitedInstrument> sy = claim(claims, "SY", UnctadCategory.ELECTRONIC_TRANSACTIONS).instruments();
        assertEquals("http://www.parliament.gov.sy/Arabic/index.php?node=5597&cat=4732", sy.get(0).link());
        CitedInstrument dz = claim(claims, "DZ", UnctadCategory.CYBERCRIME).instruments().get(0);
        assertEquals("Law n°09-04 of August 5, 2009", dz.title());
        assertNull(dz.link(), "'#' means no link");
    }

    @Test
    void writesTheExpectedTables(@TempDir Path out) throws IOException {
        LegalStatusTableWriter.Written w = LegalStatusTableWriter.write(importFixture(), out, "legal-status-unctad",
                "unctad-cyberlaw-tracker-2026",
                ExternalSourceRegister.date(fixture.resolve("external-sources.csv"), "unctad-cyberlaw-tracker-2026"));
        assertEquals(30, w.claims());
        assertTrue(w.instruments() > 0);
        assertEquals(Files.readString(fixture.resolve("expected/legal-status-unctad.csv"), StandardCharsets.UTF_8),
                Files.readString(w.claimsTable(), StandardCharsets.UTF_8));
        assertEquals(Files.readString(fixture.resolve("expected/legal-status-unctad-instruments.csv"), StandardCharsets.UTF_8),
                Files.readString(w.instrumentsTable(), StandardCharsets.UTF_8));
        try (var files = Files.list(out)) {
            assertEquals(List.of("legal-status-unctad-instruments.csv", "legal-status-unctad.csv"),
                    files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList()),
                    "no temporary files left behind");
        }
    }

    @Test
    void asOfComesFromTheRegisterAndMustBeAFullDate() {
        assertEquals(LocalDate.of(2026, 4, 27),
                ExternalSourceRegister.date(fixture.resolve("external-sources.csv"), "unctad-cyberlaw-tracker-2026"));
        SourceDataException e = assertThrows(SourceDataException.class,
                () -> ExternalSourceRegister.date(fixture.resolve("external-sources.csv"), "undated-source"));
        assertTrue(e.getMessage().contains("external-sources.csv:3: field 'date'"), e.getMessage());
        assertThrows(SourceDataException.class,
                () -> ExternalSourceRegister.date(fixture.resolve("external-sources.csv"), "no-such-source"));
    }

    @Test
    void unknownStatusNamesFileLineAndField(@TempDir Path dir) throws IOException {
        Path data = dir.resolve("data.csv");
        String text = Files.readString(fixture.resolve("data.csv"), StandardCharsets.UTF_8)
                .replace("729,Sudan,Legislation,No Legislation", "729,Sudan,Legislation,Maybe");
        Files.writeString(data, text, StandardCharsets.UTF_8);
        SourceDataException e = assertThrows(SourceDataException.class,
                () -> UnctadTrackerImporter.read(data, fixture.resolve("document_links.json"), members()));
        assertTrue(e.getMessage().startsWith(data + ":7: field 'Consumer Protection': unknown status 'Maybe'"), e.getMessage());
    }

    @Test
    void chosenCountryMissingFromDataIsAnError(@TempDir Path dir) throws IOException {
        Path data = dir.resolve("data.csv");
        String text = Files.readAllLines(fixture.resolve("data.csv"), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.startsWith("887,")).collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(data, text, StandardCharsets.UTF_8);
        SourceDataException e = assertThrows(SourceDataException.class,
                () -> UnctadTrackerImporter.read(data, fixture.resolve("document_links.json"), members()));
        assertTrue(e.getMessage().contains("887 (YE)"), e.getMessage());
    }

    @Test
    void missingCategoryColumnIsAnError(@TempDir Path dir) throws IOException {
        Path data = dir.resolve("data.csv");
        Files.writeString(data, Files.readString(fixture.resolve("data.csv"), StandardCharsets.UTF_8)
                .replace("Indirect Taxation", "Taxation"), StandardCharsets.UTF_8);
        SourceDataException e = assertThrows(SourceDataException.class,
                () -> UnctadTrackerImporter.read(data, fixture.resolve("document_links.json"), members()));
        assertTrue(e.getMessage().contains(":1: field 'Indirect Taxation': missing column"), e.getMessage());
    }

    @Test
    void malformedLinkCellIsAnError(@TempDir Path dir) throws IOException {
        Path links = dir.resolve("document_links.json");
        Files.writeString(links, "{\"729\": {\"countryName\": \"Sudan\", \"Cybercrime\": [[\"https://example.org/x\"]]}}",
                StandardCharsets.UTF_8);
        SourceDataException e = assertThrows(SourceDataException.class,
                () -> UnctadTrackerImporter.read(fixture.resolve("data.csv"), links, members()));
        assertTrue(e.getMessage().contains("field '729/Cybercrime'"), e.getMessage());
    }

    @Test
    void anchorTextInTheLinkFieldIsKeptAsTitleWithoutLinkAndNoted(@TempDir Path dir) throws IOException {
        Path links = dir.resolve("document_links.json");
        Files.writeString(links, "{\"729\": {\"countryName\": \"Sudan\", \"Cybercrime\": [[\"XNl1TNX0PUH8Gpvod4ogSN9u3RaKezRLjJ9HjYBW.pdf (amazonaws.com)\", \"VAT Public Clarification VAT/PC/20/3\"]]}}",
                StandardCharsets.UTF_8);
        TrackerImport imp = UnctadTrackerImporter.read(fixture.resolve("data.csv"), links, members());
        CitedInstrument i = claim(imp.claims(), "SD", UnctadCategory.CYBERCRIME).instruments().get(0);
        assertEquals("VAT Public Clarification VAT/PC/20/3", i.title());
        assertNull(i.link());
        assertTrue(imp.notes().stream().anyMatch(n -> n.startsWith("729/Cybercrime: the link field")), imp.notes().toString());
    }

    @Test
    void citationsBesideANoLegislationStatusAreKeptAsTheTrackerStatesThemAndNoted(@TempDir Path dir) throws IOException {
        // Sudan's consumer protection is "No Legislation" in data.csv; a links file citing a law there contradicts it
        Path links = dir.resolve("document_links.json");
        Files.writeString(links, "{\"729\": {\"countryName\": \"Sudan\", \"Consumer Protection\": [[\"https://example.org/law\", \"Consumer Protection Law No. (1) of 2010\"]]}}",
                StandardCharsets.UTF_8);
        TrackerImport imp = UnctadTrackerImporter.read(fixture.resolve("data.csv"), links, members());
        TrackerClaim c = claim(imp.claims(), "SD", UnctadCategory.CONSUMER_PROTECTION);
        assertEquals(UnctadStatus.NO_LEGISLATION, c.status());
        assertEquals(1, c.instruments().size(), "the cited law is kept as what the tracker cites");
        assertEquals("Consumer Protection Law No. (1) of 2010", c.instruments().get(0).title());
        assertEquals("https://example.org/law", c.instruments().get(0).link());
        assertTrue(imp.notes().stream().anyMatch(n -> n.startsWith("729/Consumer Protection: status 'No Legislation'")
                && n.endsWith("both are kept as the tracker states them")), imp.notes().toString());
    }

    @Test
    void malformedJsonIsABadInputError(@TempDir Path dir) throws IOException {
        Path links = dir.resolve("document_links.json");
        Files.writeString(links, "{\"729\": ", StandardCharsets.UTF_8);
        SijillException e = assertThrows(SijillException.class,
                () -> UnctadTrackerImporter.read(fixture.resolve("data.csv"), links, members()));
        assertEquals(SijillException.Kind.BAD_INPUT, e.kind());
    }

    @Test
    void memberColumnMustBeBoolean(@TempDir Path dir) throws IOException {
        Path countries = dir.resolve("countries.csv");
        Files.writeString(countries, "iso2,m49,arab_league_member\nDZ,12,yes\n", StandardCharsets.UTF_8);
        SourceDataException e = assertThrows(SourceDataException.class,
                () -> MemberCountries.read(countries, "iso2", "m49", "arab_league_member"));
        assertTrue(e.getMessage().contains("countries.csv:2: field 'arab_league_member'"), e.getMessage());
        Files.writeString(countries, "iso2,m49,arab_league_member\nDZ,12,true\n", StandardCharsets.UTF_8);
        assertEquals(Map.of("012", "DZ"), MemberCountries.read(countries, "iso2", "m49", "arab_league_member"),
                "short M49 codes are zero-padded");
    }

    @Test
    void linksAreUnescapedAndEncodedAsIris() {
        Path f = Path.of("links.json");
        assertNull(UnctadTrackerImporter.link(f, "x", " # "));
        assertEquals("https://a.example/p?x=1&y=2", UnctadTrackerImporter.link(f, "x", "https://a.example/p?x=1&amp;y=2"));
        assertEquals("https://a.example/a%20b", UnctadTrackerImporter.link(f, "x", "https://a.example/a b"));
        assertThrows(SourceDataException.class, () -> UnctadTrackerImporter.link(f, "x", "mailto:someone@example.org"));
        assertNull(UnctadTrackerImporter.link(f, "x", "Law in Bahrain - DLA Piper Global Data Protection Laws of the World (dlapiperdataprotection.com)"),
                "anchor text in the address field is no link");
        assertEquals("Law No. 16/2010 on electronic transactions and e-commerce",
                UnctadTrackerImporter.plainText(" Law No. 16/2010 on electronic<br>transactions and e-commerce"));
    }
}
