package org.w3id.sijill.server.observatory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.w3id.sijill.vocab.SIJILL;

/**
 * What a request asks the observatory for, checked against the {@link Snapshot}: countries (ISO
 * 3166-1 alpha-2 or alpha-3 code, UN M49 code, or full IRI; any case), law topics (notation or
 * IRI), sources (key or IRI), topic group, and {@code asOf}. Empty lists mean "all".
 *
 * <pre>{@code
 * Selection s = Selection.of(snapshot, Map.of("country", List.of("lb", "SYR"), "asOf", List.of("2019")));
 * s.countries(); // Lebanon, Syria
 * }</pre>
 *
 * @param countries the chosen League states, in the order asked, without repeats
 * @param topics the chosen topics
 * @param sources the chosen sources
 * @param group the chosen topic group notation, or ""
 * @param asOf the date, or null for the latest
 */
public record Selection(List<Snapshot.State> countries, List<Snapshot.Topic> topics, List<Snapshot.Source> sources,
                        String group, AsOf asOf) {
    /** Most values of one parameter (the League has 22 states). */
    public static final int MAX_VALUES = 30;

    /** @return the selection the parameters make */
    public static Selection of(Snapshot s, Map<String, List<String>> params) {
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            if (e.getValue().size() > MAX_VALUES) throw new BadRequest("obs.error.repeated", e.getKey(), e.getValue().size(), MAX_VALUES);
            if (e.getValue().size() > 1 && !List.of("country", "topic", "source").contains(e.getKey())) {
                throw new BadRequest("obs.error.once", e.getKey());
            }
        }
        List<Snapshot.State> countries = new ArrayList<>();
        for (String c : params.getOrDefault("country", List.of())) {
            Snapshot.State st = country(s, c);
            if (!countries.contains(st)) countries.add(st);
        }
        List<Snapshot.Topic> topics = new ArrayList<>();
        for (String t : params.getOrDefault("topic", List.of())) {
            Snapshot.Topic tp = topic(s, t);
            if (!topics.contains(tp)) topics.add(tp);
        }
        List<Snapshot.Source> sources = new ArrayList<>();
        for (String v : params.getOrDefault("source", List.of())) {
            Snapshot.Source src = source(s, v);
            if (!sources.contains(src)) sources.add(src);
        }
        String group = first(params, "group").strip().toLowerCase(Locale.ROOT);
        if (!group.isEmpty() && !s.groups().containsKey(group)) {
            throw new BadRequest("obs.error.group", first(params, "group"), String.join(", ", s.groups().keySet()));
        }
        return new Selection(List.copyOf(countries), List.copyOf(topics), List.copyOf(sources), group,
                AsOf.parse(first(params, "asOf")));
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> v = params.get(name);
        return v == null || v.isEmpty() || v.get(0) == null ? "" : v.get(0);
    }

    /** @return the League state a code or IRI names */
    public static Snapshot.State country(Snapshot s, String raw) {
        String v = raw == null ? "" : raw.strip();
        String code = v.startsWith(SIJILL.ID + "country/") ? v.substring((SIJILL.ID + "country/").length()) : v;
        String c = code.toUpperCase(Locale.ROOT);
        for (Snapshot.State st : s.states()) {
            if (st.iri().equals(v) || st.iso2().equals(c) || st.iso3().equals(c) || st.m49().equals(c)) return st;
        }
        for (Snapshot.State st : s.others()) {
            if (st.iso2().equals(c) || st.iso3().equals(c) || st.m49().equals(c)) throw new BadRequest("obs.error.country.notleague", raw, st.name().en());
        }
        throw new BadRequest("obs.error.country.unknown", raw);
    }

    /** @return the topic a notation or IRI names */
    public static Snapshot.Topic topic(Snapshot s, String raw) {
        String v = raw == null ? "" : raw.strip();
        for (Snapshot.Topic t : s.topics()) {
            if (t.iri().equals(v) || t.code().equals(v.toLowerCase(Locale.ROOT))) return t;
        }
        throw new BadRequest("obs.error.topic", raw, String.join(", ", s.topics().stream().map(Snapshot.Topic::code).toList()));
    }

    /** @return the source a key or IRI names */
    public static Snapshot.Source source(Snapshot s, String raw) {
        String v = raw == null ? "" : raw.strip();
        for (Snapshot.Source src : s.sources()) {
            if (src.iri().equals(v) || src.key().equals(v.toLowerCase(Locale.ROOT))) return src;
        }
        throw new BadRequest("obs.error.source", raw, String.join(", ", s.sources().stream().map(Snapshot.Source::key).toList()));
    }

    /** @return the chosen countries, or every League state */
    public List<Snapshot.State> countriesOr(Snapshot s) {
        return countries.isEmpty() ? s.states() : countries;
    }

    /** @return the chosen topics (within the group, if any), or every topic (of the group) */
    public List<Snapshot.Topic> topicsOr(Snapshot s) {
        List<Snapshot.Topic> base = topics.isEmpty() ? s.topics() : topics;
        return group.isEmpty() ? base : base.stream().filter(t -> t.group().equals(group)).toList();
    }

    /** @return true when the source's claims count */
    public boolean counts(String sourceIri) {
        return sources.isEmpty() || sources.stream().anyMatch(x -> x.iri().equals(sourceIri));
    }
}
