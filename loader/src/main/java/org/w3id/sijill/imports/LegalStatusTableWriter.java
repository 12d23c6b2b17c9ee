package org.w3id.sijill.imports;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.w3id.sijill.core.SijillException;

/**
 * Writes imported tracker claims as two project tables: {@code <name>.csv}, one legal-status claim
 * per row (country, law topic, status, as-of date, the tracker's own category and status words,
 * source slug), and {@code <name>-instruments.csv}, one row per claim and cited instrument (title,
 * link) — two tables so that a claim citing several instruments is not cross-multiplied. Each file
 * is written next to its target and moved into place, so an existing table is never half-replaced.
 *
 * <pre>{@code
 * LegalStatusTableWriter.write(claims, Path.of("sources/tables"), "legal-status-unctad",
 *         "unctad-cyberlaw-tracker-2026", LocalDate.parse("2026-04-27"));
 * }</pre>
 */
public final class LegalStatusTableWriter {
    /** Header of the claims table. */
    public static final List<String> CLAIM_COLUMNS =
            List.of("country", "topic", "status", "as_of", "tracker_category", "tracker_status", "source");
    /** Header of the cited-instruments table. */
    public static final List<String> INSTRUMENT_COLUMNS =
            List.of("country", "topic", "n", "title", "link", "source");

    private LegalStatusTableWriter() {}

    /** What was written. */
    public record Written(Path claimsTable, Path instrumentsTable, int claims, int instruments) {}

    /**
     * @param claims     the claims, written in the given order
     * @param outDir     the tables folder (created if missing)
     * @param tableName  base name of the claims table, without {@code .csv}
     * @param sourceSlug slug of the external source the claims are attributed to
     * @param asOf       the date the tracker data is as of
     * @return the files and row counts
     */
    public static Written write(List<TrackerClaim> claims, Path outDir, String tableName, String sourceSlug, LocalDate asOf) {
        if (!sourceSlug.matches("[a-z0-9-]+")) {
            throw new SijillException(SijillException.Kind.BAD_INPUT, "malformed source slug '" + sourceSlug + "'");
        }
        Path claimsFile = outDir.resolve(tableName + ".csv");
        Path instrumentsFile = outDir.resolve(tableName + "-instruments.csv");
        int instruments = 0;
        try {
            Files.createDirectories(outDir);
            Path tmpClaims = Files.createTempFile(outDir, "." + tableName, ".tmp");
            Path tmpInstruments = Files.createTempFile(outDir, "." + tableName + "-instruments", ".tmp");
            try {
                try (Writer w = Files.newBufferedWriter(tmpClaims, StandardCharsets.UTF_8);
                     CSVPrinter out = new CSVPrinter(w, format(CLAIM_COLUMNS))) {
                    for (TrackerClaim c : claims) {
                        out.printRecord(c.iso2(), c.category().lawTopic(), c.status().legalStatus(), asOf.toString(),
                                c.category().label(), c.status().label(), sourceSlug);
                    }
                }
                try (Writer w = Files.newBufferedWriter(tmpInstruments, StandardCharsets.UTF_8);
                     CSVPrinter out = new CSVPrinter(w, format(INSTRUMENT_COLUMNS))) {
                    for (TrackerClaim c : claims) {
                        int n = 0;
                        for (CitedInstrument i : c.instruments()) {
                            out.printRecord(c.iso2(), c.category().lawTopic(), ++n, i.title(),
                                    i.link() == null ? "" : i.link(), sourceSlug);
                            instruments++;
                        }
                    }
                }
                Files.move(tmpClaims, claimsFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                Files.move(tmpInstruments, instrumentsFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmpClaims);
                Files.deleteIfExists(tmpInstruments);
            }
        } catch (IOException e) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "cannot write tables in " + outDir + ": " + e.getMessage(), e);
        }
        return new Written(claimsFile, instrumentsFile, claims.size(), instruments);
    }

    private static CSVFormat format(List<String> header) {
        return CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).setRecordSeparator("\n").get();
    }
}
