package org.w3id.sijill.loader;

import java.nio.file.Path;
import java.util.List;

/**
 * The content of one CSV file: header (column names in file order) and data rows.
 *
 * <pre>{@code
 * CsvTable t = TableReader.read(Path.of("sources/documents.csv"));
 * t.rows().forEach(r -> System.out.println(r.line() + " " + r.cell("slug")));
 * }</pre>
 */
public record CsvTable(Path file, List<String> header, List<Row> rows) {}
