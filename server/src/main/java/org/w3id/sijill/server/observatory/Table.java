package org.w3id.sijill.server.observatory;

import java.util.List;
import java.util.Map;

/**
 * A table the observatory serves: named columns, rows of cell values, and the same rows as JSON-LD
 * nodes. Every table is written as CSV, JSON and JSON-LD (and the matrix also as {@code .xlsx})
 * by {@link TableWriter}.
 *
 * <pre>{@code
 * Table t = Tables.countries(snapshot, PageLanguage.AR);
 * new TableWriter(siteUrl).write(t, TableFormat.CSV, out);
 * }</pre>
 *
 * @param name the file name (without extension) downloads get
 * @param columns the columns
 * @param rows the rows: one value per column (a string, a number, or a list of strings)
 * @param nodes the rows as JSON-LD nodes, with terms of the published context
 * @param meta facts about the whole table for JSON (e.g. the asOf date), may be empty
 */
public record Table(String name, List<Column> columns, List<List<Object>> rows, List<Map<String, Object>> nodes,
                    Map<String, Object> meta) {

    /**
     * A column.
     *
     * @param key its name in JSON
     * @param header its heading in the page language (CSV, spreadsheet)
     * @param status true when its values are legal-status notations or labels to colour
     */
    public record Column(String key, String header, boolean status) {
        public Column(String key, String header) { this(key, header, false); }
    }
}
