package org.w3id.sijill.core;

import java.nio.file.Path;

/**
 * Bad source input, located at a file, a line and a field so that a maintainer can fix it at
 * once. The message reads {@code sources/tables/laws.csv:12: field 'year': malformed year 'x'}.
 *
 * <pre>{@code
 * throw new SourceDataException(file, 12, "year", "malformed year '20x8' (expected YYYY)");
 * }</pre>
 */
public class SourceDataException extends SijillException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;
    private final String field;

    /**
     * @param file  the offending file
     * @param line  1-based line number, or 0 when the problem concerns the whole file
     * @param field the column or field name, or {@code null}
     * @param problem what is wrong, in plain words
     */
    public SourceDataException(Path file, long line, String field, String problem) {
        super(Kind.BAD_INPUT, format(file, line, field, problem));
        this.file = file;
        this.line = line;
        this.field = field;
    }

    private static String format(Path file, long line, String field, String problem) {
        StringBuilder sb = new StringBuilder(String.valueOf(file));
        if (line > 0) sb.append(':').append(line);
        sb.append(": ");
        if (field != null) sb.append("field '").append(field).append("': ");
        return sb.append(problem).toString();
    }

    public Path file() { return file; }

    public long line() { return line; }

    public String field() { return field; }
}
