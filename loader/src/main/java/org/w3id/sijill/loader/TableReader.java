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
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            Iterator<CSVRecord> it = parser.iterator();
            while (true) {
                recordStart = parser.getCurrentLineNumber() + 1;
                if (!it.hasNext()) break;
                CSVRecord rec = it.next();
                long line = firstNonBlankLine(text, recordStart);
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
                for (int i = 0; i < header.size(); i++) cells.put(header.get(i), rec.get(i));
                rows.add(new Row(file, line, cells));
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            OpenQuote open = openQuote(text, firstNonBlankLine(text, recordStart), header);
            throw new SourceDataException(file, open.line(), open.field(),
                    "unbalanced CSV quotes: a quoted cell opened here is never closed (" + e.getMessage() + ")");
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
        String[] lines = text.split("\n", -1);
        long l = from;
        while (l <= lines.length && lines[(int) l - 1].isBlank()) l++;
        return l <= lines.length ? l : from;
    }

    private record OpenQuote(long line, String field) {}

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
        if (openColumn < 0) return new OpenQuote(fromLine, null);
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
