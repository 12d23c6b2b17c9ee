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
import java.util.regex.Pattern;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.vocabulary.RDF;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.vocab.SIJILL;

/**
 * Builds the {@link ComparisonView} of two to six Arab League states: checks the ISO codes
 * against the countries of the store, runs the project's named query
 * {@value #QUERY} with the countries bound to its repeatable {@code country} parameter, and
 * reads the claims' statuses, instruments, sources and evidence with their labels.
 *
 * <pre>{@code
 * ComparisonView v = new ComparisonBuilder(queries, terms, examples).build(List.of("LB", "SY"), PageLanguage.AR);
 * }</pre>
 */
public final class ComparisonBuilder {
    /** The named query of {@code queries/} behind the comparison. */
    public static final String QUERY = "cq02-countries-side-by-side";
    /** Fewest countries compared. */
    public static final int MIN_COUNTRIES = 2;
    /** Most countries compared (more would not fit a readable page). */
    public static final int MAX_COUNTRIES = 6;
    private static final Pattern ISO2 = Pattern.compile("[A-Z]{2}");
    private static final String NO_DATA = "no-data";
    /** The notations of the legal-status scheme, in the order of the legend. */
    private static final List<String> STATUSES = List.of("enacted", "draft", "none", NO_DATA);

    private final PageQueries queries;
    private final TermLabels terms;
    private final ExampleQueries namedQueries;

    /**
     * @param queries the store's page queries
     * @param terms labels of vocabulary terms
     * @param namedQueries the project's queries folder, which holds {@value #QUERY}
     */
    public ComparisonBuilder(PageQueries queries, TermLabels terms, ExampleQueries namedQueries) {
        this.queries = queries;
        this.terms = terms;
        this.namedQueries = namedQueries;
    }

    /**
     * @param codes the ISO codes asked for (empty: the form alone)
     * @param lang the page language
     * @return the comparison
     * @throws SijillException ({@code BAD_INPUT}) for a malformed or unknown code, or fewer than
     *         {@value #MIN_COUNTRIES} or more than {@value #MAX_COUNTRIES} countries
     */
    public ComparisonView build(List<String> codes, PageLanguage lang) {
        return build(codes, null, null, lang);
    }

    /**
     * @param codes the ISO codes asked for (empty: the form alone)
     * @param snapshot the observatory's snapshot of the store, which dates the claims and says how
     *                 they relate (agree, change over time, differ); null to show every claim as is
     * @param asOf the date to compare as of ({@code YYYY[-MM[-DD]]}), or null for the latest claims
     * @param lang the page language
     * @return the comparison
     * @throws SijillException ({@code BAD_INPUT}) for a malformed or unknown code, a count out of
     *         range or a date that is not one
     */
    public ComparisonView build(List<String> codes, org.w3id.sijill.server.observatory.Snapshot snapshot, String asOf, PageLanguage lang) {
        org.w3id.sijill.server.observatory.AsOf date = org.w3id.sijill.server.observatory.AsOf.parse(asOf);
        Model countries = queries.countries();
        Map<String, Resource> states = arabLeagueStates(countries);
        List<String> chosen = validate(codes, states);
        ValueRenderer names = new ValueRenderer(countries, terms, lang);
        Collator collator = Collator.getInstance(lang.locale());
        List<ComparisonView.Choice> choices = states.entrySet().stream()
                .map(e -> new ComparisonView.Choice(e.getKey(), names.label(e.getValue()), chosen.contains(e.getKey())))
                .sorted(Comparator.comparing((ComparisonView.Choice c) -> c.name().text(), collator))
                .toList();
        if (chosen.isEmpty()) return new ComparisonView(choices, List.of(), List.of(), List.of(), List.of(), date == null ? "" : date.text());
        org.w3id.sijill.server.observatory.Matrix matrix = null;
        if (snapshot != null) {
            List<org.w3id.sijill.server.observatory.Snapshot.State> cs = chosen.stream()
                    .map(c -> snapshot.state(c).orElseThrow(() -> new SijillException(SijillException.Kind.ENVIRONMENT, "no state " + c))).toList();
            matrix = org.w3id.sijill.server.observatory.Matrix.of(snapshot,
                    new org.w3id.sijill.server.observatory.Selection(cs, List.of(), List.of(), "", date));
        }
        final org.w3id.sijill.server.observatory.Matrix m0 = matrix;

        List<String> countryIris = chosen.stream().map(c -> states.get(c).getURI()).toList();
        Query q = namedQueries.named(QUERY).bind(Map.of("country", countryIris));
        // topic → country → claim IRIs; rows of the query without a claim still name the topic
        Map<String, Map<String, Set<String>>> byTopic = new TreeMap<>();
        Map<String, String> statusCodes = new LinkedHashMap<>();
        for (Binding b : queries.select(q)) {
            Node topic = b.get("topic");
            Node country = b.get("country");
            if (topic == null || country == null) continue;
            Map<String, Set<String>> cells = byTopic.computeIfAbsent(topic.getURI(), k -> new LinkedHashMap<>());
            Set<String> claims = cells.computeIfAbsent(country.getURI(), k -> new LinkedHashSet<>());
            Node claim = b.get("claim");
            if (claim != null && claim.isURI()) {
                claims.add(claim.getURI());
                Node status = b.get("status");
                if (status != null && status.isLiteral()) statusCodes.put(claim.getURI(), status.getLiteralLexicalForm());
            }
        }
        if (byTopic.isEmpty()) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "the store has no law-topic concepts to compare by");
        }

        Model m = ModelFactory.createDefaultModel();
        m.add(queries.claimDetails(statusCodes.keySet()));
        Set<String> named = new LinkedHashSet<>(byTopic.keySet());
        named.addAll(countryIris);
        List<String> statusIris = STATUSES.stream().map(c -> SIJILL.ID + "concept/legal-status/" + c).toList();
        named.addAll(statusIris);
        m.add(queries.labels(named));
        m.add(countries);
        ValueRenderer values = new ValueRenderer(m, terms, lang);
        EntityViewBuilder entities = new EntityViewBuilder(values);

        List<ComparisonView.Row> rows = new ArrayList<>();
        Set<Resource> sources = new LinkedHashSet<>();
        byTopic.forEach((topicIri, cells) -> {
            List<ComparisonView.Cell> row = new ArrayList<>();
            for (String countryIri : countryIris) {
                List<ComparisonView.Claim> claims = new ArrayList<>();
                org.w3id.sijill.server.observatory.Matrix.Cell cell = m0 == null ? null : cellOf(m0, countryIri, topicIri);
                Set<String> current = new java.util.HashSet<>();
                Set<String> earlier = new java.util.HashSet<>();
                if (cell != null) {
                    cell.current().forEach(c -> current.add(c.iri()));
                    cell.earlier().forEach(c -> earlier.add(c.iri()));
                }
                for (String claimIri : cells.getOrDefault(countryIri, Set.of())) {
                    if (cell != null && !current.contains(claimIri) && !earlier.contains(claimIri)) continue;
                    Resource c = m.createResource(claimIri);
                    claims.add(claim(values, entities, c, statusCodes.getOrDefault(claimIri, ""), earlier.contains(claimIri),
                            cell == null ? List.of() : cited(snapshot, claimIri, lang)));
                    Resource src = object(c, EntityViewBuilder.WAS_DERIVED_FROM);
                    if (src != null) sources.add(src);
                }
                claims.sort(Comparator.comparing((ComparisonView.Claim c) -> c.asOf() == null ? "" : c.asOf())
                        .thenComparing(c -> c.source() == null ? "" : c.source().iri()));
                long statuses = claims.stream().map(ComparisonView.Claim::statusCode)
                        .filter(s -> !s.isEmpty() && !NO_DATA.equals(s)).distinct().count();
                String kind = cell != null ? cell.kind().code() : claims.isEmpty() ? "none" : statuses > 1 ? "differ" : "agree";
                row.add(new ComparisonView.Cell(List.copyOf(claims), "differ".equals(kind), kind));
            }
            rows.add(new ComparisonView.Row(values.value(m.createResource(topicIri)), List.copyOf(row)));
        });
        rows.sort(Comparator.comparing((ComparisonView.Row r) -> r.topic().label().text(), collator));
        List<ValueView> columns = countryIris.stream().map(iri -> values.value(m.createResource(iri))).toList();
        List<SourceView> sourceViews = sources.stream().sorted(Comparator.comparing(Resource::getURI))
                .map(entities::source).toList();
        List<ComparisonView.Status> legend = new ArrayList<>();
        for (int i = 0; i < STATUSES.size(); i++) {
            legend.add(new ComparisonView.Status(STATUSES.get(i), values.value(m.createResource(statusIris.get(i)))));
        }
        return new ComparisonView(choices, columns, List.copyOf(rows), sourceViews, legend, date == null ? "" : date.text());
    }

    private static org.w3id.sijill.server.observatory.Matrix.Cell cellOf(org.w3id.sijill.server.observatory.Matrix m, String countryIri, String topicIri) {
        for (List<org.w3id.sijill.server.observatory.Matrix.Cell> row : m.cells()) {
            for (org.w3id.sijill.server.observatory.Matrix.Cell c : row) {
                if (c.state().iri().equals(countryIri) && c.topic().iri().equals(topicIri)) return c;
            }
        }
        return null;
    }

    /** @return the instruments a claim names or cites, with year and link */
    private static List<org.w3id.sijill.server.observatory.ObservatoryViews.InstrumentRef> cited(
            org.w3id.sijill.server.observatory.Snapshot s, String claimIri, PageLanguage lang) {
        return s.claims().stream().filter(c -> c.iri().equals(claimIri)).findFirst()
                .map(c -> c.instruments().stream().map(i -> org.w3id.sijill.server.observatory.ObservatoryViews.instrument(i, lang)).toList())
                .orElse(List.of());
    }

    private static ComparisonView.Claim claim(ValueRenderer values, EntityViewBuilder entities, Resource c, String code,
                                              boolean earlier, List<org.w3id.sijill.server.observatory.ObservatoryViews.InstrumentRef> cited) {
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
