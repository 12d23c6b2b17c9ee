package org.w3id.sijill.imports;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.core.SourceDataException;

/**
 * A CSV file read whole (RFC 4180, UTF-8), with its header row and its records, each with the line
 * it starts on, for the importers' error messages. Blank header cells (a trailing comma) are kept
 * as empty names; unreadable or malformed files are {@link SourceDataException}s naming the file.
 *
 * <pre>{@code
 * CsvInput in = CsvInput.read(Path.of("gci.csv"));
 * for (CsvInput.Line l : in.lines()) System.out.println(l.number() + ": " + l.cell(0));
 * }</pre>
 *
 * @param file   the file read
 * @param header the header cells, in order
 * @param lines  the records after the header
 */
public record CsvInput(Path file, List<String> header, List<CsvInput.Line> lines) {

    /**
     * One record.
     *
     * @param number the line of the file it starts on (1-based; the header is line 1)
     * @param cells  its cells, in order
     */
    public record Line(long number, List<String> cells) {
        /** @return cell {@code i} stripped, or "" when the record is shorter */
        public String cell(int i) {
            return i < cells.size() ? cells.get(i).strip() : "";
        }
    }

    /** Reads the file; a file without a header row is an error. */
    public static CsvInput read(Path file) {
        List<Line> lines = new ArrayList<>();
        List<String> header = null;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVParser.parse(r, CSVFormat.RFC4180)) {
            for (CSVRecord rec : p) {
                List<String> cells = new ArrayList<>();
                rec.forEach(cells::add);
                if (header == null) {
                    header = cells.stream().map(String::strip).toList();
                } else if (!(cells.size() == 1 && cells.get(0).isBlank())) {
                    lines.add(new Line(rec.getRecordNumber(), List.copyOf(cells)));
                }
            }
        } catch (IOException e) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "cannot read " + file + ": " + e.getMessage(), e);
        } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new SourceDataException(file, 0, null, "malformed CSV: " + e.getMessage());
        }
        if (header == null) throw new SourceDataException(file, 1, null, "empty file: no header row");
        return new CsvInput(file, header, List.copyOf(lines));
    }

    /** @return the index of the header column {@code name}; a missing column is an error naming the header */
    public int column(String name) {
        int i = header.indexOf(name);
        if (i < 0) throw new SourceDataException(file, 1, name, "missing column (header: " + header + ")");
        return i;
    }
}
