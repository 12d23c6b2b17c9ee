package org.w3id.sijill.server.observatory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3id.sijill.server.pages.Messages;
import org.w3id.sijill.server.pages.PageLanguage;

/**
 * The observatory's tables, made from a {@link Snapshot}: the matrix (states × topics), the
 * comparison's claims (one row per state, topic and source), the countries, topics, sources and a
 * country's instruments. Headings are in the page language; values keep their codes and IRIs.
 *
 * <pre>{@code
 * Table t = Tables.claims(snapshot, Matrix.of(snapshot, selection), PageLanguage.EN);
 * }</pre>
 */
public final class Tables {
    private Tables() {}

    private static Table.Column col(PageLanguage lang, String key) {
        return new Table.Column(key, Messages.get(lang, "obs.col." + key));
    }

    private static Map<String, Object> meta(Matrix m) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("asOf", m.asOf() == null ? null : m.asOf().date().toString());
        return meta;
    }

    /** @return the states × topics matrix: one row per state, one column per topic, the summary status in each cell */
    public static Table matrix(Snapshot s, Matrix m, PageLanguage lang) {
        List<Table.Column> cols = new ArrayList<>(List.of(col(lang, "country"), col(lang, "countryName")));
        for (Snapshot.Topic t : m.topics()) cols.add(new Table.Column(t.code(), t.label(lang), true));
        List<List<Object>> rows = new ArrayList<>();
        List<List<String>> codes = new ArrayList<>();
        for (List<Matrix.Cell> row : m.rowsByName(lang)) {
            Snapshot.State st = row.get(0).state();
            List<Object> r = new ArrayList<>(List.of(st.iso2(), st.name(lang)));
            List<String> c = new ArrayList<>(List.of("", ""));
            for (Matrix.Cell cell : row) {
                String label = cell.summary().isEmpty() ? Messages.get(lang, "obs.noclaim")
                        : s.status(cell.summary()).map(x -> x.label(lang)).orElse(cell.summary());
                if (cell.kind() == Matrix.Kind.DIFFER) label += " — " + Messages.get(lang, "obs.kind.differ");
                if (cell.kind() == Matrix.Kind.CHANGE) label += " — " + Messages.get(lang, "obs.kind.change");
                r.add(label);
                c.add(cell.summary());
            }
            rows.add(r);
            codes.add(c);
        }
        Map<String, Object> meta = meta(m);
        meta.put("statusCodes", codes);
        return new Table("sijill-matrix" + suffix(m), cols, rows, claimNodes(m), meta);
    }

    /** @return the claims of the matrix's cells: one row per state, topic and source */
    public static Table claims(Snapshot s, Matrix m, PageLanguage lang) {
        List<Table.Column> cols = List.of(col(lang, "country"), col(lang, "countryName"), col(lang, "topic"), col(lang, "topicLabel"),
                new Table.Column("status", Messages.get(lang, "obs.col.status"), true), col(lang, "statusLabel"), col(lang, "asOf"),
                col(lang, "source"), col(lang, "sourceTitle"), col(lang, "instruments"), col(lang, "instrumentYears"),
                col(lang, "instrumentLinks"), col(lang, "relation"), col(lang, "claim"));
        List<List<Object>> rows = new ArrayList<>();
        List<List<String>> codes = new ArrayList<>();
        for (List<Matrix.Cell> row : m.rowsByName(lang)) {
            for (Matrix.Cell cell : row) {
                for (Snapshot.Claim c : cell.current()) {
                    Snapshot.Source src = s.source(c.source()).orElse(new Snapshot.Source(c.source(), "", new Snapshot.Text("", ""), ""));
                    rows.add(List.of(c.country(), cell.state().name(lang), c.topic(), cell.topic().label(lang), c.status(),
                            s.status(c.status()).map(x -> x.label(lang)).orElse(c.status()), c.asOf(), src.key(), src.title(lang),
                            c.instruments().stream().map(i -> i.title().in(lang)).toList(),
                            c.instruments().stream().map(Snapshot.Instrument::year).toList(),
                            c.instruments().stream().map(Snapshot.Instrument::link).toList(),
                            cell.kind().code(), c.iri()));
                    List<String> rc = new ArrayList<>();
                    for (Table.Column col : cols) rc.add(col.status() ? c.status() : "");
                    codes.add(rc);
                }
            }
        }
        Map<String, Object> meta = meta(m);
        meta.put("statusCodes", codes);
        return new Table("sijill-claims" + suffix(m), cols, rows, claimNodes(m), meta);
    }

    private static String suffix(Matrix m) {
        return m.asOf() == null ? "" : "-" + m.asOf().text();
    }

    private static List<Map<String, Object>> claimNodes(Matrix m) {
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (List<Matrix.Cell> row : m.cells()) {
            for (Matrix.Cell cell : row) {
                for (Snapshot.Claim c : cell.current()) {
                    Map<String, Object> n = new LinkedHashMap<>();
                    n.put("@id", c.iri());
                    n.put("@type", "sijill:LegalStatus");
                    n.put("jurisdiction", cell.state().iri());
                    n.put("topic", cell.topic().iri());
                    n.put("status", "https://w3id.org/sijill/id/concept/legal-status/" + c.status());
                    n.put("asOf", c.asOf());
                    n.put("wasDerivedFrom", c.source());
                    List<String> named = c.instruments().stream().filter(i -> !i.iri().isEmpty()).map(Snapshot.Instrument::iri).toList();
                    if (!named.isEmpty()) n.put("instrument", named);
                    List<Map<String, Object>> cited = new ArrayList<>();
                    for (Snapshot.Instrument i : c.instruments()) {
                        if (!i.iri().isEmpty()) continue;
                        Map<String, Object> ci = new LinkedHashMap<>();
                        ci.put("title", i.title().en());
                        ci.put("page", i.link());
                        cited.add(ci);
                    }
                    if (!cited.isEmpty()) n.put("citedInstrument", cited);
                    nodes.add(n);
                }
            }
        }
        return nodes;
    }

    /** @return the Arab League states with their codes and names */
    public static Table countries(Snapshot s, PageLanguage lang) {
        List<Table.Column> cols = List.of(col(lang, "country"), col(lang, "iso3"), col(lang, "m49"), col(lang, "nameEn"),
                col(lang, "nameAr"), col(lang, "iri"));
        List<List<Object>> rows = new ArrayList<>();
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (Snapshot.State st : s.states()) {
            rows.add(List.of(st.iso2(), st.iso3(), st.m49(), st.name().en(), st.name().ar(), st.iri()));
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("@id", st.iri());
            n.put("@type", "sijill:Country");
            n.put("iso2", st.iso2());
            n.put("iso3", st.iso3());
            n.put("m49", st.m49());
            n.put("label", List.of(tagged(st.name().en(), "en"), tagged(st.name().ar(), "ar")));
            nodes.add(n);
        }
        return new Table("sijill-countries", cols, rows, nodes, Map.of());
    }

    /** @return a JSON-LD value object with a language tag, its members in this order on every run */
    private static Map<String, Object> tagged(String value, String language) {
        return valueObject(value, "@language", language);
    }

    /**
     * @param tag {@code "@language"} or {@code "@type"}
     * @return the JSON-LD value object {@code {"@value": value, tag: tagValue}}, its members in
     *         this order on every run (a {@code Map.of}'s order changes from one JVM to the next,
     *         and with it the bytes and the ETag of the same answer)
     */
    public static Map<String, Object> valueObject(Object value, String tag, Object tagValue) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("@value", value);
        m.put(tag, tagValue);
        return m;
    }

    /** @return the law topics with their groups */
    public static Table topics(Snapshot s, PageLanguage lang) {
        List<Table.Column> cols = List.of(col(lang, "topic"), col(lang, "labelEn"), col(lang, "labelAr"), col(lang, "group"),
                col(lang, "groupLabel"), col(lang, "iri"));
        List<List<Object>> rows = new ArrayList<>();
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (Snapshot.Topic t : s.topics()) {
            rows.add(List.of(t.code(), t.label().en(), t.label().ar(), t.group(), t.groupLabel().in(lang), t.iri()));
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("@id", t.iri());
            n.put("@type", "skos:Concept");
            n.put("notation", t.code());
            n.put("inScheme", "https://w3id.org/sijill/id/scheme/law-topic");
            n.put("prefLabel", List.of(tagged(t.label().en(), "en"), tagged(t.label().ar(), "ar")));
            nodes.add(n);
        }
        return new Table("sijill-topics", cols, rows, nodes, Map.of());
    }

    /** @return the sources of claims with how many claims each makes */
    public static Table sources(Snapshot s, PageLanguage lang) {
        List<Table.Column> cols = List.of(col(lang, "source"), col(lang, "sourceTitle"), col(lang, "date"), col(lang, "claims"),
                col(lang, "iri"));
        List<List<Object>> rows = new ArrayList<>();
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (Snapshot.Source src : s.sources()) {
            long n = s.index().claimsOf(src.iri());
            rows.add(List.of(src.key(), src.title(lang), src.date(), n, src.iri()));
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("@id", src.iri());
            node.put("title", src.title().en());
            if (!src.date().isEmpty()) node.put("date", src.date());
            nodes.add(node);
        }
        return new Table("sijill-sources", cols, rows, nodes, Map.of());
    }

    /**
     * One page of the legal instruments of one state (the register's, and those its claims cite),
     * by year: rows and nodes are made for that page only, cut from the state's
     * {@link InstrumentIndex} (made once per snapshot), so a page costs the same however many
     * instruments the state has.
     *
     * @param from the first entry of the page (clamped to the state's count)
     * @param to one past its last (clamped likewise)
     */
    public static Table instruments(Snapshot s, Snapshot.State st, PageLanguage lang, int from, int to) {
        List<Table.Column> cols = List.of(col(lang, "country"), col(lang, "instrument"), col(lang, "year"), col(lang, "topics"),
                col(lang, "link"), col(lang, "citedBy"));
        List<InstrumentIndex.Entry> all = InstrumentIndex.of(s, st);
        int first = Math.max(0, Math.min(from, all.size()));
        List<InstrumentIndex.Entry> page = all.subList(first, Math.max(first, Math.min(to, all.size())));
        List<List<Object>> rows = new ArrayList<>(page.size());
        List<Map<String, Object>> nodes = new ArrayList<>(page.size());
        for (InstrumentIndex.Entry e : page) {
            rows.add(List.of(st.iso2(), e.instrument().title().in(lang), e.instrument().year(), e.topics(), e.instrument().link(),
                    e.sources().stream().map(Snapshot.Source::key).toList()));
            Map<String, Object> n = new LinkedHashMap<>();
            if (!e.instrument().iri().isEmpty()) n.put("@id", e.instrument().iri());
            n.put("title", e.instrument().title().en().isEmpty() ? e.instrument().title().ar() : e.instrument().title().en());
            n.put("jurisdiction", st.iri());
            if (!e.instrument().year().isEmpty()) n.put("yearAdopted", e.instrument().year());
            if (e.instrument().iri().isEmpty()) n.put("page", e.instrument().link());
            n.put("wasDerivedFrom", e.sources().stream().map(Snapshot.Source::iri).toList());
            nodes.add(n);
        }
        return new Table("sijill-instruments-" + st.iso2(), cols, rows, nodes, new LinkedHashMap<>());
    }
}
