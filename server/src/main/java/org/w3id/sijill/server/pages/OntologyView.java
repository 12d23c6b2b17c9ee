package org.w3id.sijill.server.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.w3id.sijill.vocab.SIJILL;

/**
 * The ontology documentation: every {@code sijill:} class and property with its labels and
 * definitions in both languages, superclasses or superproperties, domain and range.
 *
 * <pre>{@code
 * OntologyView v = OntologyView.build(new ValueRenderer(queries.ontology(), terms, lang));
 * }</pre>
 *
 * @param title the ontology's title, or null
 * @param description the ontology's description, or null
 * @param version its version info, or null
 * @param classes the classes, by local name
 * @param properties the properties, by local name
 */
public record OntologyView(Label title, Label description, String version, List<Term> classes, List<Term> properties) {

    /**
     * One term.
     *
     * @param localName its local name (the anchor)
     * @param iri its IRI
     * @param kind its kind (class, object property, data property …)
     * @param labelEn English label, or null
     * @param labelAr Arabic label, or null
     * @param definitionEn English definition, or null
     * @param definitionAr Arabic definition, or null
     * @param parents superclasses or superproperties
     * @param domain domains
     * @param range ranges
     */
    public record Term(String localName, String iri, ValueView kind, Label labelEn, Label labelAr, Label definitionEn,
                       Label definitionAr, List<ValueView> parents, List<ValueView> domain, List<ValueView> range) {

        /** @return the label in the page language {@code code} ({@code ar} or {@code en}), else the other, else null */
        public Label labelIn(String code) {
            Label first = "ar".equals(code) ? labelAr : labelEn;
            return first != null ? first : "ar".equals(code) ? labelEn : labelAr;
        }
    }

    private static final Set<Resource> CLASS_TYPES = Set.of(OWL.Class, RDFS.Class);
    private static final Set<Resource> PROPERTY_TYPES = Set.of(OWL.ObjectProperty, OWL.DatatypeProperty,
            OWL.AnnotationProperty, RDF.Property);

    /** @return the documentation of the ontology in the renderer's model */
    public static OntologyView build(ValueRenderer values) {
        Model m = values.description();
        List<Term> classes = new ArrayList<>();
        List<Term> properties = new ArrayList<>();
        for (Resource s : m.listSubjects().toList()) {
            if (!s.isURIResource() || !s.getURI().startsWith(SIJILL.NS) || s.getURI().length() == SIJILL.NS.length()) continue;
            List<Resource> types = s.listProperties(RDF.type).toList().stream().map(Statement::getObject)
                    .filter(RDFNode::isURIResource).map(RDFNode::asResource).toList();
            boolean isClass = types.stream().anyMatch(CLASS_TYPES::contains);
            boolean isProperty = types.stream().anyMatch(PROPERTY_TYPES::contains);
            if (!isClass && !isProperty) continue;
            Resource kind = types.stream().filter(t -> CLASS_TYPES.contains(t) || PROPERTY_TYPES.contains(t)).findFirst().orElseThrow();
            Term t = new Term(s.getURI().substring(SIJILL.NS.length()), s.getURI(),
                    ValueView.link(kind.getURI(), values.termLabel(kind)),
                    literalIn(s, RDFS.label, "en"), literalIn(s, RDFS.label, "ar"),
                    definition(s, "en"), definition(s, "ar"),
                    links(values, s, isClass ? RDFS.subClassOf : RDFS.subPropertyOf),
                    links(values, s, RDFS.domain), links(values, s, RDFS.range));
            (isClass ? classes : properties).add(t);
        }
        // in the order of the names shown: the labels in the page language
        java.text.Collator collator = java.text.Collator.getInstance(values.lang().locale());
        Comparator<Term> byName = Comparator.comparing((Term t) -> t.labelIn(values.lang().code()) == null ? t.localName()
                : t.labelIn(values.lang().code()).text(), collator).thenComparing(Term::localName);
        classes.sort(byName);
        properties.sort(byName);
        Resource ont = m.createResource(SIJILL.ONTOLOGY_IRI);
        Label title = LabelSelector.find(m, ont, values.lang()).orElse(null);
        Label description = LabelSelector.pick(literals(ont, List.of(
                m.createProperty("http://purl.org/dc/terms/description"), RDFS.comment, SKOS.definition)), values.lang()).orElse(null);
        Statement v = ont.getProperty(OWL.versionInfo);
        return new OntologyView(title, description, v == null ? null : v.getObject().toString(), classes, properties);
    }

    /** @return true when no term was found (no ontology graph loaded) */
    public boolean isEmpty() { return classes.isEmpty() && properties.isEmpty(); }

    private static List<Literal> literals(Resource s, List<Property> ps) {
        List<Literal> out = new ArrayList<>();
        for (Property p : ps) {
            s.listProperties(p).forEachRemaining(st -> { if (st.getObject().isLiteral()) out.add(st.getObject().asLiteral()); });
        }
        return out;
    }

    private static Label definition(Resource s, String lang) {
        Label l = literalIn(s, SKOS.definition, lang);
        return l != null ? l : literalIn(s, RDFS.comment, lang);
    }

    private static Label literalIn(Resource s, Property p, String lang) {
        for (Statement st : s.listProperties(p).toList()) {
            if (st.getObject().isLiteral() && st.getLanguage().equalsIgnoreCase(lang)) {
                return new Label(st.getString(), st.getLanguage(), false);
            }
        }
        return null;
    }

    private static List<ValueView> links(ValueRenderer values, Resource s, Property p) {
        return s.listProperties(p).toList().stream().map(Statement::getObject).filter(RDFNode::isURIResource)
                .map(o -> ValueView.link(o.asResource().getURI(), values.termLabel(o.asResource())))
                .sorted(Comparator.comparing(v -> v.label().text())).toList();
    }
}
