package org.w3id.sijill.server.commitments;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3id.sijill.server.observatory.MapRenderer;
import org.w3id.sijill.server.observatory.ObservatoryViews;
import org.w3id.sijill.server.observatory.ObservatoryViews.Txt;
import org.w3id.sijill.server.observatory.Snapshot;
import org.w3id.sijill.server.pages.LocalLinks;
import org.w3id.sijill.server.pages.Messages;
import org.w3id.sijill.server.pages.PageLanguage;

/**
 * The view models of the treaty, index-score and strategy dimensions on the comparison, the matrix
 * and the map: cells of items (a step with its date, a score with its edition, a first-strategy
 * date), each citing its sources by number and linking to the claim or observation (whose page
 * shows the quote and the source). A state no source names shows "not listed in the material".
 *
 * <pre>{@code
 * CommitmentViews.Columns cols = CommitmentViews.matrix(commitments, snapshot.states(), 10, PageLanguage.AR);
 * }</pre>
 */
public final class CommitmentViews {
    private CommitmentViews() {}

    /** A citation: the source's number in the legend and the claim (or observation) it supports. */
    public record Cite(int n, String href, Txt source) {}

    /** One thing a cell says: a label (act, score, date), a date ("" when none) and its citations. */
    public record Item(Txt label, String date, List<Cite> cites) {}

    /**
     * A cell.
     *
     * @param fill  its colour class ({@code act-ratification}, {@code act-unlisted}, {@code dim-score}, …)
     * @param items what the sources say, or empty
     * @param empty what an empty cell says ("not listed in the material")
     */
    public record Cell(String fill, List<Item> items, Txt empty) {}

    /** A column of the matrix (or a row of the comparison): code, label, link, kind (treaty, score, strategy). */
    public record Dimension(String code, Txt label, String href, String kind) {}

    /** A numbered source of the legend. */
    public record SourceRef(int n, Txt title, String href) {}

    /** The matrix's extra columns: the dimensions, each state's cells by ISO code, and the numbered sources. */
    public record Columns(List<Dimension> dimensions, Map<String, List<Cell>> cells, List<SourceRef> sources) {}

    /** A row of the comparison's section: the dimension and one cell per compared state. */
    public record Row(Dimension dimension, List<Cell> cells) {}

    /** The comparison's section: its rows and numbered sources. */
    public record Section(List<Row> rows, List<SourceRef> sources) {}

    /** The map of one treaty: the map, each state's cell for the table, and the numbered sources. */
    public record TreatyMap(Commitments.Treaty treaty, ObservatoryViews.MapView map, Map<String, Cell> cells, List<SourceRef> sources) {}

    static Txt txt(Snapshot.Text t, PageLanguage lang) {
        return new Txt(t.in(lang), t.langOf(lang));
    }

    private static final class Numbering {
        final Map<String, SourceRef> refs = new LinkedHashMap<>();
        final Commitments c;
        final PageLanguage lang;
        final int offset;

        Numbering(Commitments c, int offset, PageLanguage lang) {
            this.c = c;
            this.offset = offset;
            this.lang = lang;
        }

        Cite cite(String source, String claim) {
            SourceRef r = refs.computeIfAbsent(source, k -> new SourceRef(offset + refs.size() + 1,
                    txt(c.source(k).title(), lang), LocalLinks.href(k)));
            return new Cite(r.n(), LocalLinks.href(claim), r.title());
        }

        List<SourceRef> list() {
            return List.copyOf(refs.values());
        }
    }

    private static Txt unlisted(PageLanguage lang) {
        return new Txt(Messages.get(lang, "commitments.unlisted"), lang.code());
    }

    /** @return a state's cell for a treaty: the steps, one item per act and date, citing each source that states it */
    private static Cell treatyCell(Commitments c, String iso2, Commitments.Treaty t, Numbering nb, PageLanguage lang) {
        Map<String, Item> items = new LinkedHashMap<>();
        for (Commitments.Step s : c.stepsOf(iso2, t.iri())) {
            Txt label = c.act(s.act()).map(a -> txt(a.label(), lang)).orElse(new Txt(s.act(), "en"));
            Item had = items.get(s.act() + "|" + s.date());
            List<Cite> cites = new ArrayList<>(had == null ? List.of() : had.cites());
            Cite cite = nb.cite(s.source(), s.iri());
            cites.add(cite);
            items.put(s.act() + "|" + s.date(), new Item(label, s.date(), List.copyOf(cites)));
        }
        String furthest = c.furthestAct(iso2, t.iri());
        return new Cell("act-" + (furthest.isEmpty() ? "unlisted" : furthest), List.copyOf(items.values()), unlisted(lang));
    }

    private static Cell latestScoreCell(Commitments c, String iso2, Numbering nb, PageLanguage lang) {
        return c.latestScore(iso2).map(s -> new Cell("dim-score", List.of(new Item(new Txt(s.score(), "en"),
                s.edition() + " · " + s.scaleLabel().in(lang), List.of(nb.cite(s.source(), s.iri())))), unlisted(lang)))
                .orElse(new Cell("act-unlisted", List.of(), unlisted(lang)));
    }

    private static Cell strategyCell(Commitments c, String iso2, Numbering nb, PageLanguage lang) {
        List<Item> items = new ArrayList<>();
        for (Commitments.Strategy s : c.strategiesOf(iso2)) {
            Txt label = s.hasStrategy() ? new Txt(Messages.get(lang, "commitments.strategy.first"), lang.code())
                    : new Txt(Messages.get(lang, "commitments.strategy.noneRecorded"), lang.code());
            items.add(new Item(label, s.firstDate(), List.of(nb.cite(s.source(), s.iri()))));
        }
        return new Cell(items.isEmpty() ? "act-unlisted" : "dim-strategy", List.copyOf(items), unlisted(lang));
    }

    private static List<Dimension> dimensions(Commitments c, PageLanguage lang) {
        List<Dimension> out = new ArrayList<>();
        for (Commitments.Treaty t : c.treaties()) out.add(new Dimension(t.slug(), txt(t.label(), lang), LocalLinks.href(t.iri()), "treaty"));
        out.add(new Dimension("latest-score", new Txt(Messages.get(lang, "commitments.latestScore"), lang.code()), "", "score"));
        out.add(new Dimension("first-strategy", new Txt(Messages.get(lang, "commitments.firstStrategy"), lang.code()), "", "strategy"));
        return out;
    }

    /**
     * @param offset the number of sources the page has numbered before (these continue after them)
     * @return the matrix's columns: one per treaty, the latest index score and the first-strategy date
     */
    public static Columns matrix(Commitments c, List<Snapshot.State> states, int offset, PageLanguage lang) {
        Numbering nb = new Numbering(c, offset, lang);
        Map<String, List<Cell>> cells = new LinkedHashMap<>();
        for (Snapshot.State st : states) {
            List<Cell> row = new ArrayList<>();
            for (Commitments.Treaty t : c.treaties()) row.add(treatyCell(c, st.iso2(), t, nb, lang));
            row.add(latestScoreCell(c, st.iso2(), nb, lang));
            row.add(strategyCell(c, st.iso2(), nb, lang));
            cells.put(st.iso2(), List.copyOf(row));
        }
        return new Columns(dimensions(c, lang), cells, nb.list());
    }

    /** @return the comparison's section for the states: a row per treaty, per index edition, and the first strategy */
    public static Section compare(Commitments c, List<Snapshot.State> states, PageLanguage lang) {
        Numbering nb = new Numbering(c, 0, lang);
        List<Row> rows = new ArrayList<>();
        for (Commitments.Treaty t : c.treaties()) {
            rows.add(new Row(new Dimension(t.slug(), txt(t.label(), lang), LocalLinks.href(t.iri()), "treaty"),
                    states.stream().map(st -> treatyCell(c, st.iso2(), t, nb, lang)).toList()));
        }
        for (String edition : c.editions()) {
            Commitments.Score any = c.scores().stream().filter(s -> s.edition().equals(edition)).findFirst().orElseThrow();
            Dimension d = new Dimension("score-" + edition, new Txt(Messages.get(lang, "commitments.score.row",
                    any.datasetLabel().in(lang), edition, any.scaleLabel().in(lang)), lang.code()), LocalLinks.href(any.dataset()), "score");
            List<Cell> cells = new ArrayList<>();
            for (Snapshot.State st : states) {
                List<Item> items = c.scoresOf(st.iso2()).stream().filter(s -> s.edition().equals(edition))
                        .map(s -> new Item(new Txt(s.score(), "en"), "", List.of(nb.cite(s.source(), s.iri())))).toList();
                cells.add(new Cell(items.isEmpty() ? "act-unlisted" : "dim-score", items, unlisted(lang)));
            }
            rows.add(new Row(d, List.copyOf(cells)));
        }
        rows.add(new Row(new Dimension("first-strategy", new Txt(Messages.get(lang, "commitments.firstStrategy"), lang.code()), "", "strategy"),
                states.stream().map(st -> strategyCell(c, st.iso2(), nb, lang)).toList()));
        return new Section(List.copyOf(rows), nb.list());
    }

    /** @return the map of a treaty: each state coloured by the furthest step a source states, or "not listed in the material" */
    public static TreatyMap map(Commitments c, Commitments.Treaty t, List<Snapshot.State> states, MapRenderer renderer, PageLanguage lang) {
        Numbering nb = new Numbering(c, 0, lang);
        List<String> m49s = states.stream().map(Snapshot.State::m49).toList();
        Map<String, MapRenderer.Shape> shapes = new LinkedHashMap<>();
        for (MapRenderer.Shape sh : renderer.shapes(m49s)) shapes.put(sh.m49(), sh);
        java.text.Collator collator = java.text.Collator.getInstance(lang.locale());
        List<Snapshot.State> byName = states.stream().sorted(java.util.Comparator.comparing((Snapshot.State s) -> s.name(lang), collator)).toList();
        List<ObservatoryViews.MapState> mapStates = new ArrayList<>();
        Map<String, Cell> cells = new LinkedHashMap<>();
        java.util.Set<String> used = new java.util.LinkedHashSet<>();
        for (Snapshot.State st : byName) {
            Cell cell = treatyCell(c, st.iso2(), t, nb, lang);
            cells.put(st.iso2(), cell);
            String furthest = c.furthestAct(st.iso2(), t.iri());
            used.add(furthest);
            Txt value = furthest.isEmpty() ? unlisted(lang)
                    : c.act(furthest).map(a -> txt(a.label(), lang)).orElse(new Txt(furthest, "en"));
            mapStates.add(new ObservatoryViews.MapState(st.iso2(), st.m49(), txt(st.name(), lang), LocalLinks.href(st.iri()), cell.fill(),
                    value, List.of(), shapes.get(st.m49())));
        }
        List<ObservatoryViews.MapClass> legend = new ArrayList<>();
        for (Commitments.Act a : c.acts()) if (used.contains(a.code())) legend.add(new ObservatoryViews.MapClass("act-" + a.code(), txt(a.label(), lang)));
        legend.add(new ObservatoryViews.MapClass("act-unlisted", unlisted(lang)));
        Map<String, Txt> sourceTitles = new LinkedHashMap<>();
        nb.list().forEach(r -> sourceTitles.put(Integer.toString(r.n()), r.title()));
        ObservatoryViews.MapView view = new ObservatoryViews.MapView("", mapStates, renderer.background(new HashSet<>(m49s)), legend,
                sourceTitles, fmt(MapRenderer.WIDTH), fmt(MapRenderer.HEIGHT));
        return new TreatyMap(t, view, cells, nb.list());
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }
}
