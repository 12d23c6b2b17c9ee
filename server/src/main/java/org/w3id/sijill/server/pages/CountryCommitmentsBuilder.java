package org.w3id.sijill.server.pages;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.SKOS;
import org.w3id.sijill.vocab.SIJILL;

/**
 * Builds the {@link CountryCommitmentsView} of a country from the named queries of its three
 * dimensions — {@value #TREATIES} (treaty steps per source), {@value #SCORES} (index scores per
 * edition) and {@value #STRATEGIES} (first national strategy per source) — bound to the country,
 * then the claims' own triples, labels, quotes and sources ({@link PageQueries#claimDetails}).
 *
 * <pre>{@code
 * CountryCommitmentsView v = new CountryCommitmentsBuilder(queries, terms, namedQueries)
 *         .build("https://w3id.org/sijill/id/country/MA", PageLanguage.EN);
 * }</pre>
 */
public final class CountryCommitmentsBuilder {
    /** The named query of treaty participation (CQ12). */
    public static final String TREATIES = "cq12-treaty-participation";
    /** The named query of index scores (CQ13). */
    public static final String SCORES = "cq13-index-scores";
    /** The named query of first national strategies (CQ14). */
    public static final String STRATEGIES = "cq14-first-strategy";

    private static final Property QB_DATA_SET = ModelFactory.createDefaultModel().createProperty("http://purl.org/linked-data/cube#dataSet");

    private final PageQueries queries;
    private final TermLabels terms;
    private final ExampleQueries namedQueries;

    /**
     * @param queries      the store's page queries
     * @param terms        labels of the vocabulary terms
     * @param namedQueries the project's queries folder, which holds the three named queries
     */
    public CountryCommitmentsBuilder(PageQueries queries, TermLabels terms, ExampleQueries namedQueries) {
        this.queries = queries;
        this.terms = terms;
        this.namedQueries = namedQueries;
    }

    /**
     * @return whether the queries folder holds the three named queries this section is built from
     *         (a deployment with its own queries folder may not; its country pages then have no
     *         commitments section)
     */
    public static boolean available(ExampleQueries namedQueries) {
        return java.util.stream.Stream.of(TREATIES, SCORES, STRATEGIES).allMatch(n -> namedQueries.find(n).isPresent());
    }

    /** @return the commitments section of the country {@code countryIri} in {@code lang} */
    public CountryCommitmentsView build(String countryIri, PageLanguage lang) {
        return build(countryIri, lang, Set.of());
    }

    /**
     * @param alreadyQuoted quotes the page already shows (its numbered notes): not repeated here
     * @return the commitments section of the country {@code countryIri} in {@code lang}
     */
    public CountryCommitmentsView build(String countryIri, PageLanguage lang, Set<String> alreadyQuoted) {
        Map<String, List<String>> country = Map.of("country", List.of(countryIri));
        Set<String> participation = subjects(queries.select(namedQueries.named(TREATIES).bind(country)), "claim");
        Set<String> scores = subjects(queries.select(namedQueries.named(SCORES).bind(country)), "observation");
        Set<String> strategies = subjects(queries.select(namedQueries.named(STRATEGIES).bind(country)), "claim");
        Set<String> all = new LinkedHashSet<>(participation);
        all.addAll(scores);
        all.addAll(strategies);
        if (all.isEmpty()) return new CountryCommitmentsView(List.of(), List.of(), List.of(), List.of());
        Model m = ModelFactory.createDefaultModel().add(queries.claimDetails(all));
        ValueRenderer values = new ValueRenderer(m, terms, lang);
        EntityViewBuilder entities = new EntityViewBuilder(values);
        Collator collator = Collator.getInstance(lang.locale());

        Map<String, List<CountryCommitmentsView.Act>> byTreaty = new LinkedHashMap<>();
        for (String iri : participation) {
            Resource c = m.createResource(iri);
            Resource treaty = object(c, SIJILL.treaty);
            if (treaty == null) continue;
            byTreaty.computeIfAbsent(treaty.getURI(), k -> new ArrayList<>()).add(new CountryCommitmentsView.Act(
                    view(values, object(c, SIJILL.act)), lexical(c, SIJILL.actDate), values.value(c),
                    view(values, object(c, EntityViewBuilder.WAS_DERIVED_FROM)), entities.evidence(c), notes(c)));
        }
        Comparator<CountryCommitmentsView.Act> actOrder = Comparator
                .comparing((CountryCommitmentsView.Act a) -> a.date() == null ? "9999" : a.date())
                .thenComparing(a -> a.act() == null ? "" : a.act().label().text(), collator)
                .thenComparing(a -> a.source() == null ? "" : a.source().iri());
        List<CountryCommitmentsView.Treaty> treaties = new ArrayList<>();
        // One sentence often states several steps (signature lists, ratification lists): a quote is
        // shown once on the page; a later step citing it shows its source and links to its claim.
        Set<String> quoted = new java.util.HashSet<>(alreadyQuoted);
        byTreaty.forEach((iri, acts) -> {
            acts.sort(actOrder);
            List<CountryCommitmentsView.Act> shown = new ArrayList<>();
            for (CountryCommitmentsView.Act a : acts) {
                List<EvidenceView> first = a.evidence().stream().filter(e -> quoted.add(e.quote().text())).toList();
                shown.add(new CountryCommitmentsView.Act(a.act(), a.date(), a.claim(), a.source(), first, a.notes()));
            }
            treaties.add(new CountryCommitmentsView.Treaty(values.value(m.createResource(iri)), List.copyOf(shown)));
        });
        treaties.sort(Comparator.comparing((CountryCommitmentsView.Treaty t) -> t.treaty().label().text(), collator));

        Set<Resource> externalSources = new LinkedHashSet<>();
        List<CountryCommitmentsView.Score> scoreViews = new ArrayList<>();
        for (String iri : scores) {
            Resource o = m.createResource(iri);
            Resource source = object(o, EntityViewBuilder.WAS_DERIVED_FROM);
            if (source != null) externalSources.add(source);
            scoreViews.add(new CountryCommitmentsView.Score(view(values, object(o, QB_DATA_SET)), lexical(o, SIJILL.edition),
                    lexical(o, SIJILL.score), view(values, object(o, SIJILL.scoreScale)), view(values, object(o, DCTerms.publisher)),
                    values.value(o)));
        }
        scoreViews.sort(Comparator.comparing((CountryCommitmentsView.Score s) -> s.dataset() == null ? "" : s.dataset().iri())
                .thenComparing(s -> s.edition() == null ? "" : s.edition()));

        List<CountryCommitmentsView.Strategy> strategyViews = new ArrayList<>();
        for (String iri : strategies) {
            Resource c = m.createResource(iri);
            Resource source = object(c, EntityViewBuilder.WAS_DERIVED_FROM);
            if (source != null) externalSources.add(source);
            Statement has = c.getProperty(SIJILL.hasStrategy);
            strategyViews.add(new CountryCommitmentsView.Strategy(values.value(c),
                    has != null && has.getObject().isLiteral() && has.getObject().asLiteral().getBoolean(),
                    lexical(c, SIJILL.firstStrategyDate), lexical(c, SIJILL.strategyCount), view(values, source), notes(c)));
        }
        strategyViews.sort(Comparator.comparing(s -> s.source() == null ? "" : s.source().iri()));
        List<SourceView> sourceViews = externalSources.stream().sorted(Comparator.comparing(Resource::getURI)).map(entities::source).toList();
        return new CountryCommitmentsView(List.copyOf(treaties), List.copyOf(scoreViews), List.copyOf(strategyViews), sourceViews);
    }

    private static Set<String> subjects(List<Binding> rows, String var) {
        Set<String> out = new LinkedHashSet<>();
        for (Binding b : rows) {
            Node n = b.get(var);
            if (n != null && n.isURI()) out.add(n.getURI());
        }
        return out;
    }

    private static ValueView view(ValueRenderer values, Resource r) {
        return r == null ? null : values.value(r);
    }

    private static Resource object(Resource s, Property p) {
        Statement st = s.getProperty(p);
        return st != null && st.getObject().isURIResource() ? st.getObject().asResource() : null;
    }

    private static String lexical(Resource s, Property p) {
        Statement st = s.getProperty(p);
        return st != null && st.getObject().isLiteral() ? st.getObject().asLiteral().getLexicalForm() : null;
    }

    private static List<Label> notes(Resource c) {
        List<Label> out = new ArrayList<>();
        for (RDFNode n : c.listProperties(SKOS.note).toList().stream().map(Statement::getObject).toList()) {
            if (n.isLiteral()) out.add(ValueRenderer.literal(n.asLiteral()).label());
        }
        out.sort(Comparator.comparing(Label::text));
        return out;
    }
}
