package org.w3id.sijill.server.pages;

import java.text.Collator;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.server.ld.ResourceDescriber;
import org.w3id.sijill.vocab.SIJILL;

/**
 * Renders every HTML page of Sijill: the landing page, entity pages (by page type), the ontology
 * documentation and the query page, from a dataset whose facts live in named graphs. The servlets
 * of {@link PagesModule} only negotiate the language and write what this class returns.
 *
 * <pre>{@code
 * SijillPages pages = new SijillPages(datasetGraph, ontologyGraph, new ExampleQueries(home.queries()), DownloadsInfo.NONE);
 * RenderedPage p = pages.entity("country/LB", 1, new PageRequest(PageLanguage.AR, "/page/country/LB", Map.of(), base));
 * }</pre>
 */
public final class SijillPages {
    /** Incoming links per page of an entity page. */
    public static final int INCOMING_PAGE_SIZE = 100;
    /** How many linked things (laws, claims, organizations, initiatives, events) one page of a country lists. */
    public static final int COUNTRY_PAGE_SIZE = 100;
    /** How many items (instruments and claims) one page of a country's timeline shows. */
    public static final int TIMELINE_PAGE_SIZE = 100;
    /** How many passages one page of a document lists. */
    public static final int DOCUMENT_PAGE_SIZE = 100;

    private static final List<String> DATA_FORMATS = List.of("ttl", "jsonld", "nt", "rdf");

    private final PageQueries queries;
    private final ExampleQueries examples;
    private final DownloadsInfo downloads;
    private final TemplateRenderer templates = new TemplateRenderer();
    /** The ontology with the store's ontology graph, its term labels and the describer over it: read by the first page or the warm-up, not while the server starts. */
    private final org.w3id.sijill.server.OnFirstUse<Vocabulary> vocabulary;
    private volatile org.w3id.sijill.server.observatory.Observatory observatory;

    /**
     * @param dataset the store (facts in named graphs)
     * @param ontologyGraph the ontology the server publishes (may be empty); the store's
     *                      {@value PageQueries#ONTOLOGY_GRAPH} graph, if any, is added to it
     * @param examples the example queries
     * @param downloads the published dumps
     */
    public SijillPages(DatasetGraph dataset, Graph ontologyGraph, ExampleQueries examples, DownloadsInfo downloads) {
        this.queries = new PageQueries(dataset);
        this.observatory = new org.w3id.sijill.server.observatory.Observatory(dataset);
        this.examples = examples;
        this.downloads = downloads;
        PageQueries q = queries;
        this.vocabulary = new org.w3id.sijill.server.OnFirstUse<>(() -> {
            Model m = ModelFactory.createDefaultModel();
            if (ontologyGraph != null) m.add(ModelFactory.createModelForGraph(ontologyGraph));
            m.add(q.ontology());
            return new Vocabulary(m, TermLabels.of(m), new ResourceDescriber(dataset).withOntology(m.getGraph()));
        });
        this.landingData = new org.w3id.sijill.server.PerRelease<>(() -> release.get(),
                () -> new LandingData(Map.copyOf(q.classCounts()), q.countries()));
    }

    private record Vocabulary(Model ontology, TermLabels terms, ResourceDescriber describer) {}

    /** What the landing page reads from the store: class counts and the countries. */
    private record LandingData(Map<String, Long> counts, Model countries) {}

    /** The served release; by default none is known and the landing data is read for every page. */
    private volatile java.util.function.Supplier<?> release = Object::new;
    private final org.w3id.sijill.server.PerRelease<LandingData> landingData;

    /** How many documents' passage orders are kept per release (the most recently read). */
    static final int DOCUMENT_ORDERS = 32;
    private final org.w3id.sijill.server.PerRelease<Map<String, List<org.apache.jena.graph.Node>>> documentOrders =
            new org.w3id.sijill.server.PerRelease<>(() -> release.get(), () -> java.util.Collections.synchronizedMap(
                    new java.util.LinkedHashMap<String, List<org.apache.jena.graph.Node>>(DOCUMENT_ORDERS * 2, 0.75f, true) {
                        @Override
                        protected boolean removeEldestEntry(Map.Entry<String, List<org.apache.jena.graph.Node>> eldest) {
                            return size() > DOCUMENT_ORDERS;
                        }
                    }));

    /**
     * Reads the store-wide figures of the landing page (counts, countries) once per release instead
     * of once per request.
     *
     * @param releaseId the id of the release served now
     * @return this
     */
    public SijillPages cachePerRelease(java.util.function.Supplier<String> releaseId) {
        this.release = java.util.Objects.requireNonNull(releaseId);
        return this;
    }

    /**
     * Uses the server's observatory (shared with the API, following the release served) instead
     * of one of its own.
     *
     * @return this
     */
    public SijillPages observing(org.w3id.sijill.server.observatory.Observatory shared) {
        this.observatory = java.util.Objects.requireNonNull(shared);
        return this;
    }

    /**
     * Reads what the landing, country, map, matrix and comparison pages read once (the ontology
     * with its term labels, the landing counts and countries of the release served now, the
     * observatory's snapshot and commitments) and compiles the landing, country and error
     * templates, so that the first requests after a start or a switch of release find them ready.
     */
    public void warmUp() {
        vocabulary.get();
        landingData.get();
        observatory.snapshot();
        observatory.commitments();
        // last: a first request compiles its own template meanwhile, on the other core, instead of waiting for the snapshot
        templates.compile("landing", "country", "error");
    }

    /**
     * @return what, besides the release and the language, the landing page depends on: the
     *         published dumps and the date (for its entity tag)
     */
    public String landingVariant() {
        return "landing-" + downloads.current().map(DownloadsInfo.Release::id).orElse("none") + "-" + LocalDate.now(ZoneOffset.UTC);
    }

    /** @return the observatory of the store (matrix, map, comparison tables) */
    public org.w3id.sijill.server.observatory.Observatory observatory() {
        return observatory;
    }

    /** @return the ontology (server's files and the store's ontology graph) */
    public Model ontology() {
        return vocabulary.get().ontology();
    }

    private TermLabels terms() {
        return vocabulary.get().terms();
    }

    private ResourceDescriber describer() {
        return vocabulary.get().describer();
    }

    private Map<String, Object> base(PageRequest r, String title) {
        Map<String, Object> ctx = new HashMap<>();
        ctx.put("req", r);
        ctx.put("title", title);
        return ctx;
    }

    /** @return the landing page */
    public RenderedPage landing(PageRequest r) {
        PageLanguage lang = r.lang();
        TermLabels terms = terms();
        ValueRenderer termValues = new ValueRenderer(ModelFactory.createDefaultModel(), terms, lang);
        // after a start the store-wide counts of a large release take a while: the page does not wait for them
        Optional<LandingData> ready = landingData.within(landingWait);
        LandingData data = ready.orElseGet(() -> new LandingData(Map.of(), queries.countries()));
        List<Map<String, Object>> counts = new ArrayList<>();
        data.counts().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> {
                    Resource c = ModelFactory.createDefaultModel().createResource(e.getKey());
                    counts.add(Map.of("cls", ValueView.link(e.getKey(), termValues.termLabel(c)), "n", e.getValue(),
                            "queryHref", "/query?query=" + PageRequest.encode(listQuery(e.getKey()))));
                });
        Model countries = ModelFactory.createDefaultModel().add(data.countries());  // a copy: the kept one is shared
        ValueRenderer cv = new ValueRenderer(countries, terms, lang);
        Collator collator = Collator.getInstance(lang.locale());
        List<Resource> allCountries = countries.listSubjectsWithProperty(RDF.type, SIJILL.Country).toList().stream()
                .filter(RDFNode::isURIResource).toList();
        List<ValueView> countryLinks = countryLinks(allCountries, true, cv, countries, collator);
        List<ValueView> otherCountryLinks = countryLinks(allCountries, false, cv, countries, collator);
        List<ValueView> preset = new ArrayList<>();
        for (String code : PRESET_COMPARISON) {
            countries.listSubjectsWithProperty(SIJILL.iso2, code).toList().stream().filter(RDFNode::isURIResource)
                    .findFirst().ifPresent(c -> preset.add(cv.value(c)));
        }
        List<ExampleQueries.Example> questions = examples.list().stream().filter(e -> !e.isCheck()).toList();
        Optional<DownloadsInfo.Release> release = downloads.current();
        Map<String, Object> ctx = base(r, Messages.get(lang, "site.name"));
        ctx.put("counts", counts);
        ctx.put("countsPending", ready.isEmpty());
        ctx.put("countries", countryLinks);
        ctx.put("otherCountries", otherCountryLinks);
        // The example comparison is offered only when the store has all of its countries.
        ctx.put("presetCompare", preset.size() == PRESET_COMPARISON.size() ? preset : List.of());
        ctx.put("presetCompareHref", presetComparisonHref());
        ctx.put("examples", questions);
        ctx.put("release", release.orElse(null));
        ctx.put("today", LocalDate.now(ZoneOffset.UTC).toString());
        ctx.put("jsonLd", SchemaOrgJsonLd.forDataset(r.siteUrl() + "/", "Sijill", "سجل",
                Messages.get(PageLanguage.EN, "landing.about"), release.map(DownloadsInfo.Release::id).orElse(null),
                release.map(DownloadsInfo.Release::files).orElse(List.of())));
        ctx.put("unctadAcknowledgement", UNCTAD_ACKNOWLEDGEMENT);
        return new RenderedPage(200, lang, templates.render("landing", lang, ctx), ready.isEmpty());
    }

    /** How long the landing page waits for the release's counts before it is answered without them (as long as the observatory's pages wait). */
    private volatile java.time.Duration landingWait = org.w3id.sijill.server.observatory.Observatory.WAIT;

    /**
     * @param wait how long the landing page waits for a release's counts (default {@link org.w3id.sijill.server.observatory.Observatory#WAIT})
     * @return this
     */
    public SijillPages waitingForCountsAtMost(java.time.Duration wait) {
        this.landingWait = java.util.Objects.requireNonNull(wait);
        return this;
    }

    /** The acknowledgement UNCTAD asks for when its tracker data is reused. */
    public static final String UNCTAD_ACKNOWLEDGEMENT = "Source: UNCTAD Global Cyberlaw Tracker (data as of 2026-04-27)";

    private static String listQuery(String classIri) {
        return """
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                SELECT ?item ?label WHERE {
                  ?item a <%s> .
                  OPTIONAL { ?item rdfs:label ?label }
                } ORDER BY ?item
                LIMIT 200
                """.formatted(classIri);
    }

    /**
     * @param path the path after {@code /page/} (e.g. {@code country/LB})
     * @return whether the store knows the resource of that path
     */
    public boolean exists(String path) {
        return describer().exists(LocalLinks.canonicalIri(path));
    }

    /**
     * @param path the path after {@code /page/} (e.g. {@code country/LB})
     * @param page the 1-based page of incoming links
     * @param r the request
     * @return the entity page, or a 404 page when the store knows nothing of the IRI
     */
    public RenderedPage entity(String path, int page, PageRequest r) {
        // every query of the page reads one snapshot of the store, in one read transaction
        try (PageQueries.Read read = queries.read()) {
            return entityInRead(path, page, r);
        }
    }

    private RenderedPage entityInRead(String path, int page, PageRequest r) {
        PageLanguage lang = r.lang();
        if (page < 1) throw new SijillException(SijillException.Kind.BAD_INPUT, "page must be 1 or more, got " + page);
        String iri = LocalLinks.canonicalIri(path);
        ResourceDescriber.Description d = describer().describe(iri, INCOMING_PAGE_SIZE, (long) (page - 1) * INCOMING_PAGE_SIZE);
        if (d.isEmpty()) return notFound(r);
        Model model = ModelFactory.createDefaultModel().add(d.model());
        Set<String> sources = new LinkedHashSet<>();
        model.listObjectsOfProperty(EntityViewBuilder.WAS_DERIVED_FROM).forEachRemaining(n -> { if (n.isURIResource()) sources.add(n.asResource().getURI()); });
        // a League state's treaty, score and strategy sources come with the page's own source query;
        // only a country's page needs the observatory (the other pages never wait for it)
        boolean isCountry = model.contains(model.createResource(iri), RDF.type, SIJILL.Country);
        org.w3id.sijill.server.observatory.Snapshot.State state = !isCountry ? null : observatory.ready().states().stream()
                .filter(st -> st.iri().equals(iri)).findFirst().orElse(null);
        org.w3id.sijill.server.commitments.Commitments commitments = state == null ? null : observatory.commitments();
        Set<String> commitmentSources = state == null ? Set.of() : commitments.sourcesOf(state.iso2());
        sources.addAll(commitmentSources);
        model.add(queries.sourceDetails(sources));
        TermLabels terms = terms();
        PageType type = PageType.of(model, model.createResource(iri));
        // the things listed on the page besides the resource itself, and the statements about them all
        // a country lists one page of what is linked to it (paged like the incoming links), never all of it
        PageQueries.CountryFactsPage countryPage = type == PageType.COUNTRY
                ? queries.countryFacts(iri, COUNTRY_PAGE_SIZE, (long) (page - 1) * COUNTRY_PAGE_SIZE) : null;
        Model around = switch (type) {
            case COUNTRY -> countryPage.model().add(model);
            case LEGAL_INSTRUMENT -> queries.members(iri).add(model);
            default -> model;
        };
        Model provenance = ModelFactory.createDefaultModel().add(around);
        if (type == PageType.COUNTRY || type == PageType.LEGAL_INSTRUMENT) {
            Set<String> listed = new LinkedHashSet<>();
            around.listSubjects().forEachRemaining(x -> { if (x.isURIResource()) listed.add(x.getURI()); });
            listed.remove(iri);
            provenance.add(queries.statements(listed));
        }
        CitationNotes notes = new CitationNotes(provenance, new ValueRenderer(provenance, terms, lang));
        // a store built without statement provenance keeps the quotes on the entities
        if (!notes.hasStatements()) notes = null;
        // the country, topic and source of the claims listed, which name them
        model.add(queries.labels(DisplayNames.claimParts(model)));
        ValueRenderer values = new ValueRenderer(model, terms, lang).withNotes(notes);
        EntityView entity = new EntityViewBuilder(values).build(iri);
        Map<String, Object> ctx = base(r, entity.title().text());
        ctx.put("entity", entity);
        ctx.put("notes", notes);
        ctx.put("incomingPage", page);
        ctx.put("incomingTotal", d.incomingCountCapped()
                ? Messages.get(lang, "page.incoming.more", ResourceDescriber.INCOMING_COUNT_CAP) : d.incomingCount());
        ctx.put("hasNextIncoming", d.hasMoreIncoming() || countryPage != null && countryPage.more());
        ctx.put("nextHref", r.withParam("page", Integer.toString(page + 1)));
        ctx.put("previousHref", page > 1 ? r.withParam("page", Integer.toString(page - 1)) : null);
        ctx.put("alternates", DATA_FORMATS.stream().map(f -> Map.of("format", f, "href", "/data/" + path + "." + f)).toList());
        ctx.put("jsonLd", SchemaOrgJsonLd.forResource(model, iri));
        switch (entity.pageType()) {
            case COUNTRY -> {
                ctx.put("country", new CountryViewBuilder(new ValueRenderer(around, terms, lang).withNotes(notes)).build(iri));
                ctx.put("compareWith", compareChoices(model.createResource(iri), lang));
                if (state != null && commitments != null && !commitments.isEmpty()) {
                    EntityViewBuilder sourceViews = new EntityViewBuilder(new ValueRenderer(model, terms, lang));
                    Map<String, SourceView> views = new java.util.LinkedHashMap<>();
                    for (String src : commitmentSources) views.put(src, sourceViews.source(model.createResource(src)));
                    ctx.put("commitments", new CountryCommitmentsBuilder(commitments, lang).build(state, notes, views));
                }
                Statement code = model.createResource(iri).getProperty(SIJILL.iso2);
                // the timeline shows one page of its items, newest first, paged with the country's other lists
                // ?topic= narrows it to one law topic (the matrix and comparison cells link there for all their claims)
                org.w3id.sijill.server.observatory.Snapshot snap = observatory.ready();
                String topicParam = r.params().get("topic");
                org.w3id.sijill.server.observatory.Snapshot.Topic topic = topicParam == null || topicParam.isBlank() ? null
                        : org.w3id.sijill.server.observatory.Selection.topic(snap, topicParam);
                if (topic != null) {
                    ctx.put("timelineTopic", new org.w3id.sijill.server.observatory.ObservatoryViews.Txt(topic.label(lang),
                            topic.label().langOf(lang)));
                    ctx.put("timelineAllHref", r.without("topic", "page"));
                }
                if (code != null) snap.state(code.getString()).ifPresent(st -> ctx.put("timeline",
                        org.w3id.sijill.server.observatory.ObservatoryViews.timeline(snap, st, topic, lang,
                                TIMELINE_PAGE_SIZE, (long) (page - 1) * TIMELINE_PAGE_SIZE)));
            }
            case DOCUMENT -> {
                // one page of the passages, in document order, never all of them
                // the document's order is read once per release (its passages' ordinals, all of them), its pages cut from it
                List<org.apache.jena.graph.Node> order = documentOrders.get().computeIfAbsent(iri, queries::documentOrder);
                PageQueries.PassagesPage passages = queries.documentPassages(iri, order, DOCUMENT_PAGE_SIZE, (long) (page - 1) * DOCUMENT_PAGE_SIZE);
                ctx.put("document", DocumentView.build(new ValueRenderer(passages.model().add(model), terms, lang), iri, passages.passages()));
                ctx.put("hasNextPassages", passages.more());
            }
            case PASSAGE -> {
                Model passage = queries.passageFacts(iri).add(model);
                ctx.put("passage", PassageView.build(new ValueRenderer(passage, terms, lang), iri));
            }
            case CONCEPT -> {
                // the members are the page of incoming links the description holds (paged like them), never all of them
                ctx.put("concept", ConceptView.build(new ValueRenderer(model, terms, lang), iri));
            }
            case LEGAL_INSTRUMENT -> {
                CountryViewBuilder items = new CountryViewBuilder(new ValueRenderer(around, terms, lang).withNotes(notes));
                List<Resource> claims = around.listSubjectsWithProperty(SIJILL.instrument, around.createResource(iri)).toList();
                ctx.put("claims", items.items(claims, List.of(SIJILL.jurisdiction.getURI(), SIJILL.topic.getURI(),
                        SIJILL.status.getURI(), SIJILL.asOf.getURI()), iri));
            }
            default -> { }
        }
        return new RenderedPage(200, lang, templates.render(entity.pageType().template(), lang, ctx));
    }

    /**
     * @param codes the ISO 3166-1 alpha-2 codes of the countries to compare (none: the form alone)
     * @return the country comparison page
     * @throws SijillException ({@code BAD_INPUT}) for an unknown code, fewer than two or more than six countries
     */
    public RenderedPage compare(PageRequest r, List<String> codes) {
        PageLanguage lang = r.lang();
        // the form alone needs no claims, so it does not wait for the observatory
        ComparisonView view = new ComparisonBuilder(queries, terms()).build(codes, codes.isEmpty() ? null : observatory.ready(),
                r.params().get("asOf"), lang);
        String title = view.hasMatrix()
                ? Messages.get(lang, "compare.title.of", String.join(Messages.get(lang, "list.sep") + " ",
                        view.countries().stream().map(c -> c.label().text()).toList()))
                : Messages.get(lang, "compare.title");
        Map<String, Object> ctx = base(r, title);
        ctx.put("compare", view);
        if (view.hasMatrix()) {
            org.w3id.sijill.server.observatory.Snapshot snap = observatory.ready();
            List<org.w3id.sijill.server.observatory.Snapshot.State> states = new java.util.ArrayList<>();
            for (String c : codes) snap.state(c.strip().toUpperCase(java.util.Locale.ROOT)).filter(st -> !states.contains(st)).ifPresent(states::add);
            ctx.put("commitments", org.w3id.sijill.server.commitments.CommitmentViews.compare(observatory.commitments(), states, lang));
        }
        ctx.put("chooseHint", Messages.get(lang, "compare.choose", ComparisonBuilder.MIN_COUNTRIES, ComparisonBuilder.MAX_COUNTRIES));
        ctx.put("downloads", java.util.stream.Stream.of("csv", "json", "jsonld").map(f -> Map.of("format", f,
                "href", r.withParam("format", f), "label", Messages.get(lang, "obs.download." + f))).toList());
        return new RenderedPage(200, lang, templates.render("compare", lang, ctx));
    }

    /**
     * @return the code of an Arab League state and the other states to compare it with, or null
     *         when {@code country} is not one of them
     */
    private Map<String, Object> compareChoices(Resource country, PageLanguage lang) {
        org.apache.jena.rdf.model.Statement iso2 = country.getProperty(SIJILL.iso2);
        if (iso2 == null || !iso2.getObject().isLiteral()) return null;
        String code = iso2.getObject().asLiteral().getLexicalForm();
        List<ComparisonView.Choice> all = new ComparisonBuilder(queries, terms()).choices(lang);
        if (all.stream().noneMatch(c -> c.code().equals(code))) return null;
        return Map.of("code", code, "others", all.stream().filter(c -> !c.code().equals(code)).toList());
    }

    /** @return links to the Arab League member states (or to the other countries), sorted in the page language */
    private static List<ValueView> countryLinks(List<Resource> all, boolean arabLeague, ValueRenderer cv, Model countries, Collator collator) {
        return all.stream()
                .filter(c -> countries.contains(c, SIJILL.arabLeagueMember, countries.createTypedLiteral(true)) == arabLeague)
                .map(cv::value)
                .sorted(Comparator.comparing(v -> v.label().text(), collator)).toList();
    }

    /** The countries of the comparison the landing page offers as an example. */
    public static final List<String> PRESET_COMPARISON = List.of("LB", "SY", "YE");

    /** @return the link to the preset comparison */
    public static String presetComparisonHref() {
        StringBuilder sb = new StringBuilder("/compare");
        char sep = '?';
        for (String c : PRESET_COMPARISON) {
            sb.append(sep).append("country=").append(c);
            sep = '&';
        }
        return sb.toString();
    }

    /** @return the ontology documentation page */
    public RenderedPage ontologyPage(PageRequest r) {
        PageLanguage lang = r.lang();
        OntologyView view = OntologyView.build(new ValueRenderer(ontology(), terms(), lang));
        Map<String, Object> ctx = base(r, Messages.get(lang, "ontology.title"));
        ctx.put("ontology", view);
        ctx.put("alternates", DATA_FORMATS.stream().map(f -> Map.of("format", f, "href", "/data/ontology." + f)).toList());
        return new RenderedPage(200, lang, templates.render("ontology", lang, ctx));
    }

    /**
     * @param example the name of an example to prefill, or null
     * @param queryText a query to prefill, or null
     * @return the query page
     */
    public RenderedPage queryPage(PageRequest r, String example, String queryText) {
        PageLanguage lang = r.lang();
        String text = queryText;
        String selected = null;
        if (example != null) {
            ExampleQueries.Example e = examples.find(example).orElseThrow(() ->
                    new SijillException(SijillException.Kind.NOT_FOUND, "no example query named '" + example + "'"));
            text = e.runnableText();
            selected = e.name();
        }
        if (text == null) text = DEFAULT_QUERY;
        Map<String, Object> ctx = base(r, Messages.get(lang, "query.title"));
        ctx.put("examples", examples.list());
        ctx.put("selected", selected);
        ctx.put("queryText", text);
        return new RenderedPage(200, lang, templates.render("query", lang, ctx));
    }

    private static final String DEFAULT_QUERY = """
            PREFIX sijill: <https://w3id.org/sijill/ontology#>
            PREFIX rdfs:   <http://www.w3.org/2000/01/rdf-schema#>

            SELECT ?country ?name WHERE {
              ?country a sijill:Country ;
                       rdfs:label ?name .
              FILTER(lang(?name) = "en")
            }
            ORDER BY ?name
            """;

    /** @return a 404 page */
    public RenderedPage notFound(PageRequest r) {
        return error(r, 404, null, r.lang().code());
    }

    /**
     * @param message the reason, for the reader
     * @param messageLang the language of {@code message} (exception messages are English)
     * @return an error page
     */
    public RenderedPage error(PageRequest r, int status, String message, String messageLang) {
        PageLanguage lang = r.lang();
        String known = switch (status) {
            case 400, 403, 404, 405, 406, 410, 413, 414, 415, 429, 500, 503 -> String.valueOf(status);
            default -> status >= 500 ? "500" : "400";
        };
        Map<String, Object> ctx = base(r, Messages.get(lang, "error." + known + ".title"));
        ctx.put("status", status);
        ctx.put("explanation", Messages.get(lang, "error." + known + ".text"));
        boolean sameLang = lang.code().equals(messageLang);
        ctx.put("message", message == null || message.isBlank() ? null : message);
        ctx.put("messageLang", messageLang);
        ctx.put("messageInOtherLanguage", !sameLang);
        return new RenderedPage(status, lang, templates.render("error", lang, ctx));
    }
}
