package org.w3id.sijill.server.pages;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;
import org.w3id.sijill.vocab.SIJILL;

/**
 * Builds the {@link CountryView} from the country's neighbourhood ({@link PageQueries#countryFacts}).
 *
 * <pre>{@code
 * ValueRenderer values = new ValueRenderer(facts.union(description), terms, PageLanguage.AR);
 * CountryView v = new CountryViewBuilder(values).build("https://w3id.org/sijill/id/country/LB");
 * }</pre>
 */
public final class CountryViewBuilder {
    static final Set<String> LEGAL_TYPES = Set.of(SIJILL.LegalInstrument.getURI(), SIJILL.Law.getURI(), SIJILL.DraftLaw.getURI(),
            SIJILL.Treaty.getURI(), SIJILL.Policy.getURI());
    static final Set<String> ORG_TYPES = Set.of(SIJILL.Organization.getURI(), SIJILL.GovernmentBody.getURI(),
            SIJILL.Regulator.getURI(), SIJILL.CERT.getURI(), SIJILL.IntergovernmentalOrganization.getURI(),
            SIJILL.Company.getURI(), SIJILL.CivilSocietyOrganization.getURI(), SIJILL.AcademicInstitution.getURI());
    static final Set<String> INITIATIVE_TYPES = Set.of(SIJILL.Initiative.getURI(), SIJILL.WorkingGroup.getURI(),
            SIJILL.Programme.getURI());

    private final ValueRenderer values;
    private final EntityViewBuilder entities;
    private final Comparator<ValueView> byLabel;
    /** the page's resource the listed items link to (their citations are those of that link) */
    private Resource focus;


    public CountryViewBuilder(ValueRenderer values) {
        this.values = values;
        this.entities = new EntityViewBuilder(values);
        Collator collator = Collator.getInstance(values.lang().locale());
        this.byLabel = Comparator.comparing((ValueView v) -> v.label().text(), collator);
    }

    /** @return the country layout of {@code countryIri} */
    public CountryView build(String countryIri) {
        Model m = values.description();
        Resource country = m.createResource(countryIri);
        focus = country;
        List<Resource> laws = new ArrayList<>();
        List<Resource> claims = new ArrayList<>();
        List<Resource> orgs = new ArrayList<>();
        List<Resource> initiatives = new ArrayList<>();
        List<Resource> other = new ArrayList<>();
        for (Resource x : m.listSubjects().toList()) {
            if (!x.isURIResource() || x.equals(country) || !linksTo(x, country)) continue;
            Set<String> types = types(x);
            if (types.contains(SIJILL.LegalStatus.getURI())) claims.add(x);
            else if (types.stream().anyMatch(LEGAL_TYPES::contains)) laws.add(x);
            else if (types.stream().anyMatch(ORG_TYPES::contains)) orgs.add(x);
            else if (types.stream().anyMatch(INITIATIVE_TYPES::contains)) initiatives.add(x);
            else other.add(x);
        }
        return new CountryView(lawsByTopic(laws), status(claims), items(orgs, List.of(SIJILL.stakeholderGroup.getURI(), SIJILL.established.getURI())),
                items(initiatives, List.of(SIJILL.ledBy.getURI(), SIJILL.established.getURI())), items(other, List.of()));
    }

    private boolean linksTo(Resource x, Resource country) {
        return x.listProperties().toList().stream().anyMatch(st -> st.getObject().equals(country));
    }

    private static Set<String> types(Resource x) {
        Set<String> out = new java.util.HashSet<>();
        x.listProperties(RDF.type).forEachRemaining(st -> {
            if (st.getObject().isURIResource()) out.add(st.getObject().asResource().getURI());
        });
        return out;
    }

    /** @return one item per resource linked to {@code focusIri}, sorted by label, with the given fact rows */
    public List<CountryView.Item> items(List<Resource> rs, List<String> factIris, String focusIri) {
        focus = values.description().createResource(focusIri);
        return items(rs, factIris);
    }

    /** @return one item per resource, sorted by label, with the given fact rows */
    public List<CountryView.Item> items(List<Resource> rs, List<String> factIris) {
        List<CountryView.Item> out = new ArrayList<>();
        for (Resource x : rs) out.add(item(x, factIris));
        out.sort(Comparator.comparing(CountryView.Item::link, byLabel));
        return out;
    }

    /** @return the item view of one resource */
    public CountryView.Item item(Resource x, List<String> factIris) {
        List<ValueView> types = x.listProperties(RDF.type).toList().stream().map(Statement::getObject)
                .filter(RDFNode::isURIResource).map(t -> ValueView.link(t.asResource().getURI(), values.termLabel(t.asResource())))
                .sorted(byLabel).toList();
        List<PropertyView> rows = values.properties(x, false, 0, factIris::contains);
        List<PropertyView> facts = new ArrayList<>();
        for (String iri : factIris) rows.stream().filter(r -> r.iri().equals(iri)).findFirst().ifPresent(facts::add);
        List<ValueView> sources = x.listProperties(EntityViewBuilder.WAS_DERIVED_FROM).toList().stream()
                .map(Statement::getObject).map(values::value).sorted(byLabel).toList();
        CitationNotes notes = values.notes();
        if (notes == null) return new CountryView.Item(values.value(x), types, facts, entities.evidence(x), sources, CitationNotes.Cites.NONE);
        CitationNotes.Cites cites = focus == null ? CitationNotes.Cites.NONE : notes.citeLink(x, focus);
        return new CountryView.Item(values.value(x), types, facts, List.of(), sources, cites);
    }

    private List<CountryView.TopicItems> lawsByTopic(List<Resource> laws) {
        Map<String, List<Resource>> byTopic = new TreeMap<>();
        Map<String, ValueView> topicViews = new LinkedHashMap<>();
        for (Resource law : laws) {
            List<RDFNode> topics = law.listProperties(SIJILL.topic).toList().stream().map(Statement::getObject)
                    .filter(RDFNode::isURIResource).toList();
            if (topics.isEmpty()) {
                byTopic.computeIfAbsent("", k -> new ArrayList<>()).add(law);
            }
            for (RDFNode t : topics) {
                String iri = t.asResource().getURI();
                topicViews.computeIfAbsent(iri, k -> values.value(t));
                byTopic.computeIfAbsent(iri, k -> new ArrayList<>()).add(law);
            }
        }
        List<String> facts = List.of(SIJILL.number.getURI(), SIJILL.yearAdopted.getURI(),
                "http://data.europa.eu/eli/ontology#date_document");
        List<CountryView.TopicItems> out = new ArrayList<>();
        byTopic.forEach((iri, rs) -> out.add(new CountryView.TopicItems(iri.isEmpty() ? null : topicViews.get(iri), items(rs, facts))));
        Comparator<CountryView.TopicItems> order = Comparator.comparing(ti -> ti.topic() == null, Boolean::compare);
        out.sort(order.thenComparing(ti -> ti.topic() == null ? "" : ti.topic().label().text(),
                Collator.getInstance(values.lang().locale())));
        return out;
    }

    private CountryView.StatusMatrix status(List<Resource> claims) {
        Map<String, Resource> sources = new TreeMap<>();
        Map<String, ValueView> topics = new TreeMap<>();
        for (Resource c : claims) {
            Resource src = object(c, EntityViewBuilder.WAS_DERIVED_FROM);
            Resource topic = object(c, SIJILL.topic);
            if (src != null) sources.put(src.getURI(), src);
            if (topic != null) topics.put(topic.getURI(), values.value(topic));
        }
        List<CountryView.SourceColumn> columns = new ArrayList<>();
        for (Resource src : sources.values()) {
            List<String> asOf = claims.stream().filter(c -> src.equals(object(c, EntityViewBuilder.WAS_DERIVED_FROM)))
                    .map(c -> c.getProperty(SIJILL.asOf)).filter(java.util.Objects::nonNull)
                    .map(st -> st.getObject().asLiteral().getLexicalForm()).distinct().sorted().toList();
            columns.add(new CountryView.SourceColumn(entities.source(src), asOf));
        }
        List<CountryView.StatusRow> rows = new ArrayList<>();
        for (Map.Entry<String, ValueView> t : topics.entrySet()) {
            List<CountryView.StatusCell> cells = new ArrayList<>();
            int col = 0;
            for (Resource src : sources.values()) {
                // a date its column's header holds alone is said there once, not in every cell
                boolean dateInHeader = columns.get(col++).asOf().size() == 1;
                Resource claim = claims.stream()
                        .filter(c -> src.equals(object(c, EntityViewBuilder.WAS_DERIVED_FROM)))
                        .filter(c -> { Resource tp = object(c, SIJILL.topic); return tp != null && tp.getURI().equals(t.getKey()); })
                        .findFirst().orElse(null);
                cells.add(claim == null ? null : cell(claim, dateInHeader));
            }
            rows.add(new CountryView.StatusRow(t.getValue(), cells));
        }
        rows.sort(Comparator.comparing(CountryView.StatusRow::topic, byLabel));
        return new CountryView.StatusMatrix(columns, rows);
    }

    private CountryView.StatusCell cell(Resource claim, boolean dateInHeader) {
        Resource status = object(claim, SIJILL.status);
        Resource instrument = object(claim, SIJILL.instrument);
        Statement asOf = claim.getProperty(SIJILL.asOf);
        String code = status == null ? "" : status.getURI().substring(status.getURI().lastIndexOf('/') + 1);
        CitationNotes notes = values.notes();
        CitationNotes.Cites cites = CitationNotes.Cites.NONE;
        if (notes != null) {
            java.util.TreeSet<Integer> numbers = new java.util.TreeSet<>();
            boolean editorial = true;
            for (org.apache.jena.rdf.model.Property p : List.of(SIJILL.status, SIJILL.instrument)) {
                Resource o = object(claim, p);
                if (o == null) continue;
                CitationNotes.Cites c = notes.cite(claim, p, o);
                numbers.addAll(c.numbers());
                if (!c.numbers().isEmpty() && !c.editorial()) editorial = false;
            }
            if (!numbers.isEmpty()) cites = new CitationNotes.Cites(List.copyOf(numbers), editorial);
        }
        return new CountryView.StatusCell(values.value(claim), status == null ? null : values.value(status), code,
                instrument == null ? null : values.value(instrument),
                asOf == null || dateInHeader ? null : asOf.getObject().asLiteral().getLexicalForm(),
                notes == null ? entities.evidence(claim) : List.of(), cites);
    }

    private static Resource object(Resource s, org.apache.jena.rdf.model.Property p) {
        Statement st = s.getProperty(p);
        return st != null && st.getObject().isURIResource() ? st.getObject().asResource() : null;
    }
}
