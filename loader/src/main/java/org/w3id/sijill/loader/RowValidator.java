package org.w3id.sijill.loader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.w3id.sijill.core.SourceDataException;

/**
 * Checks the rows of all tables before anything is mapped: required cells, values (through
 * {@link CellParser}), unique primary keys (a duplicate slug names both lines), foreign keys
 * (a value must exist in the referenced table's column, or among the registered sources), slugs,
 * and provenance — the {@code source} must be registered, a document source needs a
 * {@code passage} that exists and an {@code evidence} quote found in that passage after
 * {@link TextNormalizer normalisation}.
 *
 * <pre>{@code
 * RowValidator validator = new RowValidator(tables, sources, new CellParser(schemes));
 * for (Row r : table.table().rows()) mapper.map(validator.validate(table, r), out);
 * }</pre>
 */
public final class RowValidator {
    private final SourceRegistry sources;
    private final CellParser cells;
    /** key values: "file.csv" → column → values */
    private final Map<String, Map<String, Set<String>>> keys = new HashMap<>();
    private final Map<String, Map<String, Long>> primaryKeys = new HashMap<>();
    private int quotesChecked;

    public RowValidator(List<TableDefinition> tables, SourceRegistry sources, CellParser cells) {
        this.sources = sources;
        this.cells = cells;
        Set<String> docs = new TreeSet<>();
        Set<String> ext = new TreeSet<>();
        for (Source s : sources.all()) (s.isDocument() ? docs : ext).add(s.slug());
        keys.put("documents.csv", Map.of("slug", docs));
        keys.put("external-sources.csv", Map.of("slug", ext));
        for (TableDefinition t : tables) {
            Map<String, Set<String>> cols = new HashMap<>();
            for (Column c : t.schema().columns().values()) {
                Set<String> vals = new TreeSet<>();
                for (Row r : t.table().rows()) vals.addAll(c.split(r.cell(c.name())));
                cols.put(c.name(), vals);
            }
            keys.put(t.table().file().getFileName().toString(), cols);
        }
        for (TableDefinition t : tables) {
            for (TableSchema.ForeignKey fk : t.schema().foreignKeys()) {
                String target = Path.of(fk.resource()).getFileName().toString();
                Map<String, Set<String>> cols = keys.get(target);
                if (cols == null || !cols.containsKey(fk.targetColumn())) {
                    throw new SourceDataException(t.schema().metadataFile(), 0, "foreignKeys",
                            "reference to " + fk.resource() + " column '" + fk.targetColumn() + "', which does not exist");
                }
            }
        }
    }

    /** @return the number of evidence quotes checked so far */
    public int quotesChecked() { return quotesChecked; }

    /** Checks one row and returns its values as terms. */
    public ValidRow validate(TableDefinition t, Row row) {
        TableSchema schema = t.schema();
        Path file = row.file();
        Map<String, List<ValidRow.Value>> values = new LinkedHashMap<>();
        for (Column c : schema.columns().values()) {
            String cell = row.cell(c.name());
            if (cell.isEmpty()) {
                if (c.required()) throw new SourceDataException(file, row.line(), c.name(), "required field is empty");
                continue;
            }
            if (c.name().equals("slug") || c.name().endsWith("_slug")) {
                for (String v : c.split(cell)) {
                    if (!DocumentRegister.SLUG.matcher(v).matches()) {
                        throw new SourceDataException(file, row.line(), c.name(), "not a slug (lowercase a-z, 0-9, '-'): '" + v + "'");
                    }
                }
            }
            if (isProvenance(c.name())) continue;
            List<ValidRow.Value> vs = new ArrayList<>();
            for (String v : c.split(cell)) vs.add(new ValidRow.Value(v, cells.parse(c, v, row, row::cell)));
            values.put(c.name(), vs);
        }
        checkPrimaryKey(t, row);
        checkForeignKeys(t, row);
        String about = UriTemplate.expand(schema.aboutUrl(), row::cell);
        if (about == null) {
            String missing = UriTemplate.variables(schema.aboutUrl()).stream().filter(v -> row.cell(v).isEmpty()).findFirst().orElse(null);
            throw new SourceDataException(file, row.line(), missing, "empty, but the row's IRI (aboutUrl " + schema.aboutUrl() + ") needs it");
        }
        return provenance(t, row, NodeFactory.createURI(about), values);
    }

    private static boolean isProvenance(String column) {
        return column.equals(TableDefinition.SOURCE) || column.equals(TableDefinition.PASSAGE) || column.equals(TableDefinition.EVIDENCE);
    }

    private void checkPrimaryKey(TableDefinition t, Row row) {
        String pk = t.schema().primaryKey();
        if (pk == null) return;
        Map<String, Long> seen = primaryKeys.computeIfAbsent(t.name(), k -> new HashMap<>());
        Long first = seen.putIfAbsent(row.cell(pk), row.line());
        if (first != null) {
            throw new SourceDataException(row.file(), row.line(), pk, "duplicate " + (pk.equals("slug") ? "slug" : "key")
                    + " '" + row.cell(pk) + "' (first on line " + first + ")");
        }
    }

    private void checkForeignKeys(TableDefinition t, Row row) {
        for (TableSchema.ForeignKey fk : t.schema().foreignKeys()) {
            Column c = t.schema().column(fk.column());
            String target = Path.of(fk.resource()).getFileName().toString();
            Set<String> allowed = keys.get(target).get(fk.targetColumn());
            for (String v : c.split(row.cell(fk.column()))) {
                if (!allowed.contains(v)) {
                    throw new SourceDataException(row.file(), row.line(), fk.column(), "'" + v + "' is not declared: no "
                            + fk.targetColumn() + " '" + v + "' in " + target);
                }
            }
        }
    }

    private ValidRow provenance(TableDefinition t, Row row, Node about, Map<String, List<ValidRow.Value>> values) {
        Path file = row.file();
        String slug = row.cell(TableDefinition.SOURCE);
        if (slug.isEmpty()) throw new SourceDataException(file, row.line(), TableDefinition.SOURCE, "required field is empty (every row names its source)");
        Source source = sources.find(slug);
        if (source == null) {
            throw new SourceDataException(file, row.line(), TableDefinition.SOURCE, "unknown source '" + slug
                    + "' (not in documents.csv or external-sources.csv)");
        }
        boolean hasPassageColumn = t.schema().columns().containsKey(TableDefinition.PASSAGE);
        boolean hasEvidenceColumn = t.schema().columns().containsKey(TableDefinition.EVIDENCE);
        String token = hasPassageColumn ? row.cell(TableDefinition.PASSAGE) : "";
        String quote = hasEvidenceColumn ? row.cell(TableDefinition.EVIDENCE) : "";
        if (!source.isDocument()) {
            if (!token.isEmpty()) {
                throw new SourceDataException(file, row.line(), TableDefinition.PASSAGE, "'" + slug + "' is an external source, which has no passages");
            }
            if (!quote.isEmpty()) {
                throw new SourceDataException(file, row.line(), TableDefinition.EVIDENCE, "'" + slug + "' is an external source:"
                        + " an evidence quote can only be checked against a document passage; leave the cell empty");
            }
            return new ValidRow(row, about, values, source, null, null);
        }
        if (token.isEmpty()) {
            throw new SourceDataException(file, row.line(), TableDefinition.PASSAGE, "required when the source is a document ('" + slug + "')");
        }
        Passage p = source.passages().get(token);
        if (p == null) {
            throw new SourceDataException(file, row.line(), TableDefinition.PASSAGE, "passage '" + token + "' does not exist in document '"
                    + slug + "' (it has " + source.passages().size() + " passages: " + abbreviate(source.passages().keySet()) + ")");
        }
        if (quote.isEmpty()) {
            throw new SourceDataException(file, row.line(), TableDefinition.EVIDENCE, "required when the source is a document ('" + slug + "')");
        }
        quotesChecked++;
        if (!TextNormalizer.contains(p.text(), quote)) {
            throw new SourceDataException(file, row.line(), TableDefinition.EVIDENCE, "evidence quote not found in passage "
                    + slug + "/p/" + token + ": \"" + quote + "\"");
        }
        return new ValidRow(row, about, values, source, token, evidenceLiteral(t, quote, source.languages().get(token)));
    }

    private static Node evidenceLiteral(TableDefinition t, String quote, String passageLang) {
        Column c = t.schema().column(TableDefinition.EVIDENCE);
        String lang = c != null && c.lang() != null ? c.lang() : passageLang;
        return lang == null ? NodeFactory.createLiteralString(quote) : NodeFactory.createLiteralLang(quote, lang);
    }

    private static String abbreviate(Set<String> tokens) {
        List<String> l = new ArrayList<>(tokens);
        return l.size() <= 8 ? String.join(", ", l) : String.join(", ", l.subList(0, 6)) + ", …, " + l.get(l.size() - 1);
    }
}
