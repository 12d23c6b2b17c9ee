package org.w3id.sijill.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.w3id.sijill.core.ProjectPaths;
import org.w3id.sijill.imports.CountryKeys;
import org.w3id.sijill.imports.NationalStrategyImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sijill import-strategies}: restate an inaugural national-cybersecurity-strategy file (the
 * format of Kostyuk's NCS Data, {@code Countries,DATE,Year,cyb_strategy,total_strategies}) for the
 * countries a countries table marks as members, as the project table {@code national-strategies.csv},
 * the dataset's caveats kept as notes.
 *
 * <pre>{@code
 * sijill import-strategies --data inaugural_cybstrategies_2000_2024.csv --out-dir sources/tables
 * }</pre>
 */
@Command(name = "import-strategies", mixinStandardHelpOptions = true,
        description = "Restate an inaugural national-cybersecurity-strategy file (Kostyuk NCS Data format) as the project table of strategy claims.")
public final class ImportStrategiesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, description = "the dataset CSV (Countries,DATE,Year,cyb_strategy,total_strategies)")
    Path data;

    @Option(names = "--countries", description = "countries table naming the countries to import (default: the project's sources/tables/countries.csv)")
    Path countries;

    @Option(names = "--member-column", defaultValue = "arab_league", description = "boolean column marking the countries to import (default: ${DEFAULT-VALUE})")
    String memberColumn;

    @Option(names = "--source", defaultValue = "kostyuk-ncs-data-v1", description = "slug of the external source (default: ${DEFAULT-VALUE})")
    String source;

    @Option(names = "--out-dir", description = "tables folder (default: the project's sources/tables)")
    Path outDir;

    @Option(names = "--table", defaultValue = "national-strategies", description = "name of the table (default: ${DEFAULT-VALUE})")
    String table;

    @Override
    public Integer call() {
        if (countries == null) countries = ProjectPaths.locate().sources().resolve("tables").resolve("countries.csv");
        if (outDir == null) outDir = ProjectPaths.locate().sources().resolve("tables");
        Map<String, String> chosen = CountryKeys.read(countries, "iso3", "iso2", memberColumn);
        NationalStrategyImporter.Result r = NationalStrategyImporter.read(data, chosen);
        for (String note : r.notes()) spec.commandLine().getErr().println("note: " + note);
        Path file = outDir.resolve(table + ".csv");
        NationalStrategyImporter.write(r.claims(), file, source);
        spec.commandLine().getOut().printf("%d countries, %d claims -> %s (source %s)%n", chosen.size(), r.claims().size(), file, source);
        return 0;
    }
}
