package org.w3id.sijill.imports;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.core.SourceDataException;

/**
 * Looks up the date of an external source in the register {@code sources/external-sources.csv}
 * (columns {@code slug} and {@code date}), so that imported claims carry the as-of date the
 * register states rather than one typed into code.
 *
 * <pre>{@code
 * LocalDate asOf = ExternalSourceRegister.date(Path.of("sources/external-sources.csv"), "unctad-cyberlaw-tracker-2026");
 * }</pre>
 */
public final class ExternalSourceRegister {
    private ExternalSourceRegister() {}

    /** @return the full date ({@code YYYY-MM-DD}) the register gives for {@code slug} */
    public static LocalDate date(Path register, String slug) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader r = Files.newBufferedReader(register, StandardCharsets.UTF_8);
             CSVParser p = CSVParser.parse(r, format)) {
            for (String col : new String[] {"slug", "date"}) {
                if (!p.getHeaderMap().containsKey(col)) {
                    throw new SourceDataException(register, 1, col, "missing column");
                }
            }
            for (CSVRecord rec : p) {
                if (!rec.get("slug").strip().equals(slug)) continue;
                String d = rec.get("date").strip();
                try {
                    return LocalDate.parse(d);
                } catch (DateTimeParseException e) {
                    throw new SourceDataException(register, rec.getRecordNumber() + 1, "date",
                            "'" + d + "' is not a full date (YYYY-MM-DD), so it cannot be an as-of date");
                }
            }
        } catch (IOException e) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "cannot read " + register + ": " + e.getMessage(), e);
        } catch (java.io.UncheckedIOException e) {
            throw new SourceDataException(register, 0, null, "malformed CSV: " + e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new SourceDataException(register, 0, null, "malformed CSV: " + e.getMessage());
        }
        throw new SourceDataException(register, 0, "slug", "no external source '" + slug + "'");
    }
}
