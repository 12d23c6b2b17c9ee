package org.w3id.sijill.server.pages;

import java.util.List;

/**
 * The country page's commitments section: the treaty steps each source states for the country,
 * its index scores per edition, and its national-strategy claims — each with its source and, for
 * the treaty steps, the verbatim quote as one of the page's numbered notes.
 *
 * <pre>{@code
 * CountryCommitmentsView v = new CountryCommitmentsBuilder(commitments, lang).build(state, notes, sourceViews);
 * v.treaties().forEach(t -> System.out.println(t.treaty().label().text() + ": " + t.acts().size()));
 * }</pre>
 *
 * @param treaties   one group per treaty, by label
 * @param scores     index scores, by data set then edition
 * @param strategies national-strategy claims, one per source
 * @param sources    the external sources of the scores and strategy claims (with their acknowledgements)
 */
public record CountryCommitmentsView(List<Treaty> treaties, List<Score> scores, List<Strategy> strategies, List<SourceView> sources) {

    /** @return whether the register holds nothing on these dimensions for the country */
    public boolean isEmpty() {
        return treaties.isEmpty() && scores.isEmpty() && strategies.isEmpty();
    }

    /**
     * @param treaty the treaty
     * @param acts   the steps sources state, ordered by date (undated last) then act
     */
    public record Treaty(ValueView treaty, List<Act> acts) {}

    /**
     * @param act      the kind of step (a treaty-act concept)
     * @param date     its date as precise as the source gives it (lexical form), or null
     * @param claim    the claim itself
     * @param source   the source document
     * @param evidence the verbatim quote with its passage, shown in place only when the page has no numbered notes
     * @param notes    the claim's notes (who states it, what the excerpt does not say), in the page language where translated
     * @param cites    the page's numbered notes that hold its quote
     */
    public record Act(ValueView act, String date, ValueView claim, ValueView source, List<EvidenceView> evidence, List<Label> notes,
                      CitationNotes.Cites cites) {}

    /**
     * @param dataset     the index (a Data Cube data set)
     * @param edition     the edition (year)
     * @param score       the score as recorded
     * @param scale       the scale of the edition (a score-scale concept)
     * @param publisher   who publishes the figures
     * @param observation the observation itself
     */
    public record Score(ValueView dataset, String edition, String score, ValueView scale, ValueView publisher, ValueView observation) {}

    /**
     * @param claim         the claim itself
     * @param hasStrategy   whether the source records a strategy
     * @param firstDate     the first strategy's date as precise as the source gives it, or null
     * @param strategyCount the number of strategies the source counts, or null
     * @param source        the source
     * @param notes         the source's caveats
     */
    public record Strategy(ValueView claim, boolean hasStrategy, String firstDate, String strategyCount, ValueView source, List<Label> notes) {}
}
