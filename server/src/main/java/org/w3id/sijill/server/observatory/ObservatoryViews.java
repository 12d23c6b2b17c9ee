package org.w3id.sijill.server.observatory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.w3id.sijill.server.pages.LocalLinks;
import org.w3id.sijill.server.pages.Messages;
import org.w3id.sijill.server.pages.PageLanguage;

/**
 * The view models of the observatory's pages (matrix, map, a country's timeline), made from a
 * {@link Snapshot} and a {@link Matrix}: plain records with the texts in the page language, the
 * links already local, and the sources numbered for a compact legend.
 *
 * <pre>{@code
 * ObservatoryViews.MatrixView v = ObservatoryViews.matrix(snapshot, matrix, PageLanguage.AR);
 * }</pre>
 */
public final class ObservatoryViews {
    private ObservatoryViews() {}

    /** A text with its language and direction, for {@code <bdi lang dir>}. */
    public record Txt(String text, String lang) {
        public String dir() { return "ar".equals(lang) ? "rtl" : "ltr"; }
    }

    /** A source of the legend: its number, key, title, and link. */
    public record SourceRef(int n, String key, Txt title, String href) {}

    /** An instrument as shown: title, year ("" when unknown), link, and whether the link leaves the site. */
    public record InstrumentRef(Txt title, String year, String href, boolean external) {}

    /** A claim as shown in a cell or on the timeline. */
    public record ClaimRef(SourceRef source, String status, Txt statusLabel, String asOf, String year, String href,
                           List<InstrumentRef> instruments, boolean earlier, Txt topic, List<Txt> quotes) {}

    /**
     * A matrix cell.
     *
     * @param more how many of the cell's claims it does not list ({@link #CELL_CLAIMS} at most are listed)
     * @param moreHref where all of them are listed: the state's timeline of the topic
     */
    public record CellView(String topic, String summary, Txt summaryLabel, String kind, List<ClaimRef> claims, String compareHref,
                           int more, String moreHref) {}

    /** The most claims a matrix or comparison cell lists; the rest are counted and linked, so a cell stays one size however many claims the register holds. */
    public static final int CELL_CLAIMS = 3;

    /**
     * The claims a cell lists.
     *
     * @param claims at most {@link #CELL_CLAIMS} claims, oldest first: every source's latest claim
     *               (the newest first when there are more sources than room), then earlier claims, newest first
     * @param earlier the IRIs of those that a later claim of the same source replaced
     * @param more how many claims of the cell are not listed
     */
    public record Listed(List<Snapshot.Claim> claims, Set<String> earlier, int more) {}

    /** @return the claims the cell lists, and how many it leaves out */
    public static Listed listed(Matrix.Cell cell) {
        List<Snapshot.Claim> pick = new ArrayList<>();
        Set<String> earlier = new HashSet<>();
        List<Snapshot.Claim> current = cell.current();
        for (int i = current.size() - 1; i >= 0 && pick.size() < CELL_CLAIMS; i--) pick.add(current.get(i));
        List<Snapshot.Claim> before = cell.earlier();
        for (int i = before.size() - 1; i >= 0 && pick.size() < CELL_CLAIMS; i--) {
            pick.add(before.get(i));
            earlier.add(before.get(i).iri());
        }
        pick.sort(Snapshot.Index.BY_DATE);
        return new Listed(List.copyOf(pick), Set.copyOf(earlier), current.size() + before.size() - pick.size());
    }

    /** @return the page listing every claim of a state on a topic: the state's timeline of that topic */
    public static String timelineHref(Snapshot.State st, Snapshot.Topic topic) {
        String iri = st.iri();
        String path = iri.startsWith(org.w3id.sijill.vocab.SIJILL.ID) ? "/page/" + iri.substring(org.w3id.sijill.vocab.SIJILL.ID.length()) : LocalLinks.href(iri);
        return path + "?topic=" + java.net.URLEncoder.encode(topic.code(), java.nio.charset.StandardCharsets.UTF_8) + "#timeline";
    }

    /** A matrix row. */
    public record RowView(String iso2, Txt name, String href, List<CellView> cells) {}

    /** A column of the matrix. */
    public record TopicRef(String code, Txt label, String href, String group) {}

    /** A status of the legend. */
    public record StatusRef(String code, Txt label) {}

    /** The matrix page's model. */
    public record MatrixView(List<TopicRef> topics, List<RowView> rows, List<SourceRef> sources, List<StatusRef> legend,
                             long differ, long change) {}

    static Txt txt(Snapshot.Text t, PageLanguage lang) {
        return new Txt(t.in(lang), t.langOf(lang));
    }

    /** @return the sources numbered 1, 2, … in the snapshot's order */
    public static Map<String, SourceRef> sourceRefs(Snapshot s, PageLanguage lang) {
        Map<String, SourceRef> out = new LinkedHashMap<>();
        int n = 1;
        for (Snapshot.Source src : s.sources()) {
            out.put(src.iri(), new SourceRef(n++, src.key(), txt(src.title(), lang), LocalLinks.href(src.iri())));
        }
        return out;
    }

    /** @return the statuses of the legend */
    public static List<StatusRef> legend(Snapshot s, PageLanguage lang) {
        return s.statuses().stream().map(st -> new StatusRef(st.code(), txt(st.label(), lang))).toList();
    }

    /** @return an instrument as shown, its link local when it is in the register */
    public static InstrumentRef instrument(Snapshot.Instrument i, PageLanguage lang) {
        boolean external = i.iri().isEmpty();
        return new InstrumentRef(txt(i.title(), lang), i.year(), external ? i.link() : LocalLinks.href(i.iri()), external);
    }

    static ClaimRef claim(Snapshot s, Snapshot.Claim c, boolean earlier, Map<String, SourceRef> sources, PageLanguage lang) {
        SourceRef src = sources.get(c.source());
        Txt statusLabel = s.status(c.status()).map(st -> txt(st.label(), lang)).orElse(new Txt(c.status(), "en"));
        Txt topic = s.topic(c.topic()).map(t -> txt(t.label(), lang)).orElse(new Txt(c.topic(), "en"));
        return new ClaimRef(src, c.status(), statusLabel, c.asOf(), c.asOf().length() >= 4 ? c.asOf().substring(0, 4) : c.asOf(),
                LocalLinks.href(c.iri()), c.instruments().stream().map(i -> instrument(i, lang)).toList(), earlier, topic,
                c.quotes().stream().map(q -> new Txt(q.text(), q.lang())).toList());
    }

    /** @return the matrix page's model */
    public static MatrixView matrix(Snapshot s, Matrix m, PageLanguage lang) {
        Map<String, SourceRef> sources = sourceRefs(s, lang);
        List<TopicRef> topics = m.topics().stream()
                .map(t -> new TopicRef(t.code(), txt(t.label(), lang), LocalLinks.href(t.iri()), t.group())).toList();
        List<RowView> rows = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (List<Matrix.Cell> row : m.rowsByName(lang)) {
            Snapshot.State st = row.get(0).state();
            List<CellView> cells = new ArrayList<>();
            for (Matrix.Cell cell : row) {
                Listed listed = listed(cell);
                List<ClaimRef> claims = new ArrayList<>();
                for (Snapshot.Claim c : listed.claims()) claims.add(claim(s, c, listed.earlier().contains(c.iri()), sources, lang));
                claims.forEach(c -> used.add(c.source().key()));
                Txt label = cell.summary().isEmpty() ? new Txt(Messages.get(lang, "obs.noclaim"), lang.code())
                        : s.status(cell.summary()).map(x -> txt(x.label(), lang)).orElse(new Txt(cell.summary(), "en"));
                cells.add(new CellView(cell.topic().code(), cell.summary().isEmpty() ? "empty" : cell.summary(), label,
                        cell.kind().code(), claims, "/compare?country=" + st.iso2(), listed.more(), timelineHref(st, cell.topic())));
            }
            rows.add(new RowView(st.iso2(), txt(st.name(), lang), LocalLinks.href(st.iri()), cells));
        }
        Map<Matrix.Kind, Long> kinds = m.kinds();
        return new MatrixView(topics, rows, sources.values().stream().filter(x -> used.contains(x.key())).toList(),
                legend(s, lang), kinds.get(Matrix.Kind.DIFFER), kinds.get(Matrix.Kind.CHANGE));
    }

    /** A state on the map, with its fill class and what the table fallback says. */
    public record MapState(String iso2, String m49, Txt name, String href, String fill, Txt value, List<ClaimRef> claims,
                           MapRenderer.Shape shape) {}

    /** A class of the map's legend. */
    public record MapClass(String fill, Txt label) {}

    /** The map page's model. */
    public record MapView(String topic, List<MapState> states, List<MapRenderer.Shape> background, List<MapClass> legend,
                          Map<String, Txt> sources, String width, String height) {}

    /** The buckets of the overview: how many topics have enacted legislation. */
    private static final int[][] BUCKETS = {{0, 0}, {1, 3}, {4, 6}, {7, 99}};

    /**
     * @param topic a topic notation, or "" for the overview (topics with enacted legislation)
     * @return the map page's model
     */
    public static MapView map(Snapshot s, Matrix m, String topic, MapRenderer renderer, PageLanguage lang) {
        Map<String, SourceRef> sources = sourceRefs(s, lang);
        List<MapState> states = new ArrayList<>();
        List<String> m49s = m.states().stream().map(Snapshot.State::m49).toList();
        Map<String, MapRenderer.Shape> shapes = new LinkedHashMap<>();
        for (MapRenderer.Shape sh : renderer.shapes(m49s)) shapes.put(sh.m49(), sh);
        List<MapClass> legend = new ArrayList<>();
        if (topic.isEmpty()) {
            for (int[] b : BUCKETS) {
                String label = b[0] == b[1] ? Messages.get(lang, "obs.map.count.none")
                        : b[1] == 99 ? Messages.get(lang, "obs.map.count.atleast", b[0])
                        : Messages.get(lang, "obs.map.count.range", b[0], b[1]);
                legend.add(new MapClass("count-" + b[0], new Txt(label, lang.code())));
            }
        } else {
            legend.addAll(legend(s, lang).stream().map(x -> new MapClass("status-" + x.code(), x.label())).toList());
            legend.add(new MapClass("status-empty", new Txt(Messages.get(lang, "obs.noclaim"), lang.code())));
        }
        for (List<Matrix.Cell> row : m.rowsByName(lang)) {
            Snapshot.State st = row.get(0).state();
            String fill;
            Txt value;
            List<ClaimRef> claims = new ArrayList<>();
            if (topic.isEmpty()) {
                long n = row.stream().filter(c -> "enacted".equals(c.summary())).count();
                int bucket = 0;
                for (int[] b : BUCKETS) if (n >= b[0] && n <= b[1]) bucket = b[0];
                fill = "count-" + bucket;
                value = new Txt(Messages.get(lang, "obs.map.count", n, row.size()), lang.code());
            } else {
                Matrix.Cell cell = row.stream().filter(c -> c.topic().code().equals(topic)).findFirst().orElseThrow();
                fill = "status-" + (cell.summary().isEmpty() ? "empty" : cell.summary());
                value = cell.summary().isEmpty() ? new Txt(Messages.get(lang, "obs.noclaim"), lang.code())
                        : s.status(cell.summary()).map(x -> txt(x.label(), lang)).orElse(new Txt(cell.summary(), "en"));
                for (Snapshot.Claim c : cell.current()) claims.add(claim(s, c, false, sources, lang));
            }
            states.add(new MapState(st.iso2(), st.m49(), txt(st.name(), lang), LocalLinks.href(st.iri()), fill, value, claims,
                    shapes.get(st.m49())));
        }
        Map<String, Txt> sourceTitles = new TreeMap<>();
        sources.values().forEach(x -> sourceTitles.put(x.key(), x.title()));
        return new MapView(topic, states, renderer.background(new HashSet<>(m49s)), legend, sourceTitles,
                MapRenderer.fmt(MapRenderer.WIDTH), MapRenderer.fmt(MapRenderer.HEIGHT));
    }

    /** A year of a country's timeline: the instruments adopted and the claims made that year. */
    public record Year(String year, List<InstrumentRef> instruments, List<ClaimRef> claims) {}

    /**
     * One page of a country's timeline, newest year first, with the numbered sources of its claims.
     *
     * @param years the dated instruments and claims of the page, by year
     * @param undated the undated instruments of the page (after every dated item)
     * @param sources the sources of the page's claims
     * @param first the 1-based position of the page's first item in the whole timeline (0 when the page is empty)
     * @param last the position of its last item
     * @param more whether more (older) items follow on the next page
     */
    public record Timeline(List<Year> years, List<InstrumentRef> undated, List<SourceRef> sources, long first, long last,
                           boolean more) {
        /** @return the positions of the page's items ({@code 101–200}) */
        public String range() { return first + "–" + last; }
    }

    /**
     * @param limit how many items (instruments and claims) the page shows at most
     * @param offset how many (newer) items to skip
     * @return one page of the state's timeline: newest year first, in a year its instruments then
     *         its claims, the undated instruments last
     */
    public static Timeline timeline(Snapshot s, Snapshot.State st, PageLanguage lang, int limit, long offset) {
        return timeline(s, st, null, lang, limit, offset);
    }

    /**
     * @param topic the topic whose instruments and claims the timeline shows, or null for all
     * @param limit how many items (instruments and claims) the page shows at most
     * @param offset how many (newer) items to skip
     * @return one page of the state's timeline of the topic (see {@link #timeline(Snapshot, Snapshot.State, PageLanguage, int, long)})
     */
    public static Timeline timeline(Snapshot s, Snapshot.State st, Snapshot.Topic topic, PageLanguage lang, int limit, long offset) {
        TimelineItems all = s.index().memo("timeline|" + st.iso2() + "|" + (topic == null ? "" : topic.code()),
                () -> TimelineItems.of(s, st, topic));
        List<Object> items = all.items();
        List<String> itemYears = all.years();
        int from = (int) Math.min(offset, items.size());
        int to = (int) Math.min((long) from + limit, items.size());
        Map<String, SourceRef> sources = sourceRefs(s, lang);
        Set<String> used = new HashSet<>();
        Map<String, Year> out = new LinkedHashMap<>();
        List<InstrumentRef> undatedOut = new ArrayList<>();
        for (int k = from; k < to; k++) {
            String y = itemYears.get(k);
            Object item = items.get(k);
            if (y == null) {
                undatedOut.add(instrument((Snapshot.Instrument) item, lang));
                continue;
            }
            Year year = out.computeIfAbsent(y, x -> new Year(x, new ArrayList<>(), new ArrayList<>()));
            if (item instanceof Snapshot.Instrument i) year.instruments().add(instrument(i, lang));
            else if (item instanceof Snapshot.Claim c) {
                year.claims().add(claim(s, c, false, sources, lang));
                used.add(c.source());
            }
        }
        return new Timeline(List.copyOf(out.values()), undatedOut,
                sources.values().stream().filter(x -> used.contains(sourceIri(s, x))).toList(),
                from < to ? from + 1L : 0, to, to < items.size());
    }

    /**
     * A state's timeline (of one topic or all) in order, made once per snapshot: each item (an
     * instrument or a claim) with its year (null for the undated instruments at the end).
     */
    private record TimelineItems(List<Object> items, List<String> years) {
        static TimelineItems of(Snapshot s, Snapshot.State st, Snapshot.Topic topic) {
            TreeMap<String, List<Snapshot.Instrument>> instruments = new TreeMap<>(java.util.Comparator.reverseOrder());
            List<Snapshot.Instrument> undated = new ArrayList<>();
            for (InstrumentIndex.Entry e : InstrumentIndex.of(s, st)) {
                if (topic != null && !e.topics().contains(topic.code())) continue;
                if (e.instrument().year().isEmpty()) undated.add(e.instrument());
                else instruments.computeIfAbsent(e.instrument().year(), k -> new ArrayList<>()).add(e.instrument());
            }
            TreeMap<String, List<Snapshot.Claim>> claims = new TreeMap<>(java.util.Comparator.reverseOrder());
            for (Snapshot.Claim c : s.index().state(st.iso2())) {
                if (topic != null && !c.topic().equals(topic.code())) continue;
                claims.computeIfAbsent(year(c), k -> new ArrayList<>()).add(c);
            }
            Set<String> years = new java.util.TreeSet<>(java.util.Comparator.reverseOrder());
            years.addAll(instruments.keySet());
            years.addAll(claims.keySet());
            List<Object> items = new ArrayList<>();
            List<String> itemYears = new ArrayList<>();
            for (String y : years) {
                for (Snapshot.Instrument i : instruments.getOrDefault(y, List.of())) { items.add(i); itemYears.add(y); }
                List<Snapshot.Claim> ofYear = new ArrayList<>(claims.getOrDefault(y, List.of()));
                ofYear.sort(java.util.Comparator.comparing(Snapshot.Claim::asOf).reversed());  // newest first in the year too
                for (Snapshot.Claim c : ofYear) { items.add(c); itemYears.add(y); }
            }
            for (Snapshot.Instrument i : undated) { items.add(i); itemYears.add(null); }
            return new TimelineItems(java.util.Collections.unmodifiableList(items), java.util.Collections.unmodifiableList(itemYears));
        }
    }

    /** @return the year of a claim's date (the date itself when shorter) */
    private static String year(Snapshot.Claim c) {
        return c.asOf().length() >= 4 ? c.asOf().substring(0, 4) : c.asOf();
    }

    private static String sourceIri(Snapshot s, SourceRef ref) {
        return s.sources().stream().filter(x -> x.key().equals(ref.key())).map(Snapshot.Source::iri).findFirst().orElse("");
    }
}
