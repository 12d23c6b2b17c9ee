package org.w3id.sijill.loader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonException;
import org.apache.jena.atlas.json.JsonParseException;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.w3id.sijill.core.SourceDataException;

/**
 * A table's description read from its CSV on the Web metadata file ({@code <t>.csv-metadata.json}):
 * {@code url}, {@code tableSchema.aboutUrl}, {@code primaryKey}, {@code columns},
 * {@code foreignKeys}. Only the properties listed in {@code sources/README.md} are understood;
 * anything else is an error naming the file and the property.
 *
 * <pre>{@code
 * TableSchema schema = TableSchema.read(Path.of("sources/tables/countries.csv-metadata.json"));
 * Column iso2 = schema.column("iso2");
 * }</pre>
 */
public record TableSchema(Path metadataFile, String url, String aboutUrl, String primaryKey,
                          Map<String, Column> columns, List<ForeignKey> foreignKeys) {

    /** A foreign key: the values of {@code column} must occur in {@code resource}'s {@code targetColumn}. */
    public record ForeignKey(String column, String resource, String targetColumn) {}

    private static final Pattern COLUMN_NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Set<String> TOP = Set.of("@context", "url", "tableSchema", "dc:description", "dc:title",
            "dcterms:description", "dcterms:title", "rdfs:comment");
    private static final Set<String> SCHEMA = Set.of("aboutUrl", "primaryKey", "columns", "foreignKeys");
    private static final Set<String> COLUMN = Set.of("name", "required", "datatype", "lang", "separator", "valueUrl",
            "sijill:scheme", "sijill:datatypeFrom", "sijill:displayName", "titles", "dc:description", "rdfs:comment");
    private static final Set<String> BASES = Set.of("string", "integer", "boolean", "date", "gYear", "gYearMonth", "anyURI");
    private static final Set<String> LANGS = Set.of("en", "ar", "fr");

    /** @return the column named {@code name}, or {@code null} */
    public Column column(String name) { return columns.get(name); }

    /** Reads and checks a metadata file. */
    public static TableSchema read(Path file) {
        JsonObject root;
        try {
            JsonValue v = JSON.parseAny(TextFiles.readUtf8(file));
            if (!v.isObject()) throw new SourceDataException(file, 1, null, "metadata must be a JSON object");
            root = v.getAsObject();
        } catch (JsonParseException e) {
            throw new SourceDataException(file, Math.max(e.getLine(), 1), null, "not valid JSON at column " + Math.max(e.getColumn(), 1)
                    + ": " + plain(e.getMessage()));
        } catch (JsonException e) {
            throw new SourceDataException(file, 1, null, "not valid JSON: " + plain(e.getMessage()));
        }
        checkKeys(file, root, TOP, "table");
        String url = string(file, root, "url", true);
        JsonObject schema = object(file, root, "tableSchema");
        checkKeys(file, schema, SCHEMA, "tableSchema");
        String aboutUrl = string(file, schema, "aboutUrl", true);
        String primaryKey = string(file, schema, "primaryKey", false);
        if (!schema.hasKey("columns") || !schema.get("columns").isArray()) {
            throw new SourceDataException(file, 0, "tableSchema.columns", "missing or not an array");
        }
        Map<String, Column> columns = new LinkedHashMap<>();
        for (JsonValue cv : schema.get("columns").getAsArray()) {
            if (!cv.isObject()) throw new SourceDataException(file, 0, "tableSchema.columns", "each column must be an object");
            Column c = column(file, cv.getAsObject());
            if (columns.put(c.name(), c) != null) {
                throw new SourceDataException(file, 0, c.name(), "column declared twice");
            }
        }
        if (primaryKey != null && !columns.containsKey(primaryKey)) {
            throw new SourceDataException(file, 0, "primaryKey", "names no declared column: '" + primaryKey + "'");
        }
        for (String var : UriTemplate.variables(aboutUrl)) {
            if (!columns.containsKey(var)) {
                throw new SourceDataException(file, 0, "aboutUrl", "template variable {" + var + "} names no declared column");
            }
        }
        for (Column c : columns.values()) {
            if (c.valueUrl() == null) continue;
            for (String var : UriTemplate.variables(c.valueUrl())) {
                if (!columns.containsKey(var)) {
                    throw new SourceDataException(file, 0, c.name(), "valueUrl variable {" + var + "} names no declared column");
                }
            }
        }
        List<ForeignKey> fks = new ArrayList<>();
        if (schema.hasKey("foreignKeys")) {
            JsonValue fv = schema.get("foreignKeys");
            if (!fv.isArray()) throw new SourceDataException(file, 0, "foreignKeys", "must be an array");
            for (JsonValue f : fv.getAsArray()) fks.add(foreignKey(file, f, columns));
        }
        return new TableSchema(file, url, aboutUrl, primaryKey, columns, List.copyOf(fks));
    }

    private static ForeignKey foreignKey(Path file, JsonValue f, Map<String, Column> columns) {
        if (!f.isObject()) throw new SourceDataException(file, 0, "foreignKeys", "each foreign key must be an object");
        JsonObject o = f.getAsObject();
        checkKeys(file, o, Set.of("columnReference", "reference"), "foreignKeys");
        String col = string(file, o, "columnReference", true);
        if (!columns.containsKey(col)) {
            throw new SourceDataException(file, 0, "foreignKeys", "columnReference names no declared column: '" + col + "'");
        }
        JsonObject ref = object(file, o, "reference");
        checkKeys(file, ref, Set.of("resource", "columnReference"), "foreignKeys.reference");
        return new ForeignKey(col, string(file, ref, "resource", true), string(file, ref, "columnReference", true));
    }

    private static Column column(Path file, JsonObject o) {
        String name = string(file, o, "name", true);
        if (!COLUMN_NAME.matcher(name).matches()) {
            throw new SourceDataException(file, 0, name, "column name must match [a-z][a-z0-9_]*");
        }
        for (String k : o.keys()) {
            if (!COLUMN.contains(k)) {
                throw new SourceDataException(file, 0, name, "unknown column property '" + k + "' (known: " + COLUMN + ")");
            }
        }
        boolean required = o.hasKey("required") && bool(file, o, "required", name);
        String base = "string";
        String format = null;
        if (o.hasKey("datatype")) {
            JsonValue d = o.get("datatype");
            if (d.isString()) {
                base = d.getAsString().value();
            } else if (d.isObject()) {
                JsonObject dob = d.getAsObject();
                for (String k : dob.keys()) {
                    if (!Set.of("base", "format").contains(k)) {
                        throw new SourceDataException(file, 0, name, "unknown datatype property '" + k + "'");
                    }
                }
                base = dob.hasKey("base") ? string(file, dob, "base", true) : "string";
                format = dob.hasKey("format") ? string(file, dob, "format", true) : null;
                if (format != null) {
                    try {
                        Pattern.compile(format);
                    } catch (PatternSyntaxException e) {
                        throw new SourceDataException(file, 0, name, "datatype format is not a valid regular expression: " + e.getDescription());
                    }
                }
            } else {
                throw new SourceDataException(file, 0, name, "datatype must be a string or an object");
            }
            if (!BASES.contains(base)) {
                throw new SourceDataException(file, 0, name, "unknown datatype '" + base + "' (known: " + BASES + ")");
            }
        }
        String lang = o.hasKey("lang") ? string(file, o, "lang", true) : null;
        if (lang != null && !LANGS.contains(lang)) {
            throw new SourceDataException(file, 0, name, "unsupported lang '" + lang + "' (known: " + LANGS + ")");
        }
        String separator = o.hasKey("separator") ? string(file, o, "separator", true) : null;
        String valueUrl = o.hasKey("valueUrl") ? string(file, o, "valueUrl", true) : null;
        String scheme = o.hasKey("sijill:scheme") ? string(file, o, "sijill:scheme", true) : null;
        boolean fromShape = false;
        if (o.hasKey("sijill:datatypeFrom")) {
            JsonValue df = o.get("sijill:datatypeFrom");
            fromShape = df.isString() || (df.isBoolean() && df.getAsBoolean().value());
        }
        boolean displayName = false;
        if (o.hasKey("sijill:displayName")) {
            JsonValue dn = o.get("sijill:displayName");
            if (!dn.isBoolean()) throw new SourceDataException(file, 0, name, "sijill:displayName must be true or false");
            displayName = dn.getAsBoolean().value();
        }
        if (displayName && (lang == null || valueUrl != null || scheme != null)) {
            throw new SourceDataException(file, 0, name, "sijill:displayName applies to language-tagged literal columns only");
        }
        if (valueUrl != null && scheme != null) {
            throw new SourceDataException(file, 0, name, "a column has either valueUrl or sijill:scheme, not both");
        }
        if ((lang != null) && (valueUrl != null || scheme != null)) {
            throw new SourceDataException(file, 0, name, "lang applies to literals only, not with valueUrl or sijill:scheme");
        }
        return new Column(name, required, base, format, lang, separator, valueUrl, scheme, fromShape, displayName);
    }

    private static void checkKeys(Path file, JsonObject o, Set<String> allowed, String where) {
        for (String k : o.keys()) {
            if (!allowed.contains(k)) {
                throw new SourceDataException(file, 0, where, "unknown property '" + k + "' (known: " + allowed + ")");
            }
        }
    }

    private static String string(Path file, JsonObject o, String key, boolean required) {
        if (!o.hasKey(key)) {
            if (required) throw new SourceDataException(file, 0, key, "missing");
            return null;
        }
        JsonValue v = o.get(key);
        if (!v.isString()) throw new SourceDataException(file, 0, key, "must be a string");
        return v.getAsString().value();
    }

    private static boolean bool(Path file, JsonObject o, String key, String column) {
        JsonValue v = o.get(key);
        if (!v.isBoolean()) throw new SourceDataException(file, 0, column, key + " must be true or false");
        return v.getAsBoolean().value();
    }

    private static JsonObject object(Path file, JsonObject o, String key) {
        if (!o.hasKey(key) || !o.get(key).isObject()) throw new SourceDataException(file, 0, key, "missing or not an object");
        return o.get(key).getAsObject();
    }


    /** The parser's words for a token ({@code [COMMA]}) as plain text. */
    private static String plain(String message) {
        return message == null ? "malformed" : message.replace("Not a key for a JSON object", "expected a quoted key")
                .replaceAll("\\[([A-Z]+)\\]", "$1").replace("COMMA", "','").replace("RBRACE", "'}'").replace("RBRACKET", "']'");
    }

    /** @return the line of {@code metadata} where {@code token} first occurs (1 when absent) */
    static long lineOf(Path metadata, String token) {
        String[] lines = TextFiles.readUtf8(metadata).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(token)) return i + 1;
        }
        return 1;
    }
}
