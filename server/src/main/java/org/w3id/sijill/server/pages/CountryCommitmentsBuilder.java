package org.w3id.sijill.server.pages;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3id.sijill.server.commitments.Commitments;
import org.w3id.sijill.server.observatory.Snapshot;

/**
 * Builds the {@link CountryCommitmentsView} of a country from the observatory's {@link Commitments}
 * (read once per release, so the section adds no query to the page): the treaty steps each source
 * states (grouped by treaty, dated as precisely as the source), the index scores per edition with
 * their scale, and the first-strategy claims with their caveats. Each step's quote becomes one of
 * the page's numbered notes ({@link CitationNotes#citeQuote}): a quote the page already cites, or
 * one sentence stating several steps, is one note, not a repeated quote box.
 *
 * <pre>{@code
 * CountryCommitmentsView v = new CountryCommitmentsBuilder(commitments, PageLanguage.EN)
 *         .build(state, notes, sourceViews);
 * }</pre>
 */
public final class CountryCommitmentsBuilder {
    private final Commitments commitments;
    private final PageLanguage lang;

    /**
     * @param commitments the store's treaty, index-score and strategy claims
     * @param lang the page language
     */
    public CountryCommitmentsBuilder(Commitments commitments, PageLanguage lang) {
        this.commitments = commitments;
        this.lang = lang;
    }

    private Label label(Snapshot.Text t) {
        String l = t.langOf(lang);
        return new Label(t.in(lang), l, !l.equals(lang.code()));
    }

    private ValueView link(String iri, Snapshot.Text t) {
        return ValueView.link(iri, label(t));
    }

    /**
     * @param state   the country
     * @param notes   the page's numbered notes (null when the store has no statement provenance: quotes are then shown in place)
     * @param sources the page's views of the sources (with their acknowledgements), by IRI
     * @return the commitments section of the country
     */
    public CountryCommitmentsView build(Snapshot.State state, CitationNotes notes, Map<String, SourceView> sources) {
        Collator collator = Collator.getInstance(lang.locale());
        List<CountryCommitmentsView.Treaty> treaties = new ArrayList<>();
        for (Commitments.Treaty t : commitments.treaties()) {
            List<CountryCommitmentsView.Act> acts = new ArrayList<>();
            for (Commitments.Step s : commitments.stepsOf(state.iso2(), t.iri())) {
                Snapshot.Text actLabel = commitments.act(s.act()).map(Commitments.Act::label).orElse(new Snapshot.Text(s.act(), ""));
                List<EvidenceView> evidence = new ArrayList<>();
                CitationNotes.Cites cites = CitationNotes.Cites.NONE;
                List<Integer> numbers = new ArrayList<>();
                for (Snapshot.Quote q : s.quotes()) {
                    Label quote = new Label(q.text(), q.lang(), false);
                    ValueView passage = null;
                    ValueView document = null;
                    Commitments.Passage p = commitments.passages().get(q.passage());
                    if (p != null) {
                        Label doc = label(p.documentTitle());
                        passage = ValueView.link(p.iri(), new Label(org.w3id.sijill.naming.PassageNames.name(lang.code(),
                                new org.w3id.sijill.naming.Labels.Name(doc.text(), doc.lang()), notation -> java.util.Optional.empty(), p.token()),
                                lang.code(), false));
                        if (!p.document().isEmpty()) document = ValueView.link(p.document(), doc);
                    }
                    if (notes == null) evidence.add(new EvidenceView(quote, passage, document));
                    else numbers.addAll(notes.citeQuote(quote, passage, document).numbers());
                }
                if (!numbers.isEmpty()) cites = new CitationNotes.Cites(numbers.stream().distinct().sorted().toList(), false);
                acts.add(new CountryCommitmentsView.Act(link(commitments.act(s.act()).map(Commitments.Act::iri).orElse(s.act()), actLabel),
                        s.date().isEmpty() ? null : s.date(), ValueView.link(s.iri(), new Label(Messages.get(lang, "commitments.claim"), lang.code(), false)),
                        link(s.source(), commitments.source(s.source()).title()), List.copyOf(evidence), notes(s.notes()), cites));
            }
            if (!acts.isEmpty()) treaties.add(new CountryCommitmentsView.Treaty(link(t.iri(), t.label()), List.copyOf(acts)));
        }
        treaties.sort(Comparator.comparing((CountryCommitmentsView.Treaty t) -> t.treaty().label().text(), collator));

        Map<String, SourceView> shown = new LinkedHashMap<>();
        List<CountryCommitmentsView.Score> scores = new ArrayList<>();
        for (Commitments.Score s : commitments.scoresOf(state.iso2())) {
            if (sources.containsKey(s.source())) shown.put(s.source(), sources.get(s.source()));
            scores.add(new CountryCommitmentsView.Score(link(s.dataset(), s.datasetLabel()), s.edition(), s.score(),
                    link("https://w3id.org/sijill/id/concept/score-scale/" + s.scale(), s.scaleLabel()), link(s.publisher(), s.publisherLabel()),
                    ValueView.link(s.iri(), new Label(s.score(), "", false))));
        }
        List<CountryCommitmentsView.Strategy> strategies = new ArrayList<>();
        for (Commitments.Strategy s : commitments.strategiesOf(state.iso2())) {
            if (sources.containsKey(s.source())) shown.put(s.source(), sources.get(s.source()));
            strategies.add(new CountryCommitmentsView.Strategy(ValueView.link(s.iri(), new Label(Messages.get(lang, "commitments.claim"), lang.code(), false)),
                    s.hasStrategy(), s.firstDate().isEmpty() ? null : s.firstDate(), s.count().isEmpty() ? null : s.count(),
                    link(s.source(), commitments.source(s.source()).title()), notes(s.notes())));
        }
        return new CountryCommitmentsView(List.copyOf(treaties), List.copyOf(scores), List.copyOf(strategies), List.copyOf(shown.values()));
    }

    private List<Label> notes(List<Commitments.Note> notes) {
        String l = Commitments.notesLang(notes, lang);
        return Commitments.notesIn(notes, lang).stream().sorted().map(n -> new Label(n, l, !l.equals(lang.code()))).toList();
    }
}
