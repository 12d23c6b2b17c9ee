package org.w3id.sijill.server.observatory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The instruments of one state: the register's legal instruments with that jurisdiction and the
 * instruments its claims name or cite (e.g. Egypt's Law No. 151 of 2020, which UNCTAD cites), once
 * each, with their topics and the sources that cite them, ordered by year.
 *
 * <pre>{@code
 * for (InstrumentIndex.Entry e : InstrumentIndex.of(snapshot, egypt)) e.instrument().year();
 * }</pre>
 */
public final class InstrumentIndex {
    private InstrumentIndex() {}

    /**
     * @param instrument the instrument
     * @param topics the topic notations it is about or cited for
     * @param sources the sources that name or cite it (empty for one only the register lists)
     * @param claims the claims that name or cite it
     */
    public record Entry(Snapshot.Instrument instrument, List<String> topics, List<Snapshot.Source> sources,
                        List<Snapshot.Claim> claims) {}

    /** @return the state's instruments, oldest first (undated last); made once per snapshot */
    public static List<Entry> of(Snapshot s, Snapshot.State st) {
        return s.index().memo("instruments|" + st.iso2(), () -> make(s, st));
    }

    private static List<Entry> make(Snapshot s, Snapshot.State st) {
        Map<String, Snapshot.Instrument> byKey = new LinkedHashMap<>();
        Map<String, Set<String>> topics = new LinkedHashMap<>();
        Map<String, Set<String>> sources = new LinkedHashMap<>();
        Map<String, List<Snapshot.Claim>> claims = new LinkedHashMap<>();
        for (Snapshot.Instrument i : s.index().instruments(st.iso2())) {
            byKey.put(i.link(), i);
            topics.computeIfAbsent(i.link(), k -> new LinkedHashSet<>()).addAll(i.topics());
        }
        for (Snapshot.Claim c : s.index().state(st.iso2())) {
            for (Snapshot.Instrument i : c.instruments()) {
                byKey.putIfAbsent(i.link(), i);
                topics.computeIfAbsent(i.link(), k -> new LinkedHashSet<>()).add(c.topic());
                sources.computeIfAbsent(i.link(), k -> new LinkedHashSet<>()).add(c.source());
                claims.computeIfAbsent(i.link(), k -> new ArrayList<>()).add(c);
            }
        }
        List<Entry> out = new ArrayList<>();
        byKey.forEach((k, i) -> out.add(new Entry(i, List.copyOf(topics.getOrDefault(k, Set.of())),
                sources.getOrDefault(k, Set.of()).stream().map(iri -> s.source(iri).orElse(
                        new Snapshot.Source(iri, iri.substring(iri.lastIndexOf('/') + 1), new Snapshot.Text("", ""), ""))).toList(),
                List.copyOf(claims.getOrDefault(k, List.of())))));
        out.sort(Comparator.comparing((Entry e) -> e.instrument().year().isEmpty() ? "9999" : e.instrument().year())
                .thenComparing(e -> e.instrument().title().en()));
        return List.copyOf(out);
    }
}
