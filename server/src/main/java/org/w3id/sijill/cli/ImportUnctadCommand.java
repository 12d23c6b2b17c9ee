package org.w3id.sijill.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import org.w3id.sijill.core.ProjectPaths;
import org.w3id.sijill.imports.ExternalSourceRegister;
import org.w3id.sijill.imports.LegalStatusTableWriter;
import org.w3id.sijill.imports.MemberCountries;
import org.w3id.sijill.imports.TrackerImport;
import org.w3id.sijill.imports.UnctadTrackerImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sijill import-unctad}: restate the UNCTAD Global Cyberlaw Tracker data ({@code data.csv} +
 * {@code document_links.json}) for the countries a countries table marks as members, as the
 * project tables {@code legal-status-unctad.csv} and {@code legal-status-unctad-instruments.csv}.
 *
 * <pre>{@code
 * sijill import-unctad --data data.csv --links document_links.json \
 *     --countries sources/tables/countries.csv --out-dir sources/tables
 * }</pre>
 */
@Command(name = "import-unctad", mixinStandardHelpOptions = true,
        description = "Restate the UNCTAD Global Cyberlaw Tracker data (data.csv + document_links.json) as the project table of legal-status claims.")
public final class ImportUnctadCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, description = "the tracker's data.csv")
    Path data;

    @Option(names = "--links", required = true, description = "the tracker's document_links.json")
    Path links;

    @Option(names = "--countries",
            description = "countries table naming the countries to import (default: the project's sources/tables/countries.csv)")
    Path countries;

    @Option(names = "--member-column", defaultValue = "arab_league",
            description = "boolean column of the countries table marking the countries to import (default: ${DEFAULT-VALUE})")
    String memberColumn;

    @Option(names = "--iso2-column", defaultValue = "iso2", description = "ISO alpha-2 column (default: ${DEFAULT-VALUE})")
    String iso2Column;

    @Option(names = "--m49-column", defaultValue = "m49", description = "UN M49 column (default: ${DEFAULT-VALUE})")
    String m49Column;

    @Option(names = "--source", defaultValue = "unctad-cyberlaw-tracker-2026",
            description = "slug of the external source the claims are attributed to (default: ${DEFAULT-VALUE})")
    String source;

    @Option(names = "--external-sources",
            description = "register of external sources, read for the as-of date of --source (default: the project's sources/external-sources.csv)")
    Path externalSources;

    @Option(names = "--as-of", description = "as-of date of the claims (default: the source's date in the register)")
    LocalDate asOf;

    @Option(names = "--out-dir", description = "tables folder (default: the project's sources/tables)")
    Path outDir;

    @Option(names = "--table", defaultValue = "legal-status-unctad", description = "name of the claims table (default: ${DEFAULT-VALUE})")
    String table;

    @Override
    public Integer call() {
        if (countries == null) countries = ProjectPaths.locate().sources().resolve("tables").resolve("countries.csv");
        if (outDir == null) outDir = ProjectPaths.locate().sources().resolve("tables");
        if (externalSources == null && asOf == null) externalSources = ProjectPaths.locate().sources().resolve("external-sources.csv");
        Map<String, String> members = MemberCountries.read(countries, iso2Column, m49Column, memberColumn);
        LocalDate date = asOf != null ? asOf : ExternalSourceRegister.date(externalSources, source);
        TrackerImport imported = UnctadTrackerImporter.read(data, links, members);
        for (String note : imported.notes()) {
            spec.commandLine().getErr().println("note: " + note);
        }
        LegalStatusTableWriter.Written w = LegalStatusTableWriter.write(imported.claims(), outDir, table, source, date);
        spec.commandLine().getOut().printf("%d countries, %d claims -> %s; %d cited instruments -> %s (as of %s, source %s)%n",
                members.size(), w.claims(), w.claimsTable(), w.instruments(), w.instrumentsTable(), date, source);
        return 0;
    }
}
