package org.w3id.sijill.server.pages;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.sijill.vocab.SIJILL;

/**
 * Builds the {@link EntityView} of a resource from its description (its own triples, incoming
 * triples, labels of linked things and provenance, as served by the linked-data layer).
 *
 * <pre>{@code
 * EntityView v = new EntityViewBuilder(new ValueRenderer(description, terms, PageLanguage.EN))
 *         .build("https://w3id.org/sijill/id/country/LB");
 * }</pre>
 */
public final class EntityViewBuilder {
    static final String PROV = "http://www.w3.org/ns/prov#";
    static final Property WAS_DERIVED_FROM = ResourceFactory.createProperty(PROV + "wasDerivedFrom");
    static final Property PROV_VALUE = ResourceFactory.createProperty(PROV + "value");
    static final Property WAS_QUOTED_FROM = ResourceFactory.createProperty(PROV + "wasQuotedFrom");

    /** Shown in the provenance section rather than in the property tables. */
    private static final Set<String> SHOWN_AS_PROVENANCE = Set.of(SIJILL.evidence.getURI(), WAS_DERIVED_FROM.getURI());

    /** The rows each layout shows first, in this order. */
    private static final Map<PageType, List<String>> KEY_FACTS = Map.of(
            PageType.LEGAL_INSTRUMENT, List.of(RDF.type.getURI(), SIJILL.jurisdiction.getURI(), SIJILL.number.getURI(),
                    SIJILL.yearAdopted.getURI(), "http://data.europa.eu/eli/ontology#date_document", SIJILL.topic.getURI(),
                    SIJILL.establishes.getURI()),
            PageType.ORGANIZATION, List.of(RDF.type.getURI(), SIJILL.country.getURI(), SIJILL.stakeholderGroup.getURI(),
                    "http://www.w3.org/ns/org#subOrganizationOf", SIJILL.established.getURI(),
                    "http://www.w3.org/2002/07/owl#sameAs"),
            PageType.COUNTRY, List.of(SIJILL.iso2.getURI(), SIJILL.iso3.getURI(), SIJILL.m49.getURI(),
                    "http://www.w3.org/2002/07/owl#sameAs", "http://www.w3.org/2004/02/skos/core#closeMatch"),
            PageType.DOCUMENT, List.of(DCTerms.date.getURI(), DCTerms.publisher.getURI(), DCTerms.language.getURI()),
            PageType.CONCEPT, List.of("http://www.w3.org/2004/02/skos/core#notation", "http://www.w3.org/2004/02/skos/core#inScheme",
                    "http://www.w3.org/2004/02/skos/core#definition"));

    private final ValueRenderer values;

    public EntityViewBuilder(ValueRenderer values) {
        this.values = values;
    }

    /** @return the view of the resource named by {@code iri} */
    public EntityView build(String iri) {
        Model d = values.description();
        Resource r = d.createResource(iri);
        PageLanguage lang = values.lang();
        Label title = values.label(r);
        Label other = LabelSelector.find(d, r, lang.other())
                .filter(l -> PageLanguage.fromCode(l.lang()).orElse(null) == lang.other())
                // a title already shown in the other language (a fallback) is not repeated under it
                .filter(l -> !l.text().equals(title.text()))
                .orElse(null);
        List<Resource> asserted = d.listObjectsOfProperty(r, RDF.type).toList().stream()
                .filter(RDFNode::isURIResource).map(RDFNode::asResource).toList();
        // One human type: the most specific Sijill classes, not the same kind once per vocabulary
        // (org:Organization, foaf:Agent, schema:…); the other types stay in the data.
        List<Resource> sijillTypes = asserted.stream().filter(t -> t.getURI().startsWith(SIJILL.NS)).toList();
        List<Resource> shownTypes = sijillTypes.isEmpty() ? asserted
                : sijillTypes.stream().filter(t -> sijillTypes.stream().noneMatch(o -> !o.equals(t) && subClassOf(o, t, new java.util.HashSet<>()))).toList();
        List<ValueView> types = shownTypes.stream()
                .filter(t -> !restatedBySubclass(t, asserted))
                .map(t -> ValueView.link(t.asResource().getURI(), values.termLabel(t.asResource())))
                .sorted(java.util.Comparator.comparing(v -> v.label().text()))
                .toList();
        PageType pageType = PageType.of(d, r);
        List<String> keyIris = KEY_FACTS.getOrDefault(pageType, List.of());
        java.util.Set<String> shownIris = shownTypes.stream().map(Resource::getURI).collect(java.util.stream.Collectors.toSet());
        // the types not shown are left out before rendering, so none of them numbers a citation note
        List<PropertyView> all = values.statementRows(r, false, 1, st -> sijillTypes.isEmpty() || !st.getPredicate().equals(RDF.type)
                || !st.getObject().isURIResource() || shownIris.contains(st.getObject().asResource().getURI()));
        List<PropertyView> keyFacts = new ArrayList<>();
        for (String k : keyIris) {
            all.stream().filter(row -> row.iri().equals(k)).findFirst().ifPresent(keyFacts::add);
        }
        Map<PropertyGroup, List<PropertyView>> grouped = new EnumMap<>(PropertyGroup.class);
        for (PropertyView row : all) {
            if (SHOWN_AS_PROVENANCE.contains(row.iri()) || keyFacts.contains(row)) continue;
            grouped.computeIfAbsent(PropertyGroup.of(row.iri()), g -> new ArrayList<>()).add(row);
        }
        List<GroupView> groups = new ArrayList<>();
        grouped.forEach((g, rows) -> groups.add(new GroupView(g, List.copyOf(rows))));
        List<PropertyView> incoming = values.properties(r, true, 0).stream()
                .filter(row -> !row.iri().equals(SIJILL.evidence.getURI()))
                .toList();
        String path = iri.startsWith(SIJILL.ID) ? iri.substring(SIJILL.ID.length()) : iri;
        return new EntityView(iri, path, title, other, types, pageType, keyFacts, groups, incoming,
                evidence(r), sources(r));
    }

    /** @return the evidence quotes attached to {@code r}, each with passage and document */
    public List<EvidenceView> evidence(Resource r) {
        Model d = values.description();
        List<EvidenceView> out = new ArrayList<>();
        for (Statement st : d.listStatements(r, SIJILL.evidence, (RDFNode) null).toList()) {
            if (!st.getObject().isResource()) continue;
            Resource e = st.getObject().asResource();
            Statement quote = e.getProperty(PROV_VALUE);
            if (quote == null || !quote.getObject().isLiteral()) continue;
            Statement from = e.getProperty(WAS_QUOTED_FROM);
            ValueView passage = null;
            ValueView document = null;
            String locator = null;
            if (from != null && from.getObject().isURIResource()) {
                Resource p = from.getObject().asResource();
                passage = ValueView.link(p.getURI(), passageLabel(p));
                locator = PassageLocator.ofIri(values, p).orElse(null);
                Resource doc = documentOf(p);
                if (doc != null) document = ValueView.link(doc.getURI(), values.label(doc));
            }
            out.add(new EvidenceView(ValueRenderer.literal(quote.getObject().asLiteral()).label(), passage, document, locator));
        }
        out.sort(java.util.Comparator.comparing(ev -> ev.passage() == null ? "" : ev.passage().iri()));
        return out;
    }

    /** @return the passage's document: {@code dcterms:isPartOf}, else the document IRI the passage IRI is built on */
    private Resource documentOf(Resource passage) {
        Statement st = passage.getProperty(DCTerms.isPartOf);
        if (st != null && st.getObject().isURIResource()) return st.getObject().asResource();
        String iri = passage.getURI();
        int cut = iri.indexOf("/p/");
        return cut > 0 && iri.startsWith(SIJILL.ID + "document/") ? values.description().createResource(iri.substring(0, cut)) : null;
    }

    /**
     * @return whether {@code type} says again what another of the {@code asserted} types says: it
     *         is that type's direct superclass with the same English name (schema:Country above
     *         sijill:Country), so a reader sees the class once
     */
    private boolean restatedBySubclass(Resource type, List<Resource> asserted) {
        Model terms = values.terms().model();
        String name = englishName(terms, type);
        if (name == null) return false;
        for (Resource other : asserted) {
            if (other.equals(type) || !terms.contains(other, org.apache.jena.vocabulary.RDFS.subClassOf, type)) continue;
            if (name.equalsIgnoreCase(englishName(terms, other))) return true;
        }
        return false;
    }

    /** @return whether {@code sub} is a subclass of {@code sup} in the term descriptions, directly or not */
    private boolean subClassOf(Resource sub, Resource sup, java.util.Set<Resource> seen) {
        if (!seen.add(sub)) return false;
        for (RDFNode parent : values.terms().model().listObjectsOfProperty(sub, org.apache.jena.vocabulary.RDFS.subClassOf).toList()) {
            if (!parent.isURIResource()) continue;
            if (parent.equals(sup) || subClassOf(parent.asResource(), sup, seen)) return true;
        }
        return false;
    }

    private static String englishName(Model terms, Resource type) {
        for (Statement st : terms.listStatements(type, org.apache.jena.vocabulary.RDFS.label, (RDFNode) null).toList()) {
            if (st.getObject().isLiteral() && st.getLanguage().equals("en")) return st.getString();
        }
        return null;
    }

    /** @return a passage's name: its document and its place in it ("Report of …, paragraph 21") */
    private Label passageLabel(Resource p) {
        return values.label(p);
    }

    /** @return the sources {@code r} is derived from, with their date, publisher and notes */
    public List<SourceView> sources(Resource r) {
        Model d = values.description();
        List<SourceView> out = new ArrayList<>();
        for (RDFNode n : d.listObjectsOfProperty(r, WAS_DERIVED_FROM).toList()) {
            if (!n.isURIResource()) continue;
            out.add(source(n.asResource()));
        }
        out.sort(java.util.Comparator.comparing(s -> s.link().iri()));
        return out;
    }

    /** @return the view of one source */
    public SourceView source(Resource s) {
        ValueView date = firstValue(s, DCTerms.date);
        ValueView publisher = firstValue(s, DCTerms.publisher);
        ValueView seeAlso = firstValue(s, RDFS.seeAlso);
        List<Label> notes = new ArrayList<>();
        for (Statement st : s.listProperties().toList()) {
            if (!st.getObject().isLiteral()) continue;
            String p = st.getPredicate().getURI();
            if (p.equals(DCTerms.date.getURI()) || p.equals(DCTerms.publisher.getURI()) || LabelSelector.LABEL_PROPERTIES.contains(st.getPredicate())
                    || p.equals(DCTerms.language.getURI())) continue;
            notes.add(values.literal(st.getPredicate(), st.getObject().asLiteral()).label());
        }
        notes.sort(java.util.Comparator.comparing(Label::text));
        return new SourceView(ValueView.link(s.getURI(), values.label(s)), date, publisher, notes, seeAlso);
    }

    private ValueView firstValue(Resource s, Property p) {
        Statement st = s.getProperty(p);
        return st == null ? null : values.value(st.getObject());
    }
}
