package org.w3id.sijill.server.pages;

import java.util.List;

/**
 * The country comparison: the law topics as rows, the chosen countries as columns, and in each
 * cell the legal-status claims of the sources about that country and topic (competency question
 * 2): every source's latest claim, then earlier ones, at most a few, with the rest counted and
 * linked. Without chosen countries it holds only the choices of the form.
 *
 * <pre>{@code
 * ComparisonView v = new ComparisonBuilder(queries, terms).build(List.of("LB", "SY"), snapshot, null, PageLanguage.EN);
 * v.rows().size(); // 11 law topics
 * }</pre>
 *
 * @param choices the Arab League states of the store, for the form, in the page language's order
 * @param countries the compared countries (columns), in the order asked for; empty for the form alone
 * @param rows one row per law topic, sorted by label
 * @param sources the sources of the claims shown, with their dates and acknowledgements
 * @param legend the statuses a claim can give, labelled from the legal-status scheme
 * @param asOf the date compared as of, as asked ({@code YYYY[-MM[-DD]]}), or "" for the latest claims
 */
public record ComparisonView(List<Choice> choices, List<ValueView> countries, List<Row> rows, List<SourceView> sources,
                             List<Status> legend, String asOf) {

    /** @return true when countries were chosen and compared */
    public boolean hasMatrix() { return !countries.isEmpty(); }

    /** @return how many cells show a status that changed over time */
    public long changes() {
        return rows.stream().flatMap(r -> r.cells().stream()).filter(c -> "change".equals(c.kind())).count();
    }

    /** @return how many cells have claims from sources that differ */
    public long disagreements() {
        return rows.stream().flatMap(r -> r.cells().stream()).filter(Cell::sourcesDiffer).count();
    }

    /**
     * A country the form offers.
     *
     * @param code its ISO 3166-1 alpha-2 code
     * @param name its name in the page language
     * @param selected true when it is compared now
     */
    public record Choice(String code, Label name, boolean selected) {}

    /**
     * A status of the legend.
     *
     * @param code its notation, for styling
     * @param status the status concept
     */
    public record Status(String code, ValueView status) {}

    /**
     * One law topic across the compared countries.
     *
     * @param topic the topic concept
     * @param cells one cell per country, in column order
     */
    public record Row(ValueView topic, List<Cell> cells) {}

    /**
     * The claims about one country and topic.
     *
     * @param claims the claims, oldest first
     * @param sourcesDiffer true when sources disagree: different statuses for the same date, or a
     *                      later claim that goes back ({@code no-data} says nothing and so
     *                      contradicts nothing)
     * @param kind how the claims relate: none, agree, change (statuses progress over time), differ
     * @param more how many of the cell's claims it does not list
     * @param moreHref where all of them are listed (the state's timeline of the topic)
     */
    public record Cell(List<Claim> claims, boolean sourcesDiffer, String kind, int more, String moreHref) {
        /** @return true when no source makes a claim */
        public boolean isEmpty() { return claims.isEmpty(); }
    }

    /**
     * One legal-status claim of one source.
     *
     * @param claim the claim resource
     * @param status the status concept
     * @param statusCode the status notation (enacted, draft, none, no-data), for styling
     * @param asOf the as-of date
     * @param instrument the instrument the claim names, or null
     * @param source the source of the claim
     * @param evidence the quotes that support it, with their passages
     * @param earlier true when a later claim of the same source replaces it
     * @param cited the instruments it names or cites, with year and link
     */
    public record Claim(ValueView claim, ValueView status, String statusCode, String asOf, ValueView instrument,
                        ValueView source, List<EvidenceView> evidence, boolean earlier,
                        List<org.w3id.sijill.server.observatory.ObservatoryViews.InstrumentRef> cited) {}
}
