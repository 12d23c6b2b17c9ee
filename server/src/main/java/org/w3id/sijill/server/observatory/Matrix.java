package org.w3id.sijill.server.observatory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The states × topics table of legal statuses as of a date: in each cell, per source, the latest
 * claim on or before the date (a source's claim counts from its date on), the source's earlier
 * claims it replaced, and whether the sources agree, show a change over time, or disagree.
 *
 * <p>A change is a sequence of dated claims whose statuses progress (none → draft → enacted), like
 * Syria's personal-data protection: a draft in the 2018 report, enacted in the 2026 tracker. A
 * disagreement is two claims with different statuses for the same date, or a later claim that goes
 * back (enacted, then none). {@code no-data} says nothing and contradicts nothing.
 *
 * <pre>{@code
 * Matrix m = Matrix.of(snapshot, Selection.of(snapshot, Map.of("asOf", List.of("2019"))));
 * m.cell("SY", "personal-data-protection").summary(); // draft
 * }</pre>
 *
 * @param states the rows
 * @param topics the columns
 * @param cells the cells, row by row
 * @param asOf the date, or null for the latest claims
 */
public record Matrix(List<Snapshot.State> states, List<Snapshot.Topic> topics, List<List<Cell>> cells, AsOf asOf) {

    /** How the claims of a cell relate. */
    public enum Kind {
        /** no claim */
        NONE,
        /** one status (or only no-data) */
        AGREE,
        /** statuses that progress over time */
        CHANGE,
        /** statuses that contradict each other */
        DIFFER;

        /** @return the lower-case name, for styling and data */
        public String code() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    /**
     * One state and topic.
     *
     * @param state the state
     * @param topic the topic
     * @param current per source, its latest claim on or before the date, oldest first
     * @param earlier the sources' earlier claims replaced by their later ones, oldest first
     * @param kind how the claims relate
     * @param summary the status of the latest informative claim ({@code no-data} when there are only such claims, "" when none)
     */
    public record Cell(Snapshot.State state, Snapshot.Topic topic, List<Snapshot.Claim> current, List<Snapshot.Claim> earlier,
                       Kind kind, String summary) {
        /**
         * The hash of the state, topic, relation and summary: a cell keys maps per request, and the
         * record's own hash would read every claim of its lists, which grow with the register
         * (equality still compares them).
         */
        @Override
        public int hashCode() {
            return java.util.Objects.hash(state, topic, kind, summary);
        }

        @Override
        public boolean equals(Object o) {
            return this == o || o instanceof Cell c && state.equals(c.state) && topic.equals(c.topic) && kind == c.kind
                    && java.util.Objects.equals(summary, c.summary) && current.equals(c.current) && earlier.equals(c.earlier);
        }
    }

    /**
     * @return the matrix of the selection, made from the claims of its cells only; the matrix of
     *         every claim (no selection) is made once per snapshot, a selection's kept among the
     *         {@value Snapshot.Index#RECENT} most recently asked for
     */
    public static Matrix of(Snapshot s, Selection sel) {
        if (sel.countries().isEmpty() && sel.topics().isEmpty() && sel.sources().isEmpty() && sel.group().isEmpty()
                && sel.asOf() == null) {
            return s.index().memo("matrix", () -> make(s, sel));
        }
        // a selection's matrix is kept while it is asked for often (the few most recent ones)
        return s.index().recent(sel, () -> make(s, sel));
    }

    private static Matrix make(Snapshot s, Selection sel) {
        List<Snapshot.State> states = sel.countriesOr(s);
        List<Snapshot.Topic> topics = sel.topicsOr(s);
        List<List<Cell>> rows = new ArrayList<>();
        for (Snapshot.State st : states) {
            List<Cell> row = new ArrayList<>();
            for (Snapshot.Topic t : topics) {
                List<Snapshot.Claim> claims = new ArrayList<>();
                for (Snapshot.Claim c : s.index().cell(st.iso2(), t.code())) {
                    if (!sel.counts(c.source())) continue;
                    if (sel.asOf() != null && !sel.asOf().covers(c.asOf())) continue;
                    claims.add(c);
                }
                row.add(cell(s, st, t, claims));
            }
            rows.add(List.copyOf(row));
        }
        return new Matrix(states, topics, List.copyOf(rows), sel.asOf());
    }

    static Cell cell(Snapshot s, Snapshot.State st, Snapshot.Topic t, List<Snapshot.Claim> claims) {
        Comparator<Snapshot.Claim> byDate = Snapshot.Index.BY_DATE;
        Map<String, Snapshot.Claim> latest = new LinkedHashMap<>();
        List<Snapshot.Claim> earlier = new ArrayList<>();
        // already in order when they come from the index (sorting them again costs one pass)
        for (Snapshot.Claim c : claims.stream().sorted(byDate).toList()) {
            Snapshot.Claim had = latest.put(c.source(), c);
            if (had != null) earlier.add(had);
        }
        List<Snapshot.Claim> current = latest.values().stream().sorted(byDate).toList();
        earlier.sort(byDate);
        List<Snapshot.Claim> all = new ArrayList<>(earlier);
        all.addAll(current);
        all.sort(byDate);
        List<Snapshot.Claim> informative = all.stream().filter(c -> rank(s, c) >= 0).toList();
        Kind kind;
        if (current.isEmpty()) kind = Kind.NONE;
        else if (informative.stream().map(Snapshot.Claim::status).distinct().count() <= 1) kind = Kind.AGREE;
        else kind = progresses(s, informative) ? Kind.CHANGE : Kind.DIFFER;
        List<Snapshot.Claim> currentInformative = current.stream().filter(c -> rank(s, c) >= 0).toList();
        String summary = current.isEmpty() ? ""
                : currentInformative.isEmpty() ? "no-data" : currentInformative.get(currentInformative.size() - 1).status();
        return new Cell(st, t, current, List.copyOf(earlier), kind, summary);
    }

    /** @return true when the statuses, in date order, never go back and never differ on one date */
    private static boolean progresses(Snapshot s, List<Snapshot.Claim> byDate) {
        for (int i = 1; i < byDate.size(); i++) {
            Snapshot.Claim a = byDate.get(i - 1);
            Snapshot.Claim b = byDate.get(i);
            if (a.status().equals(b.status())) continue;
            if (a.asOf().equals(b.asOf())) return false;
            if (rank(s, b) < rank(s, a)) return false;
        }
        // two claims of one date with different statuses, even if not adjacent
        Map<String, String> statusOn = new LinkedHashMap<>();
        for (Snapshot.Claim c : byDate) {
            String had = statusOn.putIfAbsent(c.asOf(), c.status());
            if (had != null && !had.equals(c.status())) return false;
        }
        return true;
    }

    private static int rank(Snapshot s, Snapshot.Claim c) {
        return s.status(c.status()).map(Snapshot.Status::rank).orElse(-1);
    }

    /** @return the cell of a state and topic */
    public Cell cell(String iso2, String topic) {
        for (List<Cell> row : cells) for (Cell c : row) if (c.state().iso2().equals(iso2) && c.topic().code().equals(topic)) return c;
        throw new IllegalArgumentException("no cell " + iso2 + "/" + topic);
    }

    /** @return the rows ordered by the states' names in the language (Arabic or English collation) */
    public List<List<Cell>> rowsByName(org.w3id.sijill.server.pages.PageLanguage lang) {
        java.text.Collator collator = java.text.Collator.getInstance(lang.locale());
        return cells.stream().sorted(Comparator.comparing((List<Cell> r) -> r.get(0).state().name(lang), collator)).toList();
    }

    /** @return the number of cells of each kind */
    public Map<Kind, Long> kinds() {
        Map<Kind, Long> out = new LinkedHashMap<>();
        for (Kind k : Kind.values()) out.put(k, 0L);
        for (List<Cell> row : cells) for (Cell c : row) out.merge(c.kind(), 1L, Long::sum);
        return out;
    }
}
