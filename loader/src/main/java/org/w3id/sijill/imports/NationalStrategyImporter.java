package org.w3id.sijill.imports;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.core.SourceDataException;

/**
 * Reads an inaugural-strategy file in the format of Kostyuk's National Cybersecurity Strategy Data
 * ({@code Countries,DATE,Year,cyb_strategy,total_strategies}: ISO alpha-3 code, the first
 * strategy's publication date {@code YYYYMMDD} or {@code NA}, its year, 1/0 for "has a strategy",
 * the number of strategies) and restates the chosen countries' rows as {@link StrategyClaim}s.
 *
 * <p>Dates keep the precision the dataset's codebook gives them: {@code YYYY0101} means only the
 * year is known ({@code 2017}), {@code YYYYMM01} only the year and month ({@code 2019-06}); any
 * other day is a full date. The raw cell is kept too. The dataset's inconsistencies are kept as
 * notes, not resolved: a strategy with a count of 0, a date without a strategy (or the reverse), a
 * row listed twice with the same values. Two different rows for one country, a malformed cell, or
 * a {@code Year} that contradicts {@code DATE} are errors naming file, line and field. A chosen
 * country without a row gets no claim (reported in the notes): absence is not "no strategy".
 *
 * <pre>{@code
 * Map<String, String> iso2ByIso3 = CountryKeys.read(countries, "iso3", "iso2", "arab_league");
 * NationalStrategyImporter.Result r = NationalStrategyImporter.read(Path.of("inaugural.csv"), iso2ByIso3);
 * }</pre>
 */
public final class NationalStrategyImporter {
    private NationalStrategyImporter() {}

    /**
     * @param claims the claims, ordered by country
     * @param notes  what was not restated (chosen countries without a row), for the person running the import
     */
    public record Result(List<StrategyClaim> claims, List<String> notes) {
        public Result {
            claims = List.copyOf(claims);
            notes = List.copyOf(notes);
        }
    }

    private static final String NA = "NA";

    /**
     * @param csv        the dataset file
     * @param iso2ByIso3 the countries to take: ISO alpha-2 code by ISO alpha-3 code
     */
    public static Result read(Path csv, Map<String, String> iso2ByIso3) {
        CsvInput in = CsvInput.read(csv);
        int code = in.column("Countries");
        int date = in.column("DATE");
        int year = in.column("Year");
        int has = in.column("cyb_strategy");
        int total = in.column("total_strategies");
        Map<String, List<String>> firstCells = new LinkedHashMap<>();
        Map<String, Long> firstLine = new LinkedHashMap<>();
        Map<String, StrategyClaim> claims = new LinkedHashMap<>();
        for (CsvInput.Line l : in.lines()) {
            String iso3 = l.cell(code);
            if (!iso3.matches("[A-Z]{3}")) {
                throw new SourceDataException(csv, l.number(), "Countries", "malformed ISO 3166-1 alpha-3 code '" + iso3 + "'");
            }
            List<String> cells = List.of(l.cell(date), l.cell(year), l.cell(has), l.cell(total));
            if (firstCells.containsKey(iso3)) {
                if (!firstCells.get(iso3).equals(cells)) {
                    throw new SourceDataException(csv, l.number(), "Countries", iso3 + " is listed again with other values (first on line "
                            + firstLine.get(iso3) + ")");
                }
                StrategyClaim c = claims.get(iso3);
                if (c != null) {
                    List<String> notes = new ArrayList<>(c.notes());
                    notes.add("The dataset lists this row twice, with the same values (lines " + firstLine.get(iso3) + " and " + l.number() + ").");
                    claims.put(iso3, new StrategyClaim(c.iso2(), c.hasStrategy(), c.firstDate(), c.sourceDate(), c.strategyCount(), notes));
                }
                continue;
            }
            firstCells.put(iso3, cells);
            firstLine.put(iso3, l.number());
            String iso2 = iso2ByIso3.get(iso3);
            if (iso2 == null) continue;
            claims.put(iso3, claim(csv, l, iso2, cells));
        }
        List<String> notes = new ArrayList<>();
        for (Map.Entry<String, String> e : iso2ByIso3.entrySet()) {
            if (!claims.containsKey(e.getKey())) notes.add(e.getKey() + " (" + e.getValue() + ") has no row in " + csv + ": no claim recorded");
        }
        List<StrategyClaim> out = new ArrayList<>(claims.values());
        out.sort(Comparator.comparing(StrategyClaim::iso2));
        return new Result(out, notes);
    }

    private static StrategyClaim claim(Path csv, CsvInput.Line l, String iso2, List<String> cells) {
        String rawDate = cells.get(0);
        String rawYear = cells.get(1);
        String rawHas = cells.get(2);
        String rawTotal = cells.get(3);
        List<String> notes = new ArrayList<>();
        if (!rawHas.equals("0") && !rawHas.equals("1")) {
            throw new SourceDataException(csv, l.number(), "cyb_strategy", "expected 0 or 1, found '" + rawHas + "'");
        }
        boolean has = rawHas.equals("1");
        String first = null;
        if (rawDate.equals(NA)) {
            if (!rawYear.equals(NA)) throw new SourceDataException(csv, l.number(), "Year", "year '" + rawYear + "' without a DATE");
        } else {
            first = datePrecise(csv, l, rawDate);
            if (!rawYear.equals(rawDate.substring(0, 4))) {
                throw new SourceDataException(csv, l.number(), "Year", "year '" + rawYear + "' does not match DATE '" + rawDate + "'");
            }
            if (first.length() == 4) notes.add("DATE " + rawDate + ": by the dataset's codebook, YYYY0101 means only the year is known.");
            else if (first.length() == 7) notes.add("DATE " + rawDate + ": by the dataset's codebook, YYYYMM01 means only the year and month are known.");
        }
        Integer count = null;
        if (!rawTotal.equals(NA)) {
            if (!rawTotal.matches("[0-9]+")) {
                throw new SourceDataException(csv, l.number(), "total_strategies", "expected a count or NA, found '" + rawTotal + "'");
            }
            count = Integer.valueOf(rawTotal);
        }
        if (has && first == null) notes.add("The dataset records a strategy (cyb_strategy 1) but no date (NA); kept as given.");
        if (!has && first != null) notes.add("The dataset gives a date (" + rawDate + ") but records no strategy (cyb_strategy 0); kept as given.");
        if (has && count != null && count == 0) {
            notes.add("The dataset records a first strategy (cyb_strategy 1, DATE " + rawDate + ") but a count of 0 strategies (total_strategies 0); both kept as given.");
        }
        return new StrategyClaim(iso2, has, first, rawDate, count, notes);
    }

    /** @return {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD} by the codebook's conventions */
    static String datePrecise(Path csv, CsvInput.Line l, String raw) {
        if (!raw.matches("[0-9]{8}")) {
            throw new SourceDataException(csv, l.number(), "DATE", "expected YYYYMMDD or NA, found '" + raw + "'");
        }
        String y = raw.substring(0, 4);
        String m = raw.substring(4, 6);
        String d = raw.substring(6, 8);
        try {
            LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
        } catch (DateTimeException e) {
            throw new SourceDataException(csv, l.number(), "DATE", "not a date: '" + raw + "'");
        }
        if (m.equals("01") && d.equals("01")) return y;
        if (d.equals("01")) return y + "-" + m;
        return y + "-" + m + "-" + d;
    }

    /** Header of the project table. */
    public static final List<String> TABLE_COLUMNS =
            List.of("country", "has_strategy", "first_date", "strategy_count", "source_date", "note_en", "note_ar", "source");

    /** The Arabic of each kind of note the importer writes (an editorial translation: it states nothing more). */
    private static final List<Map.Entry<java.util.regex.Pattern, String>> ARABIC = List.of(
            Map.entry(java.util.regex.Pattern.compile("DATE ([0-9]{8}): by the dataset's codebook, YYYY0101 means only the year is known\\."),
                    "DATE $1: بحسب دليل ترميز مجموعة البيانات، تعني الصيغة YYYY0101 أن السنة وحدها معروفة."),
            Map.entry(java.util.regex.Pattern.compile("DATE ([0-9]{8}): by the dataset's codebook, YYYYMM01 means only the year and month are known\\."),
                    "DATE $1: بحسب دليل ترميز مجموعة البيانات، تعني الصيغة YYYYMM01 أن السنة والشهر وحدهما معروفان."),
            Map.entry(java.util.regex.Pattern.compile("The dataset records a strategy \\(cyb_strategy 1\\) but no date \\(NA\\); kept as given\\."),
                    "تسجّل مجموعة البيانات استراتيجية (cyb_strategy 1) لكن دون تاريخ (NA)؛ أُبقي على ذلك كما ورد."),
            Map.entry(java.util.regex.Pattern.compile("The dataset gives a date \\(([0-9]{8})\\) but records no strategy \\(cyb_strategy 0\\); kept as given\\."),
                    "تعطي مجموعة البيانات تاريخاً ($1) لكنها لا تسجّل استراتيجية (cyb_strategy 0)؛ أُبقي على ذلك كما ورد."),
            Map.entry(java.util.regex.Pattern.compile("The dataset records a first strategy \\(cyb_strategy 1, DATE ([0-9]{8})\\) but a count of 0 strategies "
                    + "\\(total_strategies 0\\); both kept as given\\."),
                    "تسجّل مجموعة البيانات استراتيجية أولى (cyb_strategy 1، DATE $1) لكن عدد الاستراتيجيات فيها 0 (total_strategies 0)؛ أُبقي على القيمتين كما وردتا."),
            Map.entry(java.util.regex.Pattern.compile("The dataset lists this row twice, with the same values \\(lines ([0-9]+) and ([0-9]+)\\)\\."),
                    "تورد مجموعة البيانات هذا الصف مرتين بالقيم نفسها (السطران $1 و$2)."));

    /**
     * @param note a note the importer writes, in English
     * @return the same note in Arabic
     * @throws SijillException when the note is not one the importer writes (a new kind of note needs its Arabic here)
     */
    public static String arabic(String note) {
        for (Map.Entry<java.util.regex.Pattern, String> e : ARABIC) {
            java.util.regex.Matcher m = e.getKey().matcher(note);
            if (m.matches()) return m.replaceAll(e.getValue());
        }
        throw new SijillException(SijillException.Kind.ENVIRONMENT, "no Arabic for the note '" + note + "'");
    }

    /**
     * Writes the claims as the project table.
     *
     * @param claims     the claims
     * @param table      the table file, e.g. {@code sources/tables/national-strategies.csv}
     * @param sourceSlug slug of the external source (the dataset)
     */
    public static void write(List<StrategyClaim> claims, Path table, String sourceSlug) {
        if (!sourceSlug.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new SijillException(SijillException.Kind.BAD_INPUT, "malformed source slug '" + sourceSlug + "'");
        }
        List<List<String>> rows = claims.stream().map(c -> List.of(c.iso2(), Boolean.toString(c.hasStrategy()),
                c.firstDate() == null ? "" : c.firstDate(), c.strategyCount() == null ? "" : c.strategyCount().toString(),
                c.sourceDate(), String.join(" ", c.notes()), String.join(" ", c.notes().stream().map(NationalStrategyImporter::arabic).toList()),
                sourceSlug)).toList();
        TableFile.write(table, TABLE_COLUMNS, rows);
    }
}
