package org.w3id.sijill.imports;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3id.sijill.core.SourceDataException;

/**
 * Reads a hand transcription of the ITU Global Cybersecurity Index in the SSPI project's format
 * ({@code Country,2014,Globa Rank,2017,Global Rank,…,2024,Global Rank,}: a country name, then for
 * each edition a score column headed by its year followed by a rank column) and returns the scores
 * of the chosen countries. Only the scores are taken: the rank columns are not read (the 2024
 * "rank" is the transcriber's own ordering, ITU published tiers). A cell {@code #N/A} (or empty) is
 * "not available" and gives no score (reported in the notes); a score outside its edition's scale
 * (0–1 before 2020, 0–100 from 2020), a malformed number, a duplicate country or a chosen country
 * without a row is an error naming file, line and field.
 *
 * <pre>{@code
 * Map<String, String> iso2ByName = CountryKeys.read(countries, "name_en", "iso2", "arab_league");
 * GciTranscriptionImporter.Result r = GciTranscriptionImporter.read(Path.of("gci.csv"), iso2ByName);
 * }</pre>
 */
public final class GciTranscriptionImporter {
    private GciTranscriptionImporter() {}

    /**
     * @param scores the scores, ordered by country then edition
     * @param notes  what was not restated, for the person running the import
     */
    public record Result(List<GciScore> scores, List<String> notes) {
        public Result {
            scores = List.copyOf(scores);
            notes = List.copyOf(notes);
        }
    }

    private static final String NOT_AVAILABLE = "#N/A";

    /**
     * @param csv        the transcription
     * @param iso2ByName the countries to take: ISO alpha-2 code by the name the transcription uses
     */
    public static Result read(Path csv, Map<String, String> iso2ByName) {
        CsvInput in = CsvInput.read(csv);
        int country = in.column("Country");
        Map<Integer, Integer> editions = new java.util.LinkedHashMap<>();
        for (int i = 0; i < in.header().size(); i++) {
            String h = in.header().get(i);
            if (h.matches("(19|20)[0-9]{2}")) editions.put(i, Integer.parseInt(h));
        }
        if (editions.isEmpty()) throw new SourceDataException(csv, 1, null, "no edition column (a year such as 2020) in the header " + in.header());
        List<GciScore> out = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        for (CsvInput.Line l : in.lines()) {
            String name = l.cell(country);
            Long first = seen.putIfAbsent(name, l.number());
            if (first != null) throw new SourceDataException(csv, l.number(), "Country", "'" + name + "' is listed twice (first on line " + first + ")");
            String iso2 = iso2ByName.get(name);
            if (iso2 == null) continue;
            for (Map.Entry<Integer, Integer> e : editions.entrySet()) {
                int edition = e.getValue();
                String field = Integer.toString(edition);
                String cell = l.cell(e.getKey());
                if (cell.isEmpty() || cell.equals(NOT_AVAILABLE)) {
                    notes.add(name + " (" + iso2 + ") " + edition + ": '" + cell + "' in the transcription, no score recorded");
                    continue;
                }
                if (!cell.matches("[0-9]+(\\.[0-9]+)?")) {
                    throw new SourceDataException(csv, l.number(), field, "malformed score '" + cell + "' (expected a decimal number or #N/A)");
                }
                if (new BigDecimal(cell).compareTo(BigDecimal.valueOf(GciScore.maxOf(edition))) > 0) {
                    throw new SourceDataException(csv, l.number(), field, "score " + cell + " is above the top of the " + edition
                            + " scale (" + GciScore.maxOf(edition) + ")");
                }
                out.add(new GciScore(iso2, edition, cell, GciScore.scaleOf(edition)));
            }
        }
        Set<String> missing = new LinkedHashSet<>(iso2ByName.keySet());
        missing.removeAll(seen.keySet());
        if (!missing.isEmpty()) {
            throw new SourceDataException(csv, 0, "Country", "no row for the chosen countries " + missing);
        }
        out.sort(Comparator.comparing(GciScore::iso2).thenComparing(GciScore::edition));
        return new Result(out, notes);
    }

    /** Header of the project table. */
    public static final List<String> TABLE_COLUMNS = List.of("country", "edition", "score", "scale", "dataset", "publisher", "source");

    /**
     * Writes the scores as the project table.
     *
     * @param scores     the scores
     * @param table      the table file, e.g. {@code sources/tables/gci-scores.csv}
     * @param dataset    slug of the data set the scores belong to (e.g. {@code itu-gci})
     * @param publisher  slug of the organization that publishes the index (e.g. {@code itu})
     * @param sourceSlug slug of the external source the figures were taken from (the transcription)
     */
    public static void write(List<GciScore> scores, Path table, String dataset, String publisher, String sourceSlug) {
        for (String slug : List.of(dataset, publisher, sourceSlug)) {
            if (!slug.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                throw new org.w3id.sijill.core.SijillException(org.w3id.sijill.core.SijillException.Kind.BAD_INPUT, "malformed slug '" + slug + "'");
            }
        }
        List<List<String>> rows = scores.stream()
                .map(s -> List.of(s.iso2(), Integer.toString(s.edition()), s.score(), s.scale(), dataset, publisher, sourceSlug)).toList();
        TableFile.write(table, TABLE_COLUMNS, rows);
    }
}
