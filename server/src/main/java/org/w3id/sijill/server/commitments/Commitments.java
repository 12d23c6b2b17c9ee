package org.w3id.sijill.server.commitments;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3id.sijill.server.observatory.Snapshot;
import org.w3id.sijill.server.pages.PageLanguage;

/**
 * The treaty, index-score and national-strategy dimensions of the register (issue 14), read from the
 * store once per release by {@link CommitmentsLoader} and held as plain values: the treaties, the
 * treaty-act concepts, every treaty-participation claim with its date (as precise as its source
 * gives it), quote and notes, every index score with the scale of its edition, every
 * first-strategy claim with its caveats, and the titles of their sources. A state no source names
 * has no step here: absence from a source is never "not a party".
 *
 * <pre>{@code
 * Commitments c = CommitmentsLoader.load(datasetGraph);
 * c.stepsOf("MA", "https://w3id.org/sijill/id/treaty/budapest-convention"); // accession 2018-06-29, …
 * }</pre>
 *
 * @param treaties   the treaties any participation claim is about, by English label
 * @param acts       the treaty-act concepts, from the furthest step to the least (see {@link #ACT_ORDER})
 * @param steps      every participation claim about an Arab League state
 * @param scores     every index score of an Arab League state
 * @param strategies every first-strategy claim about an Arab League state
 * @param sources    the sources of these claims by IRI
 * @param passages   the passages the quotes are quoted from, by IRI
 */
public record Commitments(List<Treaty> treaties, List<Act> acts, List<Step> steps, List<Score> scores,
                          List<Strategy> strategies, Map<String, Source> sources, Map<String, Passage> passages) {

    /** The acts from the furthest step a source can state to the least; a state's map colour is its furthest act. */
    public static final List<String> ACT_ORDER = List.of("entry-into-force", "ratification", "accession", "domestic-approval",
            "signature", "invitation");

    /** A treaty: its IRI, slug (last IRI segment) and label. */
    public record Treaty(String iri, String slug, Snapshot.Text label) {}

    /** A treaty-act concept: IRI, notation and label. */
    public record Act(String iri, String code, Snapshot.Text label) {}

    /** A note of a claim in one language. */
    public record Note(String text, String lang) {}

    /** A passage a quote is quoted from: its document (IRI and title) and its token as the document numbers it. */
    public record Passage(String iri, String document, Snapshot.Text documentTitle, String token) {}

    /** A source of these claims: IRI and title. */
    public record Source(String iri, Snapshot.Text title) {}

    /**
     * One treaty-participation claim of one source.
     *
     * @param iri    the claim
     * @param treaty the treaty IRI
     * @param iso2   the state
     * @param act    the act notation
     * @param date   its date as precise as the source gives it ({@code YYYY[-MM[-DD]]}), or ""
     * @param source the source IRI
     * @param quotes the verbatim quotes, with their passages
     * @param notes  the claim's notes (who states it, what the excerpt does not say), in English and Arabic
     */
    public record Step(String iri, String treaty, String iso2, String act, String date, String source,
                       List<Snapshot.Quote> quotes, List<Note> notes) {}

    /**
     * One index score (a Data Cube observation).
     *
     * @param iri          the observation
     * @param iso2         the state
     * @param dataset      the index (data set) IRI
     * @param datasetLabel its label
     * @param edition      the edition (year)
     * @param score        the score as recorded (lexical form)
     * @param scale        the scale notation ({@code zero-to-one}, {@code zero-to-hundred})
     * @param scaleLabel   its label
     * @param publisher    who publishes the figures (IRI)
     * @param publisherLabel its label
     * @param source       the route the figures came by (IRI)
     */
    public record Score(String iri, String iso2, String dataset, Snapshot.Text datasetLabel, String edition, String score,
                        String scale, Snapshot.Text scaleLabel, String publisher, Snapshot.Text publisherLabel, String source) {}

    /**
     * One first-national-strategy claim of one source.
     *
     * @param iri         the claim
     * @param iso2        the state
     * @param hasStrategy whether the source records a strategy
     * @param firstDate   the first strategy's date as precise as the source gives it, or ""
     * @param count       the number of strategies the source counts, or ""
     * @param source      the source IRI
     * @param notes       the source's caveats
     */
    public record Strategy(String iri, String iso2, boolean hasStrategy, String firstDate, String count, String source,
                           List<Note> notes) {}

    /** @return the treaty a slug or IRI names */
    public Optional<Treaty> treaty(String slugOrIri) {
        return treaties.stream().filter(t -> t.slug().equals(slugOrIri) || t.iri().equals(slugOrIri)).findFirst();
    }

    /** @return the act with the notation */
    public Optional<Act> act(String code) {
        return acts.stream().filter(a -> a.code().equals(code)).findFirst();
    }

    /** @return the source with the IRI (an empty title when the store has none) */
    public Source source(String iri) {
        return sources.getOrDefault(iri, new Source(iri, new Snapshot.Text("", "")));
    }

    /** @return the steps sources state for a state and treaty, by date (undated last), then act, then source */
    public List<Step> stepsOf(String iso2, String treatyIri) {
        return steps.stream().filter(s -> s.iso2().equals(iso2) && s.treaty().equals(treatyIri))
                .sorted(Comparator.comparing((Step s) -> s.date().isEmpty() ? "9999" : s.date())
                        .thenComparing(s -> ACT_ORDER.indexOf(s.act())).thenComparing(Step::source))
                .toList();
    }

    /** @return whether the store holds none of these claims */
    public boolean isEmpty() {
        return steps.isEmpty() && scores.isEmpty() && strategies.isEmpty();
    }

    /** @return the IRIs of the sources of a state's claims */
    public java.util.Set<String> sourcesOf(String iso2) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        steps.stream().filter(s -> s.iso2().equals(iso2)).forEach(s -> out.add(s.source()));
        scores.stream().filter(s -> s.iso2().equals(iso2)).forEach(s -> out.add(s.source()));
        strategies.stream().filter(s -> s.iso2().equals(iso2)).forEach(s -> out.add(s.source()));
        return out;
    }

    /** @return the scores of a state, by data set then edition */
    public List<Score> scoresOf(String iso2) {
        return scores.stream().filter(s -> s.iso2().equals(iso2))
                .sorted(Comparator.comparing(Score::dataset).thenComparing(Score::edition)).toList();
    }

    /** @return the latest edition's score of a state (per data set, the first data set), if any */
    public Optional<Score> latestScore(String iso2) {
        List<Score> of = scoresOf(iso2);
        return of.isEmpty() ? Optional.empty() : Optional.of(of.stream().filter(s -> s.dataset().equals(of.get(0).dataset()))
                .reduce((a, b) -> b).orElseThrow());
    }

    /** @return the first-strategy claims about a state, by source */
    public List<Strategy> strategiesOf(String iso2) {
        return strategies.stream().filter(s -> s.iso2().equals(iso2)).sorted(Comparator.comparing(Strategy::source)).toList();
    }

    /** @return the editions of the scores, in order */
    public List<String> editions() {
        return scores.stream().map(Score::edition).distinct().sorted().toList();
    }

    /** @return the furthest act any source states for a state and treaty, or "" when none is listed */
    public String furthestAct(String iso2, String treatyIri) {
        return stepsOf(iso2, treatyIri).stream().map(Step::act).min(Comparator.comparingInt(a -> {
            int i = ACT_ORDER.indexOf(a);
            return i < 0 ? ACT_ORDER.size() : i;
        })).orElse("");
    }

    /** @return the notes in the page language, or in English when none is in it */
    public static List<String> notesIn(Collection<Note> notes, PageLanguage lang) {
        List<String> in = notes.stream().filter(n -> n.lang().equals(lang.code())).map(Note::text).toList();
        return in.isEmpty() ? notes.stream().filter(n -> n.lang().equals("en") || n.lang().isEmpty()).map(Note::text).toList() : in;
    }

    /** @return the language {@link #notesIn} gives its notes in */
    public static String notesLang(Collection<Note> notes, PageLanguage lang) {
        return notes.stream().anyMatch(n -> n.lang().equals(lang.code())) ? lang.code() : "en";
    }
}
