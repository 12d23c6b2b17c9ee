package org.w3id.sijill.imports;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.w3id.sijill.core.SijillException;

/**
 * Writes one project table ({@code sources/tables/<name>.csv}): RFC 4180, UTF-8, {@code \n} line
 * ends, written next to its target and moved into place, so an existing table is never
 * half-replaced.
 *
 * <pre>{@code
 * TableFile.write(Path.of("sources/tables/gci-scores.csv"), List.of("country", "edition"),
 *         List.of(List.of("MA", "2020")));
 * }</pre>
 */
public final class TableFile {
    private TableFile() {}

    /**
     * @param file   the table to write (its folder is created if missing)
     * @param header the header row
     * @param rows   the rows, each as long as the header
     */
    public static void write(Path file, List<String> header, List<List<String>> rows) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            try {
                CSVFormat format = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).setRecordSeparator("\n").get();
                try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8); CSVPrinter out = new CSVPrinter(w, format)) {
                    for (List<String> row : rows) {
                        if (row.size() != header.size()) {
                            throw new SijillException(SijillException.Kind.BAD_INPUT, "row " + row + " does not fit the header " + header);
                        }
                        out.printRecord(row);
                    }
                }
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
