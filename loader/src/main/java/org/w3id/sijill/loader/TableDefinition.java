package org.w3id.sijill.loader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.core.SourceDataException;

/**
 * One curated table with everything that describes it: {@code tables/<t>.csv}, its CSVW
 * metadata {@code tables/<t>.csv-metadata.json} and its mapping {@code mappings/<t>.rq} (a SPARQL
 * CONSTRUCT). Reading checks that the three exist, that the metadata names the CSV, and that the
 * CSV header has exactly the declared columns.
 *
 * <pre>{@code
 * for (TableDefinition t : TableDefinition.readAll(Path.of("sources"))) System.out.println(t.name());
 * }</pre>
 */
public record TableDefinition(String name, CsvTable table, TableSchema schema, Query mapping, Path mappingFile) {

    /** Provenance columns, with a meaning of their own (see {@code sources/README.md}). */
    public static final String SOURCE = "source";
    public static final String PASSAGE = "passage";
    public static final String EVIDENCE = "evidence";

    /** @return every table of {@code sources/tables/}, in file-name order */
    public static List<TableDefinition> readAll(Path sourcesDir) {
        Path tables = sourcesDir.resolve("tables");
        if (!Files.isDirectory(tables)) return List.of();
        List<Path> csvs;
        try (Stream<Path> s = Files.list(tables)) {
            csvs = s.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList();
        } catch (java.io.IOException e) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "cannot list " + tables + ": " + e.getMessage(), e);
        }
        // a metadata file without its table would describe nothing: say so rather than skip it
        try (Stream<Path> s = Files.list(tables)) {
            for (Path meta : s.filter(p -> p.getFileName().toString().endsWith(".csv-metadata.json")).sorted().toList()) {
                String csvName = meta.getFileName().toString().substring(0, meta.getFileName().toString().length() - "-metadata.json".length());
                if (!Files.exists(meta.resolveSibling(csvName))) {
                    throw new SourceDataException(meta, TableSchema.lineOf(meta, "\"url\""), "url",
                            "the table " + csvName + " this metadata describes does not exist in tables/");
                }
            }
        } catch (java.io.IOException e) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "cannot list " + tables + ": " + e.getMessage(), e);
        }
        List<TableDefinition> out = new ArrayList<>();
        for (Path csv : csvs) out.add(read(sourcesDir, csv));
        return out;
    }

    static TableDefinition read(Path sourcesDir, Path csv) {
        String file = csv.getFileName().toString();
        String name = file.substring(0, file.length() - ".csv".length());
        Path meta = csv.resolveSibling(file + "-metadata.json");
        if (!Files.isRegularFile(meta)) {
            throw new SourceDataException(csv, 0, null, "no metadata file " + meta.getFileName() + " next to the table");
        }
        InsideSources.check(sourcesDir, csv, csv, 0, null);
        InsideSources.check(sourcesDir, meta, meta, 0, null);
        TableSchema schema = TableSchema.read(meta);
        if (!schema.url().equals(file)) {
            throw new SourceDataException(meta, 0, "url", "names '" + schema.url() + "' but the table is '" + file + "'");
        }
        if (!schema.columns().containsKey(SOURCE)) {
            throw new SourceDataException(meta, 0, SOURCE, "every table needs a 'source' column (the slug of the row's source)");
        }
        // the header is checked before the rows are parsed, so that an unknown column is reported as such
        CsvTable table = TableReader.read(csv);
        for (String h : table.header()) {
            if (!schema.columns().containsKey(h)) {
                throw new SourceDataException(csv, 1, h, "unknown column (not declared in " + meta.getFileName() + ")");
            }
        }
        for (String c : schema.columns().keySet()) {
            if (!table.header().contains(c)) {
                throw new SourceDataException(csv, 1, c, "missing column (declared in " + meta.getFileName() + ")");
            }
        }
        Path rq = sourcesDir.resolve("mappings").resolve(name + ".rq");
        if (!Files.isRegularFile(rq)) {
            throw new SourceDataException(csv, 0, null, "no mapping " + sourcesDir.relativize(rq) + " for the table");
        }
        InsideSources.check(sourcesDir, rq, csv, 0, null);
        Query q = MappingQuery.parse(rq);
        return new TableDefinition(name, table, schema, q, rq);
    }
}
