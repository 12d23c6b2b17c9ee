package org.w3id.sijill.imports;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.core.SourceDataException;

/**
 * Reads the data behind the UNCTAD Global Cyberlaw Tracker — {@code data.csv} (one row per economy,
 * keyed by UN M49 code, one status column per law category) and {@code document_links.json} (per
 * M49 code and category: {@code false} or a list of {@code [url, title]}) — and restates the cells
 * of the chosen countries as {@link TrackerClaim}s. Economies not in the chosen set are skipped; a
 * chosen country missing from {@code data.csv} is an error (its five claims would silently vanish);
 * a chosen country missing from the links file gets its claims without cited instruments; a cell
 * whose status is "No Legislation" or "No Data" but whose links cite instruments keeps both the status
 * and the citations, as the tracker states them (both reported in {@link TrackerImport#notes()}).
 *
 * <p>The tracker's quirks are resolved here, not copied: titles carry HTML ({@code <br>},
 * entities) and are turned into plain text; links carry HTML entities ({@code &amp;amp;}) and
 * are unescaped; a link written {@code #} means "no link"; a list element that is a bare status
 * word ({@code "No Data"}) or an empty string is a marker, not an instrument.
 *
 * <pre>{@code
 * Map<String, String> members = MemberCountries.read(countries, "iso2", "m49", "arab_league_member");
 * List<TrackerClaim> claims = UnctadTrackerImporter.read(dataCsv, linksJson, members);
 * }</pre>
 */
public final class UnctadTrackerImporter {
    private UnctadTrackerImporter() {}

    /**
     * @param dataCsv   the tracker's {@code data.csv}
     * @param linksJson the tracker's {@code document_links.json}
     * @param iso2ByM49 the countries to take: ISO alpha-2 code by three-digit M49 code
     * @return one claim per chosen country and category, ordered by ISO code then category, with
     *         notes on what was left out (chosen countries absent from the links file, link fields
     *         holding text instead of an address)
     */
    public static TrackerImport read(Path dataCsv, Path linksJson, Map<String, String> iso2ByM49) {
        List<String> notes = new ArrayList<>();
        Map<String, Map<UnctadCategory, UnctadStatus>> statuses = readStatuses(dataCsv, iso2ByM49.keySet());
        Set<String> missing = new LinkedHashSet<>(iso2ByM49.keySet());
        missing.removeAll(statuses.keySet());
        if (!missing.isEmpty()) {
            List<String> names = missing.stream().map(m -> m + " (" + iso2ByM49.get(m) + ")").toList();
            throw new SourceDataException(dataCsv, 0, "code", "no row for the chosen countries " + names);
        }
        JsonObject links = readJson(linksJson);
        List<TrackerClaim> claims = new ArrayList<>();
        for (Map.Entry<String, String> country : iso2ByM49.entrySet()) {
            String m49 = country.getKey();
            JsonElement entry = links.get(m49);
            if (entry == null) {
                notes.add(m49 + " (" + country.getValue() + ") is not in " + linksJson + ": its claims cite no instrument");
            } else if (!entry.isJsonObject()) {
                throw new SourceDataException(linksJson, 0, m49, "expected an object");
            }
            for (UnctadCategory category : UnctadCategory.values()) {
                List<CitedInstrument> cited = entry == null ? List.of()
                        : instruments(linksJson, m49, category, entry.getAsJsonObject().get(category.label()), notes);
                UnctadStatus status = statuses.get(m49).get(category);
                if (!cited.isEmpty() && !status.citesLegislation()) {
                    // the tracker says "no legislation" (or "no data") and yet cites documents: both are what it states
                    notes.add(m49 + "/" + category.label() + ": status '" + status.label() + "' but the links file cites "
                            + cited.stream().map(c -> "'" + c.title() + "'").toList() + "; both are kept as the tracker states them");
                }
                claims.add(new TrackerClaim(country.getValue(), m49, category, status, cited));
            }
        }
        claims.sort(Comparator.comparing(TrackerClaim::iso2).thenComparing(TrackerClaim::category));
        return new TrackerImport(claims, notes);
    }

    private static Map<String, Map<UnctadCategory, UnctadStatus>> readStatuses(Path dataCsv, Set<String> wanted) {
        Map<String, Map<UnctadCategory, UnctadStatus>> out = new HashMap<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader r = Files.newBufferedReader(dataCsv, StandardCharsets.UTF_8);
             CSVParser p = CSVParser.parse(r, format)) {
            List<String> required = new ArrayList<>();
            required.add("code");
            for (UnctadCategory c : UnctadCategory.values()) required.add(c.label());
            for (String col : required) {
                if (!p.getHeaderMap().containsKey(col)) {
                    throw new SourceDataException(dataCsv, 1, col, "missing column (header: " + p.getHeaderNames() + ")");
                }
            }
            Set<String> seen = new java.util.HashSet<>();
            for (CSVRecord rec : p) {
                long line = rec.getRecordNumber() + 1;
                String code = rec.get("code").strip();
                if (!code.matches("[0-9]{3}")) {
                    throw new SourceDataException(dataCsv, line, "code", "malformed M49 code '" + code + "' (expected three digits)");
                }
                if (!seen.add(code)) {
                    throw new SourceDataException(dataCsv, line, "code", "duplicate M49 code " + code);
                }
                if (!wanted.contains(code)) continue;
                Map<UnctadCategory, UnctadStatus> row = new java.util.EnumMap<>(UnctadCategory.class);
                for (UnctadCategory c : UnctadCategory.values()) {
                    String cell = rec.get(c.label());
                    UnctadStatus s = UnctadStatus.fromLabel(cell).orElseThrow(() -> new SourceDataException(
                            dataCsv, line, c.label(), "unknown status '" + cell + "' (expected one of "
                                    + java.util.Arrays.stream(UnctadStatus.values()).map(UnctadStatus::label).toList() + ")"));
                    row.put(c, s);
                }
                out.put(code, row);
            }
        } catch (IOException e) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "cannot read " + dataCsv + ": " + e.getMessage(), e);
        } catch (java.io.UncheckedIOException e) {
            throw new SourceDataException(dataCsv, 0, null, "malformed CSV: " + e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new SourceDataException(dataCsv, 0, null, "malformed CSV: " + e.getMessage());
        }
        return out;
    }

    private static JsonObject readJson(Path linksJson) {
        JsonElement root;
        try (Reader in = Files.newBufferedReader(linksJson, StandardCharsets.UTF_8)) {
            root = JsonParser.parseReader(in);
        } catch (IOException e) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "cannot read " + linksJson + ": " + e.getMessage(), e);
        } catch (JsonParseException e) {
            throw new SourceDataException(linksJson, 0, null, "malformed JSON: " + e.getMessage());
        }
        if (!root.isJsonObject()) {
            throw new SourceDataException(linksJson, 0, null, "expected an object keyed by M49 code");
        }
        return root.getAsJsonObject();
    }

    private static List<CitedInstrument> instruments(Path file, String m49, UnctadCategory category, JsonElement cell, List<String> notes) {
        String field = m49 + "/" + category.label();
        if (cell == null || isFalse(cell)) return List.of();
        if (!cell.isJsonArray()) {
            throw new SourceDataException(file, 0, field, "expected false or a list of [url, title], found " + cell);
        }
        List<CitedInstrument> out = new ArrayList<>();
        JsonArray list = cell.getAsJsonArray();
        for (JsonElement element : list) {
            if (isString(element)) {
                String marker = element.getAsString();
                if (marker.isBlank() || UnctadStatus.fromLabel(marker).isPresent()) continue;
                throw new SourceDataException(file, 0, field, "unexpected text '" + marker + "' where an instrument [url, title] belongs");
            }
            if (!element.isJsonArray() || element.getAsJsonArray().size() != 2
                    || !isString(element.getAsJsonArray().get(0)) || !isString(element.getAsJsonArray().get(1))) {
                throw new SourceDataException(file, 0, field, "expected an instrument [url, title], found " + element);
            }
            String title = plainText(element.getAsJsonArray().get(1).getAsString());
            if (title.isEmpty()) {
                throw new SourceDataException(file, 0, field, "instrument without a title: " + element);
            }
            String raw = element.getAsJsonArray().get(0).getAsString();
            String link = link(file, field, raw);
            if (link == null && !raw.isBlank() && !raw.strip().equals("#")) {
                notes.add(field + ": the link field of '" + title + "' holds text, not an address ('" + raw.strip() + "'); recorded without a link");
            }
            out.add(new CitedInstrument(title, link));
        }
        return out;
    }

    private static boolean isFalse(JsonElement e) {
        return e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean() && !e.getAsBoolean();
    }

    private static boolean isString(JsonElement e) {
        return e.isJsonPrimitive() && e.getAsJsonPrimitive().isString();
    }

    /** @return the text of an HTML fragment: tags dropped ({@code <br>} becomes a blank), entities resolved, blanks folded */
    static String plainText(String html) {
        String text = Jsoup.parseBodyFragment(html.replaceAll("(?i)<br\\s*/?>", " ")).body().text();
        return text.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    }

    /**
     * @return the link as an IRI string, or {@code null} for the tracker's "no link": {@code #},
     *         blank, or text without any URI scheme (the tracker sometimes put a link's anchor text
     *         in the address field); a value with a scheme that is not a valid http(s) IRI is an error
     */
    static String link(Path file, String field, String raw) {
        String s = Parser.unescapeEntities(raw.strip(), false);
        if (s.isEmpty() || s.equals("#") || !s.matches("(?s)[A-Za-z][A-Za-z0-9+.-]*:\\S.*")) return null;
        StringBuilder sb = new StringBuilder();
        for (char ch : s.toCharArray()) {
            if (ch <= 0x20 || "\"<>\\^`{|}".indexOf(ch) >= 0) {
                for (byte b : String.valueOf(ch).getBytes(StandardCharsets.UTF_8)) sb.append(String.format("%%%02X", b));
            } else {
                sb.append(ch);
            }
        }
        String iri = sb.toString();
        try {
            IRIx parsed = IRIx.create(iri);
            if (!(parsed.hasScheme("http") || parsed.hasScheme("https")) || !(iri.startsWith("http://") || iri.startsWith("https://"))) {
                throw new SourceDataException(file, 0, field, "link '" + raw + "' is not an absolute http(s) address");
            }
        } catch (IRIException e) {
            throw new SourceDataException(file, 0, field, "link '" + raw + "' is not a valid IRI: " + e.getMessage());
        }
        return iri;
    }
}
