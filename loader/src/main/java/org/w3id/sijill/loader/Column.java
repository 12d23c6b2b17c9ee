package org.w3id.sijill.loader;

/**
 * One column of a table, as its CSVW metadata describes it.
 *
 * @param name         column name, equal to the CSV header
 * @param required     an empty cell is an error
 * @param base         datatype base: string, integer, boolean, date, gYear, gYearMonth, anyURI
 * @param format       a regular expression the cell must match, or {@code null}
 * @param lang         language tag of the literal, or {@code null}
 * @param separator    list separator, or {@code null} for a single value
 * @param valueUrl     URI template whose expansion is the cell's IRI, or {@code null}
 * @param scheme       concept scheme the values are notations of, or {@code null}
 * @param datatypeFromShape the cell is typed xsd:date, xsd:gYearMonth or xsd:gYear by its shape
 * @param displayName  ({@code "sijill:displayName": true}) the column holds a display name the Sijill editors
 *                     write (a title or translation): a value the cited document does not contain is an
 *                     editorial statement of the {@code sijill-editors} source, not a statement of the document
 *
 * <pre>{@code
 * if (column.isList()) for (String v : column.split(cell)) ...
 * }</pre>
 */
public record Column(String name, boolean required, String base, String format, String lang, String separator,
                     String valueUrl, String scheme, boolean datatypeFromShape, boolean displayName) {

    /** A column without the display-name mark. */
    public Column(String name, boolean required, String base, String format, String lang, String separator,
                  String valueUrl, String scheme, boolean datatypeFromShape) {
        this(name, required, base, format, lang, separator, valueUrl, scheme, datatypeFromShape, false);
    }

    /** @return whether the column holds a list of values */
    public boolean isList() { return separator != null; }

    /** @return the cell's values: one for a plain column, the trimmed non-empty items of a list */
    public java.util.List<String> split(String cell) {
        if (cell.isEmpty()) return java.util.List.of();
        if (!isList()) return java.util.List.of(cell);
        return java.util.Arrays.stream(cell.split(java.util.regex.Pattern.quote(separator)))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
