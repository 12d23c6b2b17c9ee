package org.w3id.sijill.server.observatory;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
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
            case JSON -> json(asJson(t), out);
            case JSONLD -> json(asJsonLd(t), out);
            case XLSX -> xlsx(t, out);
            case HTML -> throw new IllegalArgumentException("HTML tables are pages");
        }
    }

    /** Streams the JSON (the bytes {@code GSON.toJson(value)} would give), without the whole text in memory twice. */
    private static void json(Object value, OutputStream out) throws IOException {
        Writer w = new java.io.BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        try {
            GSON.toJson(value, w);
        } catch (com.google.gson.JsonIOException e) {
            // Gson wraps the stream's failure (a client gone); the caller handles it as the I/O error it is
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
        w.flush();
    }

    /** @return the table as a JSON object: its facts, its columns and its rows as objects */
    public static Map<String, Object> asJson(Table t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("table", t.name());
        m.putAll(t.meta());
        m.put("columns", t.columns().stream().map(c -> Map.of("key", c.key(), "label", c.header())).toList());
        m.put("rows", t.rows().stream().map(r -> {
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
        Writer w = new java.io.BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
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
