package org.w3id.sijill.server.pages;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.w3id.sijill.server.observatory.AsOf;
import org.w3id.sijill.server.observatory.Matrix;
import org.w3id.sijill.server.observatory.ObservatoryViews;
import org.w3id.sijill.server.observatory.Selection;
import org.w3id.sijill.server.observatory.Snapshot;
import java.util.regex.Pattern;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.vocab.SIJILL;

/**
 * Builds the {@link ComparisonView} of two to six Arab League states: checks the ISO codes
 * against the countries of the store, takes each cell's claims from the observatory's
 * {@link Snapshot} (made once per release), lists at most {@link ObservatoryViews#CELL_CLAIMS} of
 * them with their statuses, instruments, sources and evidence, and counts and links the rest, so a
 * comparison costs the same however many claims the register holds. The named query
 * {@value #QUERY} asks the same question over SPARQL.
 *
 * <pre>{@code
 * ComparisonView v = new ComparisonBuilder(queries, terms).build(List.of("LB", "SY"), snapshot, null, PageLanguage.AR);
 * }</pre>
 */
public final class ComparisonBuilder {
    /** The named query of {@code queries/} that asks the comparison's question over SPARQL. */
    public static final String QUERY = "cq02-countries-side-by-side";
    /** Fewest countries compared. */
    public static final int MIN_COUNTRIES = 2;
    /** Most countries compared (more would not fit a readable page). */
    public static final int MAX_COUNTRIES = 6;
    private static final Pattern ISO2 = Pattern.compile("[A-Z]{2}");
    /** The notations of the legal-status scheme, in the order of the legend. */
    private static final List<String> STATUSES = List.of("enacted", "draft", "none", "no-data");

    private final PageQueries queries;
    private final TermLabels terms;

    /**
     * @param queries the store's page queries
     * @param terms labels of vocabulary terms
     */
    public ComparisonBuilder(PageQueries queries, TermLabels terms) {
        this.queries = queries;
        this.terms = terms;
    }

    /** @return the Arab League states the form offers, in the page language's order */
    public List<ComparisonView.Choice> choices(PageLanguage lang) {
        return choices(queries.countries(), List.of(), lang);
    }

    private List<ComparisonView.Choice> choices(Model countries, List<String> chosen, PageLanguage lang) {
        ValueRenderer names = new ValueRenderer(countries, terms, lang);
        Collator collator = Collator.getInstance(lang.locale());
        return arabLeagueStates(countries).entrySet().stream()
                .map(e -> new ComparisonView.Choice(e.getKey(), names.label(e.getValue()), chosen.contains(e.getKey())))
                .sorted(Comparator.comparing((ComparisonView.Choice c) -> c.name().text(), collator))
                .toList();
    }

    /**
     * @param codes the ISO codes asked for (empty: the form alone)
     * @param snapshot the observatory's snapshot of the store, which holds the claims, dates them and
     *                 says how they relate (agree, change over time, differ); may be null when no
     *                 country is asked for (the form alone)
     * @param asOf the date to compare as of ({@code YYYY[-MM[-DD]]}), or null for the latest claims
     * @param lang the page language
     * @return the comparison
     * @throws SijillException ({@code BAD_INPUT}) for a malformed or unknown code, a count out of
     *         range or a date that is not one
     */
    public ComparisonView build(List<String> codes, Snapshot snapshot, String asOf, PageLanguage lang) {
        AsOf date = AsOf.parse(asOf);
        Model countries = queries.countries();
        Map<String, Resource> states = arabLeagueStates(countries);
        List<String> chosen = validate(codes, states);
        List<ComparisonView.Choice> choices = choices(countries, chosen, lang);
        if (chosen.isEmpty()) return new ComparisonView(choices, List.of(), List.of(), List.of(), List.of(), date == null ? "" : date.text());
        if (snapshot.topics().isEmpty()) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "the store has no law-topic concepts to compare by");
        }
        List<Snapshot.State> cs = chosen.stream()
                .map(c -> snapshot.state(c).orElseThrow(() -> new SijillException(SijillException.Kind.ENVIRONMENT, "no state " + c))).toList();
        Matrix matrix = Matrix.of(snapshot, new Selection(cs, List.of(), List.of(), "", date));

        // the claims the cells list, and only those, are read from the store with their evidence
        Map<Matrix.Cell, ObservatoryViews.Listed> listed = new LinkedHashMap<>();
        Set<String> shown = new LinkedHashSet<>();
        for (List<Matrix.Cell> row : matrix.cells()) {
            for (Matrix.Cell cell : row) {
                ObservatoryViews.Listed l = ObservatoryViews.listed(cell);
                listed.put(cell, l);
                l.claims().forEach(c -> shown.add(c.iri()));
            }
        }
        Model m = ModelFactory.createDefaultModel();
        m.add(queries.claimDetails(shown));
        Set<String> named = new LinkedHashSet<>();
        snapshot.topics().forEach(t -> named.add(t.iri()));
        cs.forEach(st -> named.add(st.iri()));
        List<String> statusIris = STATUSES.stream().map(c -> SIJILL.ID + "concept/legal-status/" + c).toList();
        named.addAll(statusIris);
        m.add(queries.labels(named));
        m.add(countries);
        ValueRenderer values = new ValueRenderer(m, terms, lang);
        EntityViewBuilder entities = new EntityViewBuilder(values);

        List<ComparisonView.Row> rows = new ArrayList<>();
        Set<Resource> sources = new LinkedHashSet<>();
        for (int t = 0; t < matrix.topics().size(); t++) {
            Snapshot.Topic topic = matrix.topics().get(t);
            List<ComparisonView.Cell> row = new ArrayList<>();
            for (List<Matrix.Cell> stateRow : matrix.cells()) {
                Matrix.Cell cell = stateRow.get(t);
                ObservatoryViews.Listed l = listed.get(cell);
                List<ComparisonView.Claim> claims = new ArrayList<>();
                for (Snapshot.Claim sc : l.claims()) {
                    Resource c = m.createResource(sc.iri());
                    claims.add(claim(values, entities, c, sc.status(), l.earlier().contains(sc.iri()),
                            sc.instruments().stream().map(i -> ObservatoryViews.instrument(i, lang)).toList()));
                    Resource src = object(c, EntityViewBuilder.WAS_DERIVED_FROM);
                    if (src != null) sources.add(src);
                }
                claims.sort(Comparator.comparing((ComparisonView.Claim c) -> c.asOf() == null ? "" : c.asOf())
                        .thenComparing(c -> c.source() == null ? "" : c.source().iri()));
                String kind = cell.kind().code();
                row.add(new ComparisonView.Cell(List.copyOf(claims), "differ".equals(kind), kind, l.more(),
                        ObservatoryViews.timelineHref(cell.state(), topic)));
            }
            rows.add(new ComparisonView.Row(values.value(m.createResource(topic.iri())), List.copyOf(row)));
        }
        Collator collator = Collator.getInstance(lang.locale());
        rows.sort(Comparator.comparing((ComparisonView.Row r) -> r.topic().label().text(), collator));
        List<ValueView> columns = cs.stream().map(st -> values.value(m.createResource(st.iri()))).toList();
        List<SourceView> sourceViews = sources.stream().sorted(Comparator.comparing(Resource::getURI))
                .map(entities::source).toList();
        List<ComparisonView.Status> legend = new ArrayList<>();
        for (int i = 0; i < STATUSES.size(); i++) {
            legend.add(new ComparisonView.Status(STATUSES.get(i), values.value(m.createResource(statusIris.get(i)))));
        }
        return new ComparisonView(choices, columns, List.copyOf(rows), sourceViews, legend, date == null ? "" : date.text());
    }

    private static ComparisonView.Claim claim(ValueRenderer values, EntityViewBuilder entities, Resource c, String code,
                                              boolean earlier, List<ObservatoryViews.InstrumentRef> cited) {
        Resource status = object(c, SIJILL.status);
        Resource instrument = object(c, SIJILL.instrument);
        Resource source = object(c, EntityViewBuilder.WAS_DERIVED_FROM);
        Statement asOf = c.getProperty(SIJILL.asOf);
        return new ComparisonView.Claim(values.value(c), status == null ? null : values.value(status), code,
                asOf == null ? null : asOf.getObject().asLiteral().getLexicalForm(),
                instrument == null ? null : values.value(instrument),
                source == null ? null : values.value(source), entities.evidence(c), earlier, cited);
    }

    /** @return the Arab League states of the store by ISO code */
    private static Map<String, Resource> arabLeagueStates(Model countries) {
        Map<String, Resource> out = new TreeMap<>();
        for (Resource c : countries.listSubjectsWithProperty(RDF.type, SIJILL.Country).toList()) {
            Statement member = c.getProperty(SIJILL.arabLeagueMember);
            Statement iso2 = c.getProperty(SIJILL.iso2);
            if (!c.isURIResource() || member == null || iso2 == null || !member.getObject().isLiteral()) continue;
            if (!Boolean.TRUE.equals(member.getObject().asLiteral().getValue())) continue;
            out.put(iso2.getObject().asLiteral().getLexicalForm(), c);
        }
        return out;
    }

    private static List<String> validate(List<String> codes, Map<String, Resource> states) {
        List<String> chosen = new ArrayList<>();
        for (String raw : codes) {
            String code = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
            if (!ISO2.matcher(code).matches()) {
                throw new SijillException(SijillException.Kind.BAD_INPUT,
                        "country '" + raw + "' is not an ISO 3166-1 alpha-2 code (two letters, e.g. LB)");
            }
            if (!states.containsKey(code)) {
                throw new SijillException(SijillException.Kind.BAD_INPUT,
                        "unknown country code '" + code + "': the register has no Arab League state with that code; known: "
                        + String.join(", ", states.keySet()));
            }
            if (!chosen.contains(code)) chosen.add(code);
        }
        if (!codes.isEmpty() && chosen.size() < MIN_COUNTRIES) {
            throw new SijillException(SijillException.Kind.BAD_INPUT, "choose at least " + MIN_COUNTRIES
                    + " different countries to compare, got " + chosen.size() + " (" + String.join(", ", chosen) + ")");
        }
        if (chosen.size() > MAX_COUNTRIES) {
            throw new SijillException(SijillException.Kind.BAD_INPUT, "choose at most " + MAX_COUNTRIES
                    + " countries to compare, got " + chosen.size());
        }
        return chosen;
    }

    private static Resource object(Resource s, org.apache.jena.rdf.model.Property p) {
        Statement st = s.getProperty(p);
        return st != null && st.getObject().isURIResource() ? st.getObject().asResource() : null;
    }
}
