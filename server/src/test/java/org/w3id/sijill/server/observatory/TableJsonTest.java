package org.w3id.sijill.server.observatory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.sijill.server.api.TablePage;
import org.w3id.sijill.server.commitments.CommitmentTables;
import org.w3id.sijill.server.commitments.Commitments;
import org.w3id.sijill.server.commitments.CommitmentsLoader;
import org.w3id.sijill.server.it.RealDataServers;
import org.w3id.sijill.server.pages.PageLanguage;

/**
 * The tables' JSON and JSON-LD, written by walking the tree onto Gson's JSON writer through a
 * buffer without a lock (issue 13), are byte for byte what Gson's {@code toJson} wrote before, and
 * their CSV what was written through a {@code BufferedWriter}: on every table the observatory makes from
 * the store built from the project's sources and from the test fixtures (both languages, with and
 * without a date, each state's instruments whole and paged), and on a tree of edge cases (nulls in
 * objects and lists, empty and nested containers, escapes, Arabic, numbers, values Gson writes
 * itself).
 */
class TableJsonTest {
    /** Configured as {@link TableWriter} configured Gson before (and still does for what it does not walk). */
    static final Gson ORACLE = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
    static final String SITE = "http://localhost:8080";

    @TempDir
    Path dir;

    static byte[] oracle(Object tree) {
        return ORACLE.toJson(tree).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] written(Table t, TableFormat f) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new TableWriter(SITE).write(t, f, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] walked(Object tree) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            TableWriter.json(tree, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** @return how many rows the table had; fails unless both formats are the oracle's bytes */
    static int assertSameJson(Table t, String what) {
        assertEquals(new String(oracle(TableWriter.asJson(t)), StandardCharsets.UTF_8),
                new String(written(t, TableFormat.JSON), StandardCharsets.UTF_8), what + " JSON");
        assertArrayEquals(oracle(TableWriter.asJson(t)), written(t, TableFormat.JSON), what + " JSON bytes");
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", new TableWriter(SITE).contextUrl());
        ld.put("@graph", t.nodes());
        assertEquals(new String(oracle(ld), StandardCharsets.UTF_8), new String(written(t, TableFormat.JSONLD), StandardCharsets.UTF_8),
                what + " JSON-LD");
        assertArrayEquals(csvOracle(t), written(t, TableFormat.CSV), what + " CSV");
        return t.rows().size();
    }

    /** @return the CSV as it was written before, through a {@link java.io.BufferedWriter} */
    static byte[] csvOracle(Table t) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            java.io.Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            w.write(TableWriter.BOM);
            CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180);
            p.printRecord(t.columns().stream().map(Table.Column::header).toList());
            for (List<Object> r : t.rows()) {
                p.printRecord(r.stream().map(v -> v == null ? "" : v instanceof List<?> l
                        ? String.join(" | ", l.stream().map(String::valueOf).toList()) : String.valueOf(v)).toList());
            }
            p.flush();
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** @return the rows of every table the observatory makes of the store, after checking each */
    static int everyTable(DatasetGraph ds, String store) {
        Snapshot s = SnapshotLoader.load(ds);
        Commitments c = CommitmentsLoader.load(ds);
        int rows = 0;
        for (PageLanguage lang : PageLanguage.values()) {
            String at = store + " " + lang.code();
            for (Map<String, List<String>> params : List.of(Map.<String, List<String>>of(), Map.of("asOf", List.of("2019")))) {
                Matrix m = Matrix.of(s, Selection.of(s, params));
                Table matrix = Tables.matrix(s, m, lang);
                Table claims = Tables.claims(s, m, lang);
                rows += assertSameJson(matrix, at + " matrix " + params);
                rows += assertSameJson(claims, at + " claims " + params);
                rows += assertSameJson(CommitmentTables.matrix(matrix, c, lang), at + " matrix with commitments " + params);
                rows += assertSameJson(CommitmentTables.compare(claims, c, s.states(), lang), at + " compare " + params);
            }
            rows += assertSameJson(Tables.countries(s, lang), at + " countries");
            rows += assertSameJson(Tables.topics(s, lang), at + " topics");
            rows += assertSameJson(Tables.sources(s, lang), at + " sources");
            rows += assertSameJson(CommitmentTables.treaties(c, s.states(), null, lang), at + " treaties");
            for (Commitments.Treaty t : c.treaties()) rows += assertSameJson(CommitmentTables.treaties(c, s.states(), t, lang), at + " " + t.slug());
            rows += assertSameJson(CommitmentTables.scores(c, s.states(), lang), at + " scores");
            rows += assertSameJson(CommitmentTables.strategies(c, s.states(), lang), at + " strategies");
            for (Snapshot.State st : s.states()) {
                int total = InstrumentIndex.of(s, st).size();
                rows += assertSameJson(Tables.instruments(s, st, lang, 0, total), at + " instruments " + st.iso2());
                // a page as the API makes it: the page's facts and the next page's address in its meta
                TablePage page = new TablePage(1, 2);
                Table cut = Tables.instruments(s, st, lang, page.from(total), page.to(total));
                Map<String, Object> meta = page.facts(total);
                String next = page.next(total, "/api/v1/instruments", Map.of("country", List.of(st.iso2())));
                if (next != null) meta.put("next", next);
                rows += assertSameJson(new Table(cut.name(), cut.columns(), cut.rows(), cut.nodes(), meta), at + " instruments page " + st.iso2());
            }
        }
        return rows;
    }

    @Test
    void everyTableOfTheRealDataIsWhatGsonWrote() {
        DatasetGraph ds = DatabaseMgr.connectDatasetGraph(RealDataServers.folder().resolve("store").toString());
        assertFalse(SnapshotLoader.load(ds).states().isEmpty(), "the sources name League states");
        int rows = everyTable(ds, "sources");
        assertTrue(rows > 1000, "the real data's tables have rows: " + rows);
    }

    @Test
    void everyTableOfTheFixturesIsWhatGsonWrote() {
        int rows = 0;
        for (String fixture : List.of("fixture.trig", "pages/fixture.trig", SnapshotLoaderTest.EDGE_CASES)) {
            DatasetGraph ds = DatabaseMgr.connectDatasetGraph(dir.resolve(fixture.replace('/', '-')).toString());
            Txn.executeWrite(ds, () -> SnapshotLoaderTest.parse(fixture, ds));
            rows += everyTable(ds, fixture);
        }
        assertTrue(rows > 0, "the fixtures' tables have rows");
    }

    /**
     * A JSON-LD value object's members come in one order, {@code @value} first, on every run: with
     * {@code Map.of} the order followed the JVM's random salt, so the same answer's bytes (and
     * ETag) could change with a restart (in about half of the JVM starts for each kind of object).
     */
    @Test
    void valueObjectsKeepTheirMembersInOneOrder() {
        DatasetGraph ds = DatabaseMgr.connectDatasetGraph(RealDataServers.folder().resolve("store").toString());
        Snapshot s = SnapshotLoader.load(ds);
        Commitments c = CommitmentsLoader.load(ds);
        List<Object> nodes = new java.util.ArrayList<>();
        for (PageLanguage lang : PageLanguage.values()) {
            nodes.addAll(Tables.countries(s, lang).nodes());
            nodes.addAll(Tables.topics(s, lang).nodes());
            nodes.addAll(CommitmentTables.treaties(c, s.states(), null, lang).nodes());
            nodes.addAll(CommitmentTables.scores(c, s.states(), lang).nodes());
            nodes.addAll(CommitmentTables.strategies(c, s.states(), lang).nodes());
        }
        List<Map<?, ?>> valueObjects = new java.util.ArrayList<>();
        collectValueObjects(nodes, valueObjects);
        assertTrue(valueObjects.size() > 100, "value objects found: " + valueObjects.size());
        for (Map<?, ?> v : valueObjects) {
            assertEquals("@value", v.keySet().iterator().next(), "the first member of " + v);
        }
    }

    private static void collectValueObjects(Object tree, List<Map<?, ?>> out) {
        if (tree instanceof Map<?, ?> m) {
            if (m.containsKey("@value")) out.add(m);
            m.values().forEach(v -> collectValueObjects(v, out));
        } else if (tree instanceof List<?> l) {
            l.forEach(v -> collectValueObjects(v, out));
        }
    }

    enum Kind { ENACTED }

    record Pair(String a, int b) {}

    static Map<String, Object> edgeCases() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("absent", null);
        m.put("text", "plain");
        m.put("arabic", "قانون المعاملات الإلكترونية رقم ٨١ لسنة ٢٠١٨");
        m.put("escapes", "quote \" backslash \\ slash / tab \t newline \n return \r nul \u0000 bell \u0007 unit \u001f del \u007f");
        m.put("separators", "line \u2028 paragraph \u2029");
        m.put("html", "<a href=\"x\">&amp;</a> = 'y'");
        m.put("surrogates", "\uD83D\uDCDC and a lone \uD800 high");
        // longer than the writer's buffer, in one piece and in many
        m.put("long", "x".repeat(20_000));
        m.put("longEscaped", "ب\"".repeat(6_000));
        m.put("", "empty name");
        m.put("name \"with\" <escapes>\n", "value");
        m.put("integers", List.of(0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE));
        m.put("longs", List.of(0L, Long.MAX_VALUE, Long.MIN_VALUE, 12_000_000_000L));
        m.put("doubles", List.of(1.0, 0.1, -0.0, 1e21, 1.0e-7, 123456789.125, Double.MAX_VALUE, Double.MIN_VALUE));
        m.put("booleans", List.of(true, false));
        m.put("nulls", Arrays.asList(null, "between", null));
        m.put("onlyNull", Arrays.asList((Object) null));
        m.put("emptyList", List.of());
        m.put("emptyMap", Map.of());
        Map<String, Object> allNull = new LinkedHashMap<>();
        allNull.put("a", null);
        allNull.put("b", null);
        m.put("mapOfNulls", allNull);
        m.put("nested", List.of(List.of(), List.of(List.of(1, "x"), Map.of()), List.of(Map.of("k", List.of("v")))));
        Map<Object, Object> oddKeys = new HashMap<>();
        oddKeys.put(null, "null key");
        oddKeys.put(7, "number key");
        m.put("oddKeys", oddKeys);
        m.put("sorted", new TreeMap<>(Map.of("b", 2, "a", 1)));
        m.put("subList", new ArrayList<>(List.of("a", "b", "c", "d")).subList(1, 3));
        // values the walker leaves to Gson
        m.put("float", 1.5f);
        m.put("decimal", new BigDecimal("0.10"));
        m.put("short", (short) 7);
        m.put("character", 'c');
        m.put("enum", Kind.ENACTED);
        m.put("record", new Pair("a", 1));
        m.put("set", new java.util.LinkedHashSet<>(List.of("x", "y")));
        m.put("array", new String[] {"p", "q"});
        return m;
    }

    @Test
    void aTreeOfEdgeCasesIsWhatGsonWrote() {
        Map<String, Object> tree = edgeCases();
        assertEquals(new String(oracle(tree), StandardCharsets.UTF_8), new String(walked(tree), StandardCharsets.UTF_8));
        assertArrayEquals(oracle(tree), walked(tree));
        for (Object top : Arrays.asList(null, "top", 42, 2.5, true, List.of(), Map.of(), List.of(tree, tree))) {
            assertArrayEquals(oracle(top), walked(top), String.valueOf(top));
        }
        // Gson refuses what JSON cannot hold, and so does the walker
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
            Map<String, Object> m = Map.of("x", bad);
            IllegalArgumentException expected = assertThrows(IllegalArgumentException.class, () -> ORACLE.toJson(m));
            IllegalArgumentException actual = assertThrows(IllegalArgumentException.class, () -> walked(m));
            assertEquals(expected.getMessage(), actual.getMessage());
        }
    }

    @Test
    void rowsAreWrittenAsTheirObjectsWereWhateverTheirCells() {
        List<Table.Column> cols = List.of(new Table.Column("a", "A"), new Table.Column("b", "ب"), new Table.Column("c", "C"));
        List<List<Object>> rows = new ArrayList<>();
        rows.add(Arrays.asList(null, "x", List.of()));
        rows.add(Arrays.asList(1, 2L, 3.0));
        rows.add(Arrays.asList(null, null, null));
        rows.add(Arrays.asList("long row", "b", "c", "ignored"));
        rows.add(Arrays.asList(List.of("l", "m"), Map.of("k", "v"), new BigDecimal("1.50")));
        rows.add(Arrays.asList("y".repeat(9_000), "a, \"quoted\"\r\nnext line", "ج".repeat(9_000)));
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("asOf", null);
        meta.put("rows", "replaced by the rows, in the meta's place");
        meta.put("table", "replaced by the name, in the first place");
        meta.put("statusCodes", List.of(List.of("", "enacted")));
        List<Map<String, Object>> nodes = List.of(Map.of("@id", "urn:x"));
        int checked = assertSameJson(new Table("t", cols, rows, nodes, meta), "cells of every kind");
        // two columns of one key: one name, the later value, in the first's place, as a map gives
        List<Table.Column> twice = List.of(new Table.Column("a", "A"), new Table.Column("b", "B"), new Table.Column("a", "A again"));
        checked += assertSameJson(new Table("twice", twice, List.of(List.of("1", "2", "3")), List.of(), Map.of()), "a key twice");
        checked += assertSameJson(new Table("empty", cols, List.of(), List.of(), Map.of()), "no rows");
        checked += assertSameJson(new Table("none", List.of(), List.of(List.of()), List.of(), Map.of()), "no columns");
        assertEquals(8, checked);
        // a row shorter than the columns fails as before, before anything is written
        Table shortRow = new Table("short", cols, List.of(List.of("only")), List.of(), Map.of());
        assertThrows(IndexOutOfBoundsException.class, () -> TableWriter.asJson(shortRow));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThrows(IndexOutOfBoundsException.class, () -> new TableWriter(SITE).write(shortRow, TableFormat.JSON, out));
        assertEquals(0, out.size());
    }
}
