package org.w3id.sijill.server.observatory;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.w3id.sijill.server.pages.PageLanguage;

/**
 * Everything the observatory shows, read from the store in one read transaction and held as plain
 * values: the Arab League states, the law topics (with their ESCWA legislation area as group), the
 * legal statuses, the sources of the claims, every legal-status claim with the instruments it names
 * or cites and its quotes, and the legal instruments of each country. Nothing in it refers back to
 * the store, so it stays readable after the transaction (see {@link SnapshotLoader}).
 *
 * <pre>{@code
 * Snapshot s = SnapshotLoader.load(datasetGraph);
 * s.state("LB").orElseThrow().name(PageLanguage.AR); // لبنان
 * }</pre>
 *
 * @param states the Arab League member states, by ISO code order
 * @param others the other countries of the register (not League members), for error messages
 * @param topics the law topics
 * @param statuses the legal statuses, in legend order
 * @param sources the sources of claims
 * @param claims every legal-status claim about a League state
 * @param instruments the legal instruments with a League state as jurisdiction
 */
public record Snapshot(List<State> states, List<State> others, List<Topic> topics, List<Status> statuses,
                       List<Source> sources, List<Claim> claims, List<Instrument> instruments) {

    /** A text in English and Arabic (either may be empty). */
    public record Text(String en, String ar) {
        /** @return the text in the language, falling back to the other one */
        public String in(PageLanguage lang) {
            String s = lang == PageLanguage.AR ? ar : en;
            return s == null || s.isEmpty() ? (lang == PageLanguage.AR ? en : ar) : s;
        }

        /** @return the language the text {@link #in} gives is in */
        public String langOf(PageLanguage lang) {
            String s = lang == PageLanguage.AR ? ar : en;
            if (s != null && !s.isEmpty()) return lang.code();
            return lang == PageLanguage.AR ? "en" : "ar";
        }
    }

    /** A country: IRI, ISO 3166-1 alpha-2 and alpha-3 codes, UN M49 code, names. */
    public record State(String iri, String iso2, String iso3, String m49, Text name) {
        public String name(PageLanguage lang) { return name.in(lang); }
    }

    /** A law topic: IRI, notation, label, group (ESCWA legislation area notation, or "") and its label. */
    public record Topic(String iri, String code, Text label, String group, Text groupLabel) {
        public String label(PageLanguage lang) { return label.in(lang); }
    }

    /** A legal status: IRI, notation, label; {@code rank} orders none &lt; draft &lt; enacted (no-data: -1). */
    public record Status(String iri, String code, Text label, int rank) {
        public String label(PageLanguage lang) { return label.in(lang); }
    }

    /** A source of claims: IRI, short key (last IRI segment), title, date or "". */
    public record Source(String iri, String key, Text title, String date) {
        public String title(PageLanguage lang) { return title.in(lang); }
    }

    /**
     * An instrument named or cited by a claim, or a legal instrument of the register.
     *
     * @param iri its IRI in the register, or "" for an instrument the source cites by title only
     * @param title its label
     * @param year the year adopted, or "" when unknown
     * @param link where to read it: its page in the register, or the page the source links to
     * @param country the ISO code of its jurisdiction, or ""
     * @param topics the notations of its topics
     */
    public record Instrument(String iri, Text title, String year, String link, String country, List<String> topics) {}

    /** A verbatim quote that supports a claim, with the passage it is quoted from ("" if none). */
    public record Quote(String text, String lang, String passage) {}

    /**
     * A legal-status claim of one source.
     *
     * @param iri the claim
     * @param country the ISO code of its state
     * @param topic the topic notation
     * @param status the status notation
     * @param asOf its date (ISO {@code YYYY-MM-DD})
     * @param source the source IRI
     * @param instruments the instruments it names (register) and cites (source's own references), in order
     * @param quotes its quotes
     */
    public record Claim(String iri, String country, String topic, String status, String asOf, String source,
                        List<Instrument> instruments, List<Quote> quotes) {}

    /** @return the League state with the ISO alpha-2 code */
    public Optional<State> state(String iso2) {
        return states.stream().filter(s -> s.iso2().equals(iso2)).findFirst();
    }

    /** @return the topic with the notation */
    public Optional<Topic> topic(String code) {
        return topics.stream().filter(t -> t.code().equals(code)).findFirst();
    }

    /** @return the status with the notation */
    public Optional<Status> status(String code) {
        return statuses.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    /** @return the source with the IRI */
    public Optional<Source> source(String iri) {
        return sources.stream().filter(s -> s.iri().equals(iri)).findFirst();
    }

    /** @return the topic groups (notation → label), in topic order */
    public Map<String, Text> groups() {
        Map<String, Text> out = new LinkedHashMap<>();
        for (Topic t : topics) if (!t.group().isEmpty()) out.putIfAbsent(t.group(), t.groupLabel());
        return out;
    }

    /** @return the claims about the states */
    public List<Claim> claimsOf(Collection<String> iso2) {
        return claims.stream().filter(c -> iso2.contains(c.country())).toList();
    }

    /** @return the ISO code of a country in any accepted spelling (see {@link CodeResolver}) */
    static String fold(String s) {
        return s == null ? "" : s.strip().toUpperCase(Locale.ROOT);
    }
}
