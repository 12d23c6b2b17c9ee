package org.w3id.sijill.server.observatory;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes a {@link Table} as CSV (UTF-8 with a byte-order mark, so spreadsheets read Arabic; RFC
 * 4180 by Apache Commons CSV), JSON, JSON-LD (the rows as nodes, with the published context
 * {@code /context.jsonld}) or an {@code .xlsx} workbook (fastexcel), status cells coloured as on the
 * pages.
 *
 * <pre>{@code
 * new TableWriter("https://example.org").write(table, TableFormat.XLSX, out);
 * }</pre>
 */
public final class TableWriter {
    /** The byte-order mark that tells spreadsheets the CSV is UTF-8. */
    public static final String BOM = "\uFEFF";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
    /** Fill colours of the statuses (as in {@code static/observatory.css}). */
    private static final Map<String, String> FILLS = Map.of("enacted", "2E7D32", "draft", "F9A825", "none", "C62828",
            "no-data", "9E9E9E");

    private final String siteUrl;

    /** @param siteUrl the server's base URL, for the JSON-LD context */
    public TableWriter(String siteUrl) {
        this.siteUrl = siteUrl;
    }

    /** @return the JSON-LD context URL of the site */
    public String contextUrl() {
        return siteUrl + "/context.jsonld";
    }

    /** Writes the table in the format (not HTML). */
    public void write(Table t, TableFormat format, OutputStream out) throws IOException {
        switch (format) {
            case CSV -> csv(t, out);
            case JSON -> json(asJson(t, true), out);
            case JSONLD -> json(asJsonLd(t), out);
            case XLSX -> xlsx(t, out);
            case HTML -> throw new IllegalArgumentException("HTML tables are pages");
        }
    }

    /**
     * Streams the JSON: the bytes {@code GSON.toJson(value)} gives, without the whole text in memory
     * twice. The tree of maps, lists, strings, integers, longs, finite doubles and booleans (and a
     * table's {@link Rows}) is walked here onto Gson's own {@link JsonWriter}, made by {@code GSON}
     * as {@code toJson} makes it, so escaping, indenting and dropping null members stay Gson's; any
     * other value is written by Gson itself. The writer writes into {@link Chars}: about half the
     * time of a 1 000-row answer was the lock {@code BufferedWriter} takes on each of the JSON
     * writer's small writes; Gson's choice of an adapter per value and a map per row were a tenth
     * of what was left (issue 13).
     */
    static void json(Object value, OutputStream out) throws IOException {
        JsonWriter jw = GSON.newJsonWriter(new Chars(new OutputStreamWriter(out, StandardCharsets.UTF_8)));
        try {
            value(jw, value);
        } catch (com.google.gson.JsonIOException e) {
            // Gson wraps the stream's failure (a client gone); the caller handles it as the I/O error it is
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
        jw.flush();
    }

    /**
     * A buffer between the JSON or CSV writer and the encoder that takes no lock: the JSON writer
     * makes about a hundred small writes per row (each punctuation mark, name, value and indent),
     * the CSV printer a few per cell, and {@link java.io.BufferedWriter} takes its lock on each of
     * them.
     */
    private static final class Chars extends Writer {
        private final Writer out;
        private final char[] buf = new char[1 << 13];
        private int n;

        Chars(Writer out) {
            this.out = out;
        }

        private void drain() throws IOException {
            if (n > 0) out.write(buf, 0, n);
            n = 0;
        }

        @Override
        public void write(int c) throws IOException {
            if (n == buf.length) drain();
            buf[n++] = (char) c;
        }

        @Override
        public void write(char[] c, int off, int len) throws IOException {
            if (len > buf.length - n) drain();
            if (len >= buf.length) {
                out.write(c, off, len);
                return;
            }
            System.arraycopy(c, off, buf, n, len);
            n += len;
        }

        @Override
        public void write(String s, int off, int len) throws IOException {
            if (len > buf.length - n) drain();
            if (len >= buf.length) {
                out.write(s, off, len);
                return;
            }
            s.getChars(off, off + len, buf, n);
            n += len;
        }

        @Override
        public void write(String s) throws IOException {
            write(s, 0, s.length());
        }

        @Override
        public Writer append(char c) throws IOException {
            write(c);
            return this;
        }

        @Override
        public void flush() throws IOException {
            drain();
            out.flush();
        }

        @Override
        public void close() throws IOException {
            flush();
            out.close();
        }
    }

    /** Writes one value as Gson's adapters for its runtime class write it. */
    private static void value(JsonWriter w, Object v) throws IOException {
        if (v == null) {
            // a map's null value: with nulls not serialized the writer drops its name too, as Gson's map adapter does
            w.nullValue();
        } else if (v instanceof String s) {
            w.value(s);
        } else if (v instanceof Map<?, ?> m) {
            w.beginObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                w.name(String.valueOf(e.getKey()));
                value(w, e.getValue());
            }
            w.endObject();
        } else if (v instanceof List<?> l) {
            w.beginArray();
            for (Object x : l) value(w, x);
            w.endArray();
        } else if (v instanceof Rows r) {
            r.write(w);
        } else if (v instanceof Integer || v instanceof Long) {
            w.value(((Number) v).longValue());
        } else if (v instanceof Double d && Double.isFinite(d)) {
            w.value(d.doubleValue());
        } else if (v instanceof Boolean b) {
            w.value(b);
        } else {
            GSON.toJson(v, v.getClass(), w);
        }
    }

    /**
     * The rows of a table as the JSON objects {@link #asJson} makes of them, written from the rows
     * without a map per row: only for a table whose column keys differ and whose rows each have a
     * value per column, where the maps would hold exactly those keys in column order.
     */
    private record Rows(Table t) {
        static boolean fit(Table t) {
            int n = t.columns().size();
            if (t.columns().stream().map(Table.Column::key).distinct().count() != n) return false;
            for (List<Object> r : t.rows()) {
                if (r == null || r.size() < n) return false;
            }
            return true;
        }

        void write(JsonWriter w) throws IOException {
            List<Table.Column> cols = t.columns();
            String[] keys = new String[cols.size()];
            for (int i = 0; i < keys.length; i++) keys[i] = String.valueOf(cols.get(i).key());
            w.beginArray();
            for (List<Object> r : t.rows()) {
                w.beginObject();
                for (int i = 0; i < keys.length; i++) {
                    w.name(keys[i]);
                    value(w, r.get(i));
                }
                w.endObject();
            }
            w.endArray();
        }
    }

    /** @return the table as a JSON object: its facts, its columns and its rows as objects */
    public static Map<String, Object> asJson(Table t) {
        return asJson(t, false);
    }

    /** @param streamRows write the rows straight from the table when they fit, rather than as maps */
    private static Map<String, Object> asJson(Table t, boolean streamRows) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("table", t.name());
        m.putAll(t.meta());
        m.put("columns", t.columns().stream().map(c -> {
            // in this order on every run (Map.of's order changes from one JVM to the next)
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("key", c.key());
            o.put("label", c.header());
            return o;
        }).toList());
        m.put("rows", streamRows && Rows.fit(t) ? new Rows(t) : t.rows().stream().map(r -> {
            Map<String, Object> o = new LinkedHashMap<>();
            for (int i = 0; i < t.columns().size(); i++) o.put(t.columns().get(i).key(), r.get(i));
            return o;
        }).toList());
        return m;
    }

    private Map<String, Object> asJsonLd(Table t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("@context", contextUrl());
        m.put("@graph", t.nodes());
        return m;
    }

    private static String text(Object v) {
        if (v == null) return "";
        if (v instanceof List<?> l) return String.join(" | ", l.stream().map(String::valueOf).toList());
        return String.valueOf(v);
    }

    private static void csv(Table t, OutputStream out) throws IOException {
        Writer w = new Chars(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write(BOM);
        CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180);
        p.printRecord(t.columns().stream().map(Table.Column::header).toList());
        for (List<Object> r : t.rows()) p.printRecord(r.stream().map(TableWriter::text).toList());
        p.flush();
        w.flush();
    }

    private static void xlsx(Table t, OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "Sijill", "1.0");
        Worksheet ws = wb.newWorksheet(t.name().length() > 31 ? t.name().substring(0, 31) : t.name());
        for (int c = 0; c < t.columns().size(); c++) {
            ws.value(0, c, t.columns().get(c).header());
            ws.style(0, c).bold().fillColor("DDDDDD").set();
        }
        for (int r = 0; r < t.rows().size(); r++) {
            List<Object> row = t.rows().get(r);
            for (int c = 0; c < t.columns().size(); c++) {
                Object v = row.get(c);
                if (v instanceof Number n) ws.value(r + 1, c, n);
                else ws.value(r + 1, c, text(v));
            }
        }
        // colour status cells by the status code the JSON-LD nodes do not carry: the row's hidden codes
        Object codes = t.meta().get("statusCodes");
        if (codes instanceof List<?> rowsOfCodes) {
            for (int r = 0; r < rowsOfCodes.size(); r++) {
                List<?> rowCodes = (List<?>) rowsOfCodes.get(r);
                for (int c = 0; c < rowCodes.size(); c++) {
                    String fill = FILLS.get(String.valueOf(rowCodes.get(c)));
                    if (fill != null && t.columns().get(c).status()) ws.style(r + 1, c).fillColor(fill).fontColor("FFFFFF").set();
                }
            }
        }
        ws.freezePane(2, 1);
        wb.finish();
    }
}
