package org.w3id.sijill.server.pages;

import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.w3id.sijill.vocab.SIJILL;

/**
 * The layout an entity page uses, chosen from the resource's {@code rdf:type}s.
 *
 * <pre>{@code
 * PageType t = PageType.of(description, law); // LEGAL_INSTRUMENT
 * }</pre>
 */
public enum PageType {
    COUNTRY, LEGAL_INSTRUMENT, ORGANIZATION, DOCUMENT, PASSAGE, CONCEPT, GENERIC;

    private static final Set<String> LEGAL = iris(SIJILL.LegalInstrument, SIJILL.Law, SIJILL.DraftLaw, SIJILL.Treaty, SIJILL.Policy);
    private static final Set<String> ORGS = iris(SIJILL.Organization, SIJILL.GovernmentBody, SIJILL.Regulator, SIJILL.CERT,
            SIJILL.IntergovernmentalOrganization, SIJILL.Company, SIJILL.CivilSocietyOrganization, SIJILL.AcademicInstitution);

    private static Set<String> iris(Resource... rs) {
        return java.util.Arrays.stream(rs).map(Resource::getURI).collect(Collectors.toUnmodifiableSet());
    }

    /** @return the page type for {@code r} according to its types in {@code model} */
    public static PageType of(Model model, Resource r) {
        Set<String> types = model.listObjectsOfProperty(r, RDF.type).toList().stream()
                .filter(RDFNode::isURIResource).map(n -> n.asResource().getURI()).collect(Collectors.toSet());
        if (types.contains(SIJILL.Country.getURI())) return COUNTRY;
        if (types.stream().anyMatch(LEGAL::contains)) return LEGAL_INSTRUMENT;
        if (types.stream().anyMatch(ORGS::contains)) return ORGANIZATION;
        if (types.contains(SIJILL.SourceDocument.getURI())) return DOCUMENT;
        if (types.contains(SIJILL.Passage.getURI())) return PASSAGE;
        if (types.contains(SKOS.Concept.getURI()) || types.contains(SKOS.ConceptScheme.getURI())) return CONCEPT;
        return GENERIC;
    }

    /** @return the template name of this page type, e.g. {@code country} */
    public String template() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
