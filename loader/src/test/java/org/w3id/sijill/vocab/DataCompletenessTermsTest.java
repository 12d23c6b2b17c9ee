package org.w3id.sijill.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3id.sijill.core.ProjectPaths;

/**
 * The terms issue 8 ("exact and complete data") added: organs of organizations, planned dates,
 * "not before" dates of undated claims, who reported an initiative, objectives, composition by
 * stakeholder group, implementation status, WSIS category and the editors' reading of a passage. Each is declared with its kind,
 * English and Arabic labels and definitions, and mirrored in {@link SIJILL}.
 */
class DataCompletenessTermsTest {

    /** local name → expected rdf:type */
    static final Map<String, Resource> TERMS = Map.ofEntries(Map.entry("editorialReading", OWL2.DatatypeProperty),
            Map.entry("Organ", OWL2.Class),
            Map.entry("plannedDate", OWL2.DatatypeProperty),
            Map.entry("notBefore", OWL2.DatatypeProperty),
            Map.entry("reportedBy", OWL2.ObjectProperty),
            Map.entry("objective", OWL2.DatatypeProperty),
            Map.entry("includesStakeholderGroup", OWL2.ObjectProperty),
            Map.entry("implementationStatus", OWL2.DatatypeProperty),
            Map.entry("wsisActionLine", OWL2.DatatypeProperty),
            Map.entry("namedRisk", OWL2.DatatypeProperty),
            Map.entry("statedNeed", OWL2.DatatypeProperty),
            Map.entry("addressee", OWL2.DatatypeProperty),
            Map.entry("proposedLocation", OWL2.DatatypeProperty),
            Map.entry("preparatoryFor", OWL2.ObjectProperty));

    static Model ontology;

    @BeforeAll
    static void load() {
        ontology = RDFDataMgr.loadModel(ProjectPaths.locate().ontology().resolve("sijill.ttl").toString());
    }

    static List<String> terms() {
        return TERMS.keySet().stream().sorted().toList();
    }

    @ParameterizedTest(name = "sijill:{0}")
    @MethodSource("terms")
    void termIsDeclaredLabelledDefinedAndMirrored(String local) throws ReflectiveOperationException {
        Resource term = ontology.createResource(SIJILL.NS + local);
        assertTrue(ontology.contains(term, RDF.type, TERMS.get(local)), "sijill:" + local + " has type " + TERMS.get(local));
        for (String lang : List.of("en", "ar")) {
            assertTrue(has(term, RDFS.label, lang), "sijill:" + local + " has rdfs:label @" + lang);
            assertTrue(has(term, SKOS.definition, lang), "sijill:" + local + " has skos:definition @" + lang);
        }
        Field f = SIJILL.class.getField(local);
        assertEquals(term, f.get(null), "SIJILL." + local);
    }

    @Test
    void anOrganIsAnOrganizationalUnitAndNotAnIntergovernmentalOrganization() {
        Resource organ = ontology.createResource(SIJILL.NS + "Organ");
        assertTrue(ontology.contains(organ, RDFS.subClassOf, SIJILL.Organization));
        assertTrue(ontology.contains(organ, RDFS.subClassOf, ontology.createResource("http://www.w3.org/ns/org#OrganizationalUnit")));
        assertTrue(ontology.contains(organ, OWL2.disjointWith, SIJILL.IntergovernmentalOrganization));
        assertFalse(ontology.contains(SIJILL.IntergovernmentalOrganization, SKOS.definition,
                ontology.createLiteral("An organization whose members are states, or one of its offices or organs, such as the International Telecommunication Union, ESCWA or the League of Arab States.", "en")),
                "the intergovernmental-organization definition no longer covers organs");
    }

    private static boolean has(Resource term, Property p, String lang) {
        for (RDFNode n : ontology.listObjectsOfProperty(term, p).toList()) {
            if (n.isLiteral() && lang.equals(n.asLiteral().getLanguage()) && !n.asLiteral().getString().isBlank()) return true;
        }
        return false;
    }
}
