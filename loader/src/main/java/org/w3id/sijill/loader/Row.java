package org.w3id.sijill.loader;

import java.nio.file.Path;
import java.util.Map;

/**
 * One data row of a CSV table: its file, the line it starts on and its cells by column name
 * (empty cells are empty strings, never {@code null}).
 *
 * <pre>{@code
 * String iso2 = row.cell("iso2");
 * }</pre>
 */
public record Row(Path file, long line, Map<String, String> cells) {

    /** @return the trimmed cell text, or {@code ""} when the cell is empty or absent */
    public String cell(String column) {
        String v = cells.get(column);
        return v == null ? "" : v.trim();
    }
}
