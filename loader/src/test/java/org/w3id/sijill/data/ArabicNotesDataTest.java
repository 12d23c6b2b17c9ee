package org.w3id.sijill.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.sijill.loader.CsvTable;
import org.w3id.sijill.loader.Row;
import org.w3id.sijill.loader.TableReader;

/**
 * Issue 9, "no English left on Arabic pages": every editorial note of the curated tables
 * ({@code note_en}) has its Arabic translation ({@code note_ar}), and every stated origin of a
 * source document ({@code origin}) its Arabic translation ({@code origin_ar}), in the CSV files
 * and, as {@code skos:note} and {@code sijill:origin} literals in both languages, on the real store.
 */
class ArabicNotesDataTest {

    private static RealStoreQueries q;

    @BeforeAll
    static void open() { q = RealStoreQueries.open(); }

    @AfterAll
    static void close() { q.close(); }

    private static Path sources() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("sources").resolve("documents.csv"))) return p.resolve("sources");
        }
        throw new IllegalStateException("sources/documents.csv not found from " + Path.of("").toAbsolutePath());
    }

    /** @return "file:line" of each row with an English cell in {@code en} and no Arabic cell in {@code ar} */
    private static List<String> untranslated(CsvTable t, String en, String ar) {
        List<String> missing = new ArrayList<>();
        for (Row r : t.rows()) {
            if (!r.cell(en).isEmpty() && r.cell(ar).isEmpty()) missing.add(t.file().getFileName() + ":" + r.line());
        }
        return missing;
    }

    @Test
    void everyEditorialNoteOfTheTablesHasItsArabicTranslation() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(sources().resolve("tables"))) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList();
        }
        int tables = 0;
        int notes = 0;
        List<String> missing = new ArrayList<>();
        for (Path f : files) {
            CsvTable t = TableReader.read(f);
            if (!t.header().contains("note_en")) continue;
            tables++;
            assertTrue(t.header().contains("note_ar"), f.getFileName() + " has note_en but no note_ar column");
            notes += (int) t.rows().stream().filter(r -> !r.cell("note_en").isEmpty()).count();
            missing.addAll(untranslated(t, "note_en", "note_ar"));
        }
        assertTrue(tables >= 1, "found no table with a note_en column");
        assertTrue(notes >= 1, "found no row with a note_en");
        assertEquals(List.of(), missing, "rows with note_en and no note_ar");
    }

    @Test
    void everyStatedOriginOfADocumentHasItsArabicTranslation() {
        CsvTable t = TableReader.read(sources().resolve("documents.csv"));
        long origins = t.rows().stream().filter(r -> !r.cell("origin").isEmpty()).count();
        assertTrue(origins >= 1, "found no document with an origin");
        assertTrue(t.header().contains("origin_ar"), "documents.csv has no origin_ar column");
        assertEquals(List.of(), untranslated(t, "origin", "origin_ar"), "documents with an origin and no origin_ar");
    }

    @Test
    void onTheStoreEveryEnglishNoteAndOriginHasAnArabicOneInTheSameGraph() {
        int notes = q.count("SELECT ?g ?s ?n WHERE { GRAPH ?g { ?s skos:note ?n FILTER(lang(?n) = \"en\") } }");
        assertTrue(notes >= 1, "found no English skos:note on the store");
        // the UNCTAD tracker's notes quote its own English category and status words (legal-status-unctad.rq): not the editors' notes
        List<String> notesWithoutArabic = q.strings("SELECT DISTINCT ?s WHERE { GRAPH ?g { ?s skos:note ?n FILTER(lang(?n) = \"en\") "
                + "FILTER NOT EXISTS { ?s skos:note ?a FILTER(lang(?a) = \"ar\") } } "
                + "FILTER(?g != <https://w3id.org/sijill/graph/unctad-cyberlaw-tracker-2026>) } ORDER BY ?s");
        assertEquals(List.of(), notesWithoutArabic, "resources with an English note and no Arabic note in the same graph");
        int origins = q.count("SELECT ?d WHERE { ?d sijill:origin ?o FILTER(lang(?o) = \"en\") }");
        assertTrue(origins >= 1, "found no English sijill:origin on the store");
        List<String> originsWithoutArabic = q.strings("SELECT DISTINCT ?d WHERE { GRAPH ?g { ?d sijill:origin ?o FILTER(lang(?o) = \"en\") "
                + "FILTER NOT EXISTS { ?d sijill:origin ?a FILTER(lang(?a) = \"ar\") } } } ORDER BY ?d");
        assertEquals(List.of(), originsWithoutArabic, "documents with an English origin and no Arabic one in the same graph");
    }
}
