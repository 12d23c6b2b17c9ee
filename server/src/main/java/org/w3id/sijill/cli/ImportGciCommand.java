package org.w3id.sijill.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.w3id.sijill.core.ProjectPaths;
import org.w3id.sijill.imports.CountryKeys;
import org.w3id.sijill.imports.GciTranscriptionImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sijill import-gci}: restate a transcription of the ITU Global Cybersecurity Index (the SSPI
 * project's {@code gci-local-indicator-summary.csv} format) for the countries a countries table
 * marks as members, as the project table {@code gci-scores.csv}. Ranks are not taken.
 *
 * <pre>{@code
 * sijill import-gci --data gci-local-indicator-summary.csv \
 *     --countries sources/tables/countries.csv --out-dir sources/tables
 * }</pre>
 */
@Command(name = "import-gci", mixinStandardHelpOptions = true,
        description = "Restate an ITU Global Cybersecurity Index transcription (SSPI format) as the project table of index scores.")
public final class ImportGciCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, description = "the transcription CSV (Country,2014,…,2024,…)")
    Path data;

    @Option(names = "--countries", description = "countries table naming the countries to import (default: the project's sources/tables/countries.csv)")
    Path countries;

    @Option(names = "--member-column", defaultValue = "arab_league", description = "boolean column marking the countries to import (default: ${DEFAULT-VALUE})")
    String memberColumn;

    @Option(names = "--name-column", defaultValue = "name_en", description = "column holding the names the transcription uses (default: ${DEFAULT-VALUE})")
    String nameColumn;

    @Option(names = "--dataset", defaultValue = "itu-gci", description = "slug of the data set (default: ${DEFAULT-VALUE})")
    String dataset;

    @Option(names = "--publisher", defaultValue = "itu", description = "slug of the publishing organization (default: ${DEFAULT-VALUE})")
    String publisher;

    @Option(names = "--source", defaultValue = "sspi-gci-transcription", description = "slug of the external source the figures come by (default: ${DEFAULT-VALUE})")
    String source;

    @Option(names = "--out-dir", description = "tables folder (default: the project's sources/tables)")
    Path outDir;

    @Option(names = "--table", defaultValue = "gci-scores", description = "name of the table (default: ${DEFAULT-VALUE})")
    String table;

    @Override
    public Integer call() {
        if (countries == null) countries = ProjectPaths.locate().sources().resolve("tables").resolve("countries.csv");
        if (outDir == null) outDir = ProjectPaths.locate().sources().resolve("tables");
        Map<String, String> chosen = CountryKeys.read(countries, nameColumn, "iso2", memberColumn);
        GciTranscriptionImporter.Result r = GciTranscriptionImporter.read(data, chosen);
        for (String note : r.notes()) spec.commandLine().getErr().println("note: " + note);
        Path file = outDir.resolve(table + ".csv");
        GciTranscriptionImporter.write(r.scores(), file, dataset, publisher, source);
        spec.commandLine().getOut().printf("%d countries, %d scores -> %s (data set %s, publisher %s, source %s)%n",
                chosen.size(), r.scores().size(), file, dataset, publisher, source);
        return 0;
    }
}
