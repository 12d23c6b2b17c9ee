package org.w3id.sijill.loader;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.core.SourceDataException;

/**
 * Reads an RFC 4180 CSV file (UTF-8, header row, comma, {@code "} quoting) with Apache Commons CSV,
 * keeping the line each row starts on. Errors name the file, line and field: not UTF-8, unbalanced
 * quotes, a row with more or fewer cells than the header, an empty file or a table without rows.
 *
 * <pre>{@code
 * CsvTable table = TableReader.read(Path.of("sources/tables/countries.csv"));
 * }</pre>
 */
public final class TableReader {
    private TableReader() {}

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(true)
            .get();

    /** Reads a table that must have at least one data row. */
    public static CsvTable read(Path file) {
        return read(file, true);
    }

    /**
     * @param requireRows whether a header without rows is an error
     */
    public static CsvTable read(Path file, boolean requireRows) {
        String text = TextFiles.readUtf8(file, rawHeader(file));
        if (text.isBlank()) {
            throw new SourceDataException(file, 1, null, "empty file: expected a header row and at least one data row");
        }
        List<String> header = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        long recordStart = 1;
        // split once: splitting the whole text again for every record made reading a table quadratic in its size
        String[] lines = text.split("\n", -1);
        int maxCell = maxCellChars();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            Iterator<CSVRecord> it = parser.iterator();
            while (true) {
                recordStart = parser.getCurrentLineNumber() + 1;
                if (!it.hasNext()) break;
                CSVRecord rec = it.next();
                long line = firstNonBlankLine(lines, recordStart);
                if (header.isEmpty()) {
                    for (String h : rec) header.add(h.trim());
                    continue;
                }
                if (rec.size() != header.size()) {
                    String field = rec.size() > header.size() ? "column " + (header.size() + 1) : header.get(rec.size());
                    throw new SourceDataException(file, line, field, "row has " + rec.size() + " cells but the header has "
                            + header.size() + " columns");
                }
                Map<String, String> cells = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) cells.put(header.get(i), checkCell(file, line, header.get(i), rec.get(i), maxCell));
                rows.add(new Row(file, line, cells));
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            OpenQuote open = openQuote(text, firstNonBlankLine(text, recordStart), header);
            if (open.closed()) {
                // the quotes balance: text follows a closing quote inside a cell ("Leb"anon)
                long at = firstNonBlankLine(text, recordStart);
                throw new SourceDataException(file, at, fieldAfterQuote(text, at, header),
                        "text after the closing quote of a quoted cell (write a quote inside a quoted cell as two: \"\")");
            }
            throw new SourceDataException(file, open.line(), open.field(),
                    "unbalanced CSV quotes: a quoted cell opened here is never closed");
        } catch (IOException e) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "cannot read " + file + ": " + e.getMessage(), e);
        }
        if (requireRows && rows.isEmpty()) {
            throw new SourceDataException(file, 2, null, "empty table: the header is not followed by any data row");
        }
        return new CsvTable(file, List.copyOf(header), List.copyOf(rows));
    }

    /** Skips blank lines that Commons CSV passes over before a record. */
    private static long firstNonBlankLine(String text, long from) {
        return firstNonBlankLine(text.split("\n", -1), from);
    }

    private static long firstNonBlankLine(String[] lines, long from) {
        long l = from;
        while (l <= lines.length && lines[(int) l - 1].isBlank()) l++;
        return l <= lines.length ? l : from;
    }

    private record OpenQuote(long line, String field, boolean closed) {
        OpenQuote(long line, String field) {
            this(line, field, false);
        }
    }

    /** The system property that sets the largest cell, in characters. */
    public static final String MAX_CELL_PROPERTY = "sijill.maxCellChars";
    /** The largest cell unless {@link #MAX_CELL_PROPERTY} says otherwise: 100,000 characters (the longest passage quote is far shorter). */
    public static final int DEFAULT_MAX_CELL = 100_000;

    /** @return the largest cell accepted, in characters */
    public static int maxCellChars() {
        String v = System.getProperty(MAX_CELL_PROPERTY);
        if (v == null) return DEFAULT_MAX_CELL;
        try {
            int n = Integer.parseInt(v.strip());
            if (n > 0) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SijillException(SijillException.Kind.BAD_INPUT, MAX_CELL_PROPERTY + " must be a positive whole number, got '" + v + "'");
    }

    /** Refuses control characters (NUL and the like; tab, newline and carriage return are text) and oversized cells. */
    private static String checkCell(Path file, long line, String field, String value, int max) {
        if (value.length() > max) {
            throw new SourceDataException(file, line, field, "the cell is " + value.length() + " characters long; the limit is " + max
                    + " (set -D" + MAX_CELL_PROPERTY + "=N to change it)");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                throw new SourceDataException(file, line, field, "control character U+" + String.format("%04X", (int) c)
                        + (c == 0 ? " (a NUL byte)" : "") + " at character " + (i + 1) + " of the cell; remove it");
            }
        }
        return value;
    }

    /** The column of the first cell on {@code line} whose closing quote is followed by other text. */
    private static String fieldAfterQuote(String text, long line, List<String> header) {
        String[] lines = text.split("\n", -1);
        if (line < 1 || line > lines.length) return null;
        String s = lines[(int) line - 1];
        int column = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    i++;
                } else if (quoted) {
                    quoted = false;
                    if (i + 1 < s.length() && s.charAt(i + 1) != ',' && s.charAt(i + 1) != '\r') {
                        return column < header.size() ? header.get(column) : "column " + (column + 1);
                    }
                } else {
                    quoted = true;
                }
            } else if (!quoted && c == ',') {
                column++;
            }
        }
        return null;
    }

    /** Where the quote that stays open to the end of the file was opened (line and column). */
    private static OpenQuote openQuote(String text, long fromLine, List<String> header) {
        String[] lines = text.split("\n", -1);
        if (fromLine < 1 || fromLine > lines.length) return new OpenQuote(fromLine, null);
        int column = 0;
        int openColumn = -1;
        long openLine = fromLine;
        boolean quoted = false;
        for (int l = (int) fromLine - 1; l < lines.length; l++) {
            String s = lines[l];
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"') {
                    if (!quoted) {
                        openColumn = column;
                        openLine = l + 1;
                    }
                    quoted = !quoted;
                } else if (!quoted && c == ',') {
                    column++;
                }
            }
            if (!quoted) column = 0;
        }
        if (openColumn < 0 || !quoted) return new OpenQuote(fromLine, null, !quoted);
        String field = header.isEmpty() || openColumn >= header.size() ? "column " + (openColumn + 1) : header.get(openColumn);
        return new OpenQuote(openLine, field);
    }

    private static List<String> rawHeader(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String latin = new String(bytes, StandardCharsets.ISO_8859_1);
            int nl = latin.indexOf('\n');
            String first = (nl < 0 ? latin : latin.substring(0, nl)).replace("\r", "").replace("\u00EF\u00BB\u00BF", "");
            return Arrays.stream(first.split(",", -1)).map(String::trim).toList();
        } catch (IOException e) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
