package org.w3id.sijill.server.pages;

import java.util.List;

/**
 * The country layout: its legal instruments by topic, the legal-status claims of each source side
 * by side, its organizations, initiatives and other things linked to it.
 *
 * <pre>{@code
 * CountryView c = new CountryViewBuilder(values).build(countryIri);
 * }</pre>
 *
 * @param lawsByTopic instruments grouped by topic (an instrument with two topics is in both)
 * @param status the claims matrix: topics × sources
 * @param organizations organizations of the country
 * @param initiatives initiatives of the country
 * @param other other things linked to the country (events, presentations, …)
 */
public record CountryView(List<TopicItems> lawsByTopic, StatusMatrix status, List<Item> organizations,
                          List<Item> initiatives, List<Item> other) {

    /**
     * A thing listed on a page, with its types, a few facts, and its evidence and sources.
     *
     * @param link the thing
     * @param types its classes
     * @param facts short facts (e.g. year, number, stakeholder group) as rows
     * @param evidence its quotes (empty on pages that cite numbered notes instead)
     * @param sources its sources
     * @param cites the notes of the facts that link it to the page's resource
     */
    public record Item(ValueView link, List<ValueView> types, List<PropertyView> facts, List<EvidenceView> evidence,
                       List<ValueView> sources, CitationNotes.Cites cites) {}

    /**
     * Items under one topic.
     *
     * @param topic the topic (null for items without one)
     * @param items the items
     */
    public record TopicItems(ValueView topic, List<Item> items) {}

    /**
     * Legal-status claims: one column per source, one row per topic.
     *
     * @param columns the sources
     * @param rows the topics
     */
    public record StatusMatrix(List<SourceColumn> columns, List<StatusRow> rows) {
        /** @return true when there is no claim */
        public boolean isEmpty() { return rows.isEmpty(); }
    }

    /**
     * A source of claims with the as-of dates of its claims.
     *
     * @param source the source, with its date, publisher and notes (e.g. an acknowledgement)
     * @param asOf the distinct as-of dates of its claims about this country
     */
    public record SourceColumn(SourceView source, List<String> asOf) {}

    /**
     * One topic: a cell per source column, null where that source makes no claim.
     *
     * @param topic the topic
     * @param cells the cells, in column order
     */
    public record StatusRow(ValueView topic, List<StatusCell> cells) {}

    /**
     * One claim.
     *
     * @param claim the claim resource
     * @param status the status concept (enacted, draft, none, no-data)
     * @param statusCode the status notation for styling, from the concept IRI
     * @param instrument the instrument the claim names, or null
     * @param asOf the as-of date, or null (also when its column's header gives the one date of the column)
     * @param evidence the claim's quotes (empty on pages that cite numbered notes instead)
     * @param cites the notes of the claim's status and instrument
     */
    public record StatusCell(ValueView claim, ValueView status, String statusCode, ValueView instrument, String asOf,
                             List<EvidenceView> evidence, CitationNotes.Cites cites) {}
}
