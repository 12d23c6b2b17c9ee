package org.w3id.sijill.server.commitments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3id.sijill.server.observatory.Snapshot;
import org.w3id.sijill.server.observatory.Table;
import org.w3id.sijill.server.observatory.Tables;
import org.w3id.sijill.server.pages.Messages;
import org.w3id.sijill.server.pages.PageLanguage;

/**
 * The tables of the treaty, index-score and strategy dimensions: one row per participation claim,
 * per score, per strategy claim (the API's {@code treaties}, {@code scores}, {@code strategies}),
 * and the same dimensions added as columns to the comparison's and the matrix's downloads. Headings
 * in the page language; values keep their codes, dates as precise as the source and IRIs.
 *
 * <pre>{@code
 * Table t = CommitmentTables.treaties(commitments, snapshot.states(), null, PageLanguage.EN);
 * }</pre>
 */
public final class CommitmentTables {
    private CommitmentTables() {}

    /** The keys of the columns the comparison's download gains (after the claims' own). */
    public static final List<String> COMPARE_COLUMNS = List.of("dimension", "treaty", "treatyLabel", "act", "actLabel", "actDate",
            "edition", "score", "scale", "scaleLabel", "firstStrategyDate", "strategyCount", "quote", "notes");

    private static Table.Column col(PageLanguage lang, String key) {
        return new Table.Column(key, Messages.get(lang, "obs.col." + key));
    }

    private static Map<String, Object> id(String iri) {
        return Map.of("@id", iri);
    }

    /** @return one row per participation claim about the states (about one treaty, or all when {@code treaty} is null) */
    public static Table treaties(Commitments c, List<Snapshot.State> states, Commitments.Treaty treaty, PageLanguage lang) {
        List<Table.Column> cols = List.of(col(lang, "country"), col(lang, "countryName"), col(lang, "treaty"), col(lang, "treatyLabel"),
                col(lang, "act"), col(lang, "actLabel"), col(lang, "actDate"), col(lang, "source"), col(lang, "sourceTitle"),
                col(lang, "quote"), col(lang, "passage"), col(lang, "notes"), col(lang, "claim"));
        List<List<Object>> rows = new ArrayList<>();
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (Snapshot.State st : states) {
            for (Commitments.Treaty t : c.treaties()) {
                if (treaty != null && !treaty.iri().equals(t.iri())) continue;
                for (Commitments.Step s : c.stepsOf(st.iso2(), t.iri())) {
                    rows.add(List.of(st.iso2(), st.name(lang), t.slug(), t.label().in(lang), s.act(), actLabel(c, s.act(), lang),
                            s.date(), s.source(), c.source(s.source()).title().in(lang),
                            s.quotes().stream().map(Snapshot.Quote::text).toList(),
                            s.quotes().stream().map(Snapshot.Quote::passage).toList(),
                            Commitments.notesIn(s.notes(), lang), s.iri()));
                    Map<String, Object> n = new LinkedHashMap<>();
                    n.put("@id", s.iri());
                    n.put("@type", "sijill:TreatyParticipation");
                    n.put("sijill:treaty", id(t.iri()));
                    n.put("sijill:participant", id(st.iri()));
                    n.put("sijill:act", id("https://w3id.org/sijill/id/concept/treaty-act/" + s.act()));
                    if (!s.date().isEmpty()) n.put("sijill:actDate", s.date());
                    n.put("wasDerivedFrom", id(s.source()));
                    if (!s.quotes().isEmpty()) {
                        n.put("evidence", s.quotes().stream().map(q -> {
                            Map<String, Object> e = new LinkedHashMap<>();
                            e.put("prov:value", Tables.valueObject(q.text(), "@language", q.lang()));
                            if (!q.passage().isEmpty()) e.put("wasQuotedFrom", id(q.passage()));
                            return e;
                        }).toList());
                    }
                    nodes.add(n);
                }
            }
        }
        return new Table("sijill-treaties", cols, rows, nodes, Map.of());
    }

    /** @return one row per index score of the states */
    public static Table scores(Commitments c, List<Snapshot.State> states, PageLanguage lang) {
        List<Table.Column> cols = List.of(col(lang, "country"), col(lang, "countryName"), col(lang, "index"), col(lang, "edition"),
                col(lang, "score"), col(lang, "scale"), col(lang, "scaleLabel"), col(lang, "publisher"), col(lang, "source"),
                col(lang, "sourceTitle"), col(lang, "observation"));
        List<List<Object>> rows = new ArrayList<>();
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (Snapshot.State st : states) {
            for (Commitments.Score s : c.scoresOf(st.iso2())) {
                rows.add(List.of(st.iso2(), st.name(lang), s.datasetLabel().in(lang), s.edition(), s.score(), s.scale(),
                        s.scaleLabel().in(lang), s.publisherLabel().in(lang), s.source(), c.source(s.source()).title().in(lang), s.iri()));
                Map<String, Object> n = new LinkedHashMap<>();
                n.put("@id", s.iri());
                n.put("@type", List.of("sijill:IndexScore", "qb:Observation"));
                n.put("qb:dataSet", id(s.dataset()));
                n.put("sijill:refArea", id(st.iri()));
                n.put("sijill:edition", s.edition());
                n.put("sijill:score", Tables.valueObject(s.score(), "@type", "xsd:decimal"));
                n.put("sijill:scoreScale", id("https://w3id.org/sijill/id/concept/score-scale/" + s.scale()));
                n.put("publisher", id(s.publisher()));
                n.put("wasDerivedFrom", id(s.source()));
                nodes.add(n);
            }
        }
        return new Table("sijill-scores", cols, rows, nodes, Map.of());
    }

    /** @return one row per first-strategy claim about the states */
    public static Table strategies(Commitments c, List<Snapshot.State> states, PageLanguage lang) {
        List<Table.Column> cols = List.of(col(lang, "country"), col(lang, "countryName"), col(lang, "hasStrategy"),
                col(lang, "firstStrategyDate"), col(lang, "strategyCount"), col(lang, "source"), col(lang, "sourceTitle"),
                col(lang, "notes"), col(lang, "claim"));
        List<List<Object>> rows = new ArrayList<>();
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (Snapshot.State st : states) {
            for (Commitments.Strategy s : c.strategiesOf(st.iso2())) {
                rows.add(List.of(st.iso2(), st.name(lang), Boolean.toString(s.hasStrategy()), s.firstDate(), s.count(), s.source(),
                        c.source(s.source()).title().in(lang), Commitments.notesIn(s.notes(), lang), s.iri()));
                Map<String, Object> n = new LinkedHashMap<>();
                n.put("@id", s.iri());
                n.put("@type", "sijill:NationalStrategyClaim");
                n.put("sijill:refArea", id(st.iri()));
                n.put("sijill:hasStrategy", s.hasStrategy());
                if (!s.firstDate().isEmpty()) n.put("sijill:firstStrategyDate", s.firstDate());
                if (!s.count().isEmpty()) n.put("sijill:strategyCount", Tables.valueObject(s.count(), "@type", "xsd:integer"));
                n.put("wasDerivedFrom", id(s.source()));
                n.put("note", s.notes().stream().map(x -> Tables.valueObject(x.text(), "@language", x.lang())).toList());
                nodes.add(n);
            }
        }
        return new Table("sijill-strategies", cols, rows, nodes, Map.of());
    }

    private static String actLabel(Commitments c, String act, PageLanguage lang) {
        return c.act(act).map(a -> a.label().in(lang)).orElse(act);
    }

    /**
     * @param claims the comparison's table of legal-status claims
     * @return the table with the treaty, score and strategy columns, and a row per step, score and
     *         strategy claim of the compared states (a {@code dimension} column says which a row is)
     */
    public static Table compare(Table claims, Commitments c, List<Snapshot.State> states, PageLanguage lang) {
        int base = claims.columns().size();
        List<Table.Column> cols = new ArrayList<>(claims.columns());
        for (String k : COMPARE_COLUMNS) cols.add(col(lang, k));
        int width = cols.size();
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> r : claims.rows()) {
            List<Object> out = new ArrayList<>(r);
            while (out.size() < width) out.add("");
            out.set(base, "legal-status");
            rows.add(out);
        }
        int country = 0, countryName = 1, source = index(claims, "source"), sourceTitle = index(claims, "sourceTitle"),
                claim = index(claims, "claim");
        for (Snapshot.State st : states) {
            for (Commitments.Treaty t : c.treaties()) {
                for (Commitments.Step s : c.stepsOf(st.iso2(), t.iri())) {
                    List<Object> r = blank(width);
                    r.set(country, st.iso2()); r.set(countryName, st.name(lang));
                    r.set(source, key(s.source())); r.set(sourceTitle, c.source(s.source()).title().in(lang)); r.set(claim, s.iri());
                    r.set(base, "treaty"); r.set(base + 1, t.slug()); r.set(base + 2, t.label().in(lang)); r.set(base + 3, s.act());
                    r.set(base + 4, actLabel(c, s.act(), lang)); r.set(base + 5, s.date());
                    r.set(base + 12, s.quotes().stream().map(Snapshot.Quote::text).toList());
                    r.set(base + 13, Commitments.notesIn(s.notes(), lang));
                    rows.add(r);
                }
            }
            for (Commitments.Score s : c.scoresOf(st.iso2())) {
                List<Object> r = blank(width);
                r.set(country, st.iso2()); r.set(countryName, st.name(lang));
                r.set(source, key(s.source())); r.set(sourceTitle, c.source(s.source()).title().in(lang)); r.set(claim, s.iri());
                r.set(base, "index-score"); r.set(base + 6, s.edition()); r.set(base + 7, s.score()); r.set(base + 8, s.scale());
                r.set(base + 9, s.scaleLabel().in(lang));
                rows.add(r);
            }
            for (Commitments.Strategy s : c.strategiesOf(st.iso2())) {
                List<Object> r = blank(width);
                r.set(country, st.iso2()); r.set(countryName, st.name(lang));
                r.set(source, key(s.source())); r.set(sourceTitle, c.source(s.source()).title().in(lang)); r.set(claim, s.iri());
                r.set(base, "strategy"); r.set(base + 10, s.firstDate()); r.set(base + 11, s.count());
                r.set(base + 13, Commitments.notesIn(s.notes(), lang));
                rows.add(r);
            }
        }
        List<Map<String, Object>> nodes = new ArrayList<>(claims.nodes());
        nodes.addAll(treaties(c, states, null, lang).nodes());
        nodes.addAll(scores(c, states, lang).nodes());
        nodes.addAll(strategies(c, states, lang).nodes());
        Map<String, Object> meta = withStatusCodesPadded(claims.meta(), width, rows.size());
        return new Table(claims.name(), cols, rows, nodes, meta);
    }

    /**
     * @param matrix the matrix download (first column the ISO code)
     * @return the matrix with a column per treaty (the steps sources state, with dates), the latest
     *         index score (with edition and scale) and the first-strategy date
     */
    public static Table matrix(Table matrix, Commitments c, PageLanguage lang) {
        List<Table.Column> cols = new ArrayList<>(matrix.columns());
        for (Commitments.Treaty t : c.treaties()) cols.add(new Table.Column("treaty:" + t.slug(), t.label().in(lang)));
        cols.add(col(lang, "latestScore"));
        cols.add(col(lang, "firstStrategyDate"));
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> r : matrix.rows()) {
            String iso2 = String.valueOf(r.get(0));
            List<Object> out = new ArrayList<>(r);
            for (Commitments.Treaty t : c.treaties()) {
                List<Commitments.Step> steps = c.stepsOf(iso2, t.iri());
                out.add(steps.isEmpty() ? Messages.get(lang, "commitments.unlisted") : steps.stream()
                        .map(s -> actLabel(c, s.act(), lang) + (s.date().isEmpty() ? "" : " " + s.date())).distinct().toList());
            }
            out.add(c.latestScore(iso2).map(s -> Messages.get(lang, "commitments.score.of", s.score(), s.edition(), s.scaleLabel().in(lang)))
                    .orElse(Messages.get(lang, "commitments.unlisted")));
            List<Commitments.Strategy> st = c.strategiesOf(iso2);
            out.add(st.isEmpty() ? Messages.get(lang, "commitments.unlisted")
                    : st.stream().map(s -> s.hasStrategy() ? (s.firstDate().isEmpty() ? Messages.get(lang, "commitments.nodate") : s.firstDate())
                            : Messages.get(lang, "commitments.strategy.noneRecorded")).toList());
            rows.add(out);
        }
        Map<String, Object> meta = withStatusCodesPadded(matrix.meta(), cols.size(), 0);
        return new Table(matrix.name(), cols, rows, matrix.nodes(), meta);
    }

    private static String key(String iri) {
        return iri.substring(iri.lastIndexOf('/') + 1);
    }

    private static int index(Table t, String key) {
        for (int i = 0; i < t.columns().size(); i++) if (t.columns().get(i).key().equals(key)) return i;
        throw new IllegalArgumentException("no column " + key);
    }

    private static List<Object> blank(int width) {
        return new ArrayList<>(java.util.Collections.nCopies(width, (Object) ""));
    }

    /**
     * @return a copy of a table's metadata whose status codes (one row of codes per table row, for
     *         the spreadsheet's cell colours) are padded with empty codes to {@code width} columns and
     *         at least {@code rowCount} rows, so the added columns and rows have codes too
     */
    private static Map<String, Object> withStatusCodesPadded(Map<String, Object> tableMeta, int width, int rowCount) {
        Map<String, Object> meta = new LinkedHashMap<>(tableMeta);
        if (meta.get("statusCodes") instanceof List<?> list) {
            List<List<String>> padded = new ArrayList<>();
            for (Object o : list) {
                List<String> rc = new ArrayList<>();
                for (Object x : (List<?>) o) rc.add(String.valueOf(x));
                while (rc.size() < width) rc.add("");
                padded.add(rc);
            }
            while (padded.size() < rowCount) padded.add(new ArrayList<>(java.util.Collections.nCopies(width, "")));
            meta.put("statusCodes", padded);
        }
        return meta;
    }
}
