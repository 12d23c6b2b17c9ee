package org.w3id.sijill.server.observatory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
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
 * @param index the claims and instruments by cell, country and IRI, made once with the snapshot so
 *              that no request has to go through all claims
 */
public record Snapshot(List<State> states, List<State> others, List<Topic> topics, List<Status> statuses,
                       List<Source> sources, List<Claim> claims, List<Instrument> instruments, Index index) {

    /** A snapshot of these values, with its {@link Index}. */
    public Snapshot(List<State> states, List<State> others, List<Topic> topics, List<Status> statuses,
                    List<Source> sources, List<Claim> claims, List<Instrument> instruments) {
        this(states, others, topics, statuses, sources, claims, instruments, new Index(claims, instruments));
    }

    /**
     * The claims of a snapshot by state and topic (each cell's claims in date order), by state and
     * by IRI, the number of claims of each source, the instruments by state, and the matrix of
     * every claim once it has been made: computed once per snapshot, that is once per release, so
     * a page reads the claims it shows and not every claim of the register.
     *
     * <pre>{@code
     * List<Snapshot.Claim> c = snapshot.index().cell("SY", "personal-data-protection"); // oldest first
     * }</pre>
     */
    public static final class Index {
        /** The order of a cell's claims: by date, then source, then IRI. */
        public static final Comparator<Claim> BY_DATE = Comparator.comparing(Claim::asOf).thenComparing(Claim::source)
                .thenComparing(Claim::iri);
        private final Map<String, List<Claim>> byCell = new HashMap<>();
        private final Map<String, List<Claim>> byState = new HashMap<>();
        private final Map<String, Claim> byIri = new HashMap<>();
        private final Map<String, Long> bySource = new HashMap<>();
        private final Map<String, List<Instrument>> instrumentsByState = new HashMap<>();
        private final java.util.concurrent.ConcurrentHashMap<String, Object> memo = new java.util.concurrent.ConcurrentHashMap<>();
        /** The most values {@link #recent} keeps. */
        public static final int RECENT = 16;
        private final Map<Object, Object> recent = new LinkedHashMap<>(RECENT * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                return size() > RECENT;
            }
        };

        Index(List<Claim> claims, List<Instrument> instruments) {
            for (Claim c : claims) {
                byCell.computeIfAbsent(c.country() + "|" + c.topic(), k -> new ArrayList<>()).add(c);
                byState.computeIfAbsent(c.country(), k -> new ArrayList<>()).add(c);
                byIri.putIfAbsent(c.iri(), c);
                bySource.merge(c.source(), 1L, Long::sum);
            }
            byCell.replaceAll((k, v) -> v.stream().sorted(BY_DATE).toList());
            byState.replaceAll((k, v) -> List.copyOf(v));
            for (Instrument i : instruments) instrumentsByState.computeIfAbsent(i.country(), k -> new ArrayList<>()).add(i);
            instrumentsByState.replaceAll((k, v) -> List.copyOf(v));
        }

        /** @return the claims about a state and topic, oldest first ({@link #BY_DATE}) */
        public List<Claim> cell(String iso2, String topic) {
            return byCell.getOrDefault(iso2 + "|" + topic, List.of());
        }

        /** @return the claims about a state, in the snapshot's order */
        public List<Claim> state(String iso2) {
            return byState.getOrDefault(iso2, List.of());
        }

        /** @return the claim with the IRI */
        public Optional<Claim> claim(String iri) {
            return Optional.ofNullable(byIri.get(iri));
        }

        /** @return how many claims the source makes */
        public long claimsOf(String sourceIri) {
            return bySource.getOrDefault(sourceIri, 0L);
        }

        /** @return the instruments with the state as jurisdiction, in the snapshot's order */
        public List<Instrument> instruments(String iso2) {
            return instrumentsByState.getOrDefault(iso2, List.of());
        }

        /**
         * @param key names the value (e.g. {@code "matrix"}, {@code "timeline|LB|"})
         * @return the value made once per snapshot by {@code make}: a value several requests need
         *         and that only the snapshot decides (the matrix of every claim, a state's timeline)
         */
        @SuppressWarnings("unchecked")
        public <T> T memo(String key, Supplier<T> make) {
            Object v = memo.get(key);
            if (v == null) {
                // made outside the map: a value may be made from another memoised one
                v = make.get();
                Object had = memo.putIfAbsent(key, v);
                if (had != null) v = had;
            }
            return (T) v;
        }

        /**
         * @param key what the value is of (e.g. a {@link Selection}): a request decides it, so only
         *            the {@value #RECENT} most recently used are kept
         * @return the value for the key, made by {@code make} unless it was made lately
         */
        @SuppressWarnings("unchecked")
        public <T> T recent(Object key, Supplier<T> make) {
            synchronized (recent) {
                Object v = recent.get(key);
                if (v != null) return (T) v;
            }
            T v = make.get();
            synchronized (recent) {
                Object had = recent.putIfAbsent(key, v);
                return had != null ? (T) had : v;
            }
        }

        // derived from the snapshot's values, so it takes no part in the record's equality
        @Override public boolean equals(Object o) { return o instanceof Index; }
        @Override public int hashCode() { return 0; }
        @Override public String toString() { return "Index[" + byIri.size() + " claims]"; }
    }

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

    /** @return the ISO code of a country in any accepted spelling (see {@link CodeResolver}) */
    static String fold(String s) {
        return s == null ? "" : s.strip().toUpperCase(Locale.ROOT);
    }
}
