package org.w3id.sijill.imports;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.core.SourceDataException;

/**
 * The countries an import covers, read from a countries table (the project's
 * {@code sources/tables/countries.csv} or any CSV with an ISO alpha-2 column, an M49 column and a
 * boolean membership column): the rows whose membership column is {@code true}, keyed by M49.
 *
 * <pre>{@code
 * Map<String, String> iso2ByM49 = MemberCountries.read(Path.of("sources/tables/countries.csv"),
 *         "iso2", "m49", "arab_league");
 * }</pre>
 */
public final class MemberCountries {
    private MemberCountries() {}

    /**
     * @param table        the countries CSV (header row)
     * @param iso2Column   name of the ISO 3166-1 alpha-2 column
     * @param m49Column    name of the UN M49 column (digits; shorter codes are zero-padded to three)
     * @param memberColumn name of the column marking the rows to take ({@code true}/{@code false})
     * @return ISO alpha-2 code (upper case) by three-digit M49 code, in table order
     */
    public static Map<String, String> read(Path table, String iso2Column, String m49Column, String memberColumn) {
        Map<String, String> out = new LinkedHashMap<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader r = Files.newBufferedReader(table, StandardCharsets.UTF_8);
             CSVParser p = CSVParser.parse(r, format)) {
            for (String col : new String[] {iso2Column, m49Column, memberColumn}) {
                if (!p.getHeaderMap().containsKey(col)) {
                    throw new SourceDataException(table, 1, col, "no such column (header: " + p.getHeaderNames() + ")");
                }
            }
            for (CSVRecord rec : p) {
                long line = rec.getRecordNumber() + 1;
                String member = rec.get(memberColumn).strip();
                if (!member.equals("true") && !member.equals("false")) {
                    throw new SourceDataException(table, line, memberColumn, "expected true or false, found '" + member + "'");
                }
                if (!member.equals("true")) continue;
                String iso2 = rec.get(iso2Column).strip();
                if (!iso2.matches("[A-Z]{2}")) {
                    throw new SourceDataException(table, line, iso2Column, "malformed ISO 3166-1 alpha-2 code '" + iso2 + "'");
                }
                String m49 = rec.get(m49Column).strip();
                if (!m49.matches("[0-9]{1,3}")) {
                    throw new SourceDataException(table, line, m49Column, "malformed UN M49 code '" + m49 + "'");
                }
                m49 = "000".substring(m49.length()) + m49;
                String previous = out.putIfAbsent(m49, iso2);
                if (previous != null) {
                    throw new SourceDataException(table, line, m49Column, "M49 code " + m49 + " also given for " + previous);
                }
            }
        } catch (IOException e) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "cannot read " + table + ": " + e.getMessage(), e);
        } catch (java.io.UncheckedIOException e) {
            throw new SourceDataException(table, 0, null, "malformed CSV: " + e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new SourceDataException(table, 0, null, "malformed CSV: " + e.getMessage());
        }
        if (out.isEmpty()) {
            throw new SourceDataException(table, 0, memberColumn, "no row is marked true");
        }
        return Collections.unmodifiableMap(out);
    }
}
