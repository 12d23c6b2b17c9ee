package org.w3id.sijill.imports;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.w3id.sijill.core.SourceDataException;

/**
 * The countries an import covers, keyed by the column a source uses to name them (an English
 * name, an ISO alpha-3 code): the rows of a countries table (the project's
 * {@code sources/tables/countries.csv} or any CSV with these columns) whose boolean membership
 * column is {@code true}, mapped to their ISO 3166-1 alpha-2 code.
 *
 * <pre>{@code
 * Map<String, String> iso2ByName = CountryKeys.read(Path.of("sources/tables/countries.csv"),
 *         "name_en", "iso2", "arab_league");   // "State of Palestine" -> "PS"
 * }</pre>
 */
public final class CountryKeys {
    private CountryKeys() {}

    /**
     * @param table        the countries CSV (header row)
     * @param keyColumn    the column whose values the source uses (matched exactly, after stripping)
     * @param iso2Column   the ISO 3166-1 alpha-2 column
     * @param memberColumn the column marking the rows to take ({@code true}/{@code false})
     * @return ISO alpha-2 code by key, in table order
     */
    public static Map<String, String> read(Path table, String keyColumn, String iso2Column, String memberColumn) {
        CsvInput in = CsvInput.read(table);
        int key = in.column(keyColumn);
        int iso2 = in.column(iso2Column);
        int member = in.column(memberColumn);
        Map<String, String> out = new LinkedHashMap<>();
        for (CsvInput.Line l : in.lines()) {
            String m = l.cell(member);
            if (!m.equals("true") && !m.equals("false")) {
                throw new SourceDataException(table, l.number(), memberColumn, "expected true or false, found '" + m + "'");
            }
            if (m.equals("false")) continue;
            String code = l.cell(iso2);
            if (!code.matches("[A-Z]{2}")) {
                throw new SourceDataException(table, l.number(), iso2Column, "malformed ISO 3166-1 alpha-2 code '" + code + "'");
            }
            String k = l.cell(key);
            if (k.isEmpty()) throw new SourceDataException(table, l.number(), keyColumn, "empty key for " + code);
            String previous = out.putIfAbsent(k, code);
            if (previous != null) {
                throw new SourceDataException(table, l.number(), keyColumn, "'" + k + "' also names " + previous);
            }
        }
        if (out.isEmpty()) throw new SourceDataException(table, 0, memberColumn, "no row is marked true");
        return Collections.unmodifiableMap(out);
    }
}
