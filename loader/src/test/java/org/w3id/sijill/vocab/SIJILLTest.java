package org.w3id.sijill.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
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
 * The terms of the design contract (DESIGN.md, "Vocabulary contract") and the terms other parts of
 * Sijill rely on: each is declared in {@code ontology/sijill.ttl} with the expected kind and with
 * rdfs:label in English and Arabic, and each has its constant in {@link SIJILL}.
 */
class SIJILLTest {

    /** Classes of the design contract. */
    static final List<String> CONTRACT_CLASSES = List.of(
            "Country", "Organization", "GovernmentBody", "Regulator", "CERT", "IntergovernmentalOrganization", "Company",
            "CivilSocietyOrganization", "AcademicInstitution", "LegalInstrument", "Law", "DraftLaw", "Treaty", "Policy",
            "LegalStatus", "Initiative", "WorkingGroup", "Programme", "Event", "Presentation", "Recommendation",
            "SourceDocument", "Passage");

    /** Properties of the design contract. */
    static final List<String> CONTRACT_PROPERTIES = List.of(
            "iso2", "iso3", "m49", "country", "stakeholderGroup", "jurisdiction", "topic", "yearAdopted", "number",
            "establishes", "status", "asOf", "instrument", "ledBy", "established", "participatingCountry", "speaker",
            "event", "about", "category", "ordinal", "text", "recommendedAt", "crossCutting", "evidence");

    /** Classes the loader and the data tables rely on beyond the contract. */
    static final List<String> SHARED_CLASSES = List.of("Evidence", "ExternalSource", "Session", "Forum", "Court",
            "TreatyParticipation", "IndexScore", "NationalStrategyClaim");

    /** Properties the loader and the data tables rely on beyond the contract. */
    static final List<String> SHARED_PROPERTIES = List.of(
            "mentions", "citedInstrument", "session", "secretariat", "partner", "supportedBy", "underAuspicesOf",
            "regulates", "arabLeagueMember", "documentKind", "participantCount", "origin", "sessionNumber",
            "treaty", "participant", "act", "actDate", "refArea", "edition", "score", "scoreScale", "firstStrategyDate",
            "hasStrategy", "strategyCount");

    /** Datatype properties among them (the rest are object properties). */
    static final List<String> DATATYPE_PROPERTIES = List.of(
            "iso2", "iso3", "m49", "yearAdopted", "number", "asOf", "established", "ordinal", "text", "crossCutting",
            "arabLeagueMember", "documentKind", "participantCount", "origin", "sessionNumber",
            "actDate", "edition", "score", "firstStrategyDate", "hasStrategy", "strategyCount");

    static Model ontology;

    @BeforeAll
    static void load() {
        ontology = RDFDataMgr.loadModel(ProjectPaths.locate().ontology().resolve("sijill.ttl").toString());
    }

    static Stream<String> classes() {
        return Stream.concat(CONTRACT_CLASSES.stream(), SHARED_CLASSES.stream());
    }

    static Stream<String> properties() {
        return Stream.concat(CONTRACT_PROPERTIES.stream(), SHARED_PROPERTIES.stream());
    }

    @ParameterizedTest(name = "sijill:{0}")
    @MethodSource("classes")
    void classIsDeclaredWithBothLabelsAndHasAConstant(String local) throws ReflectiveOperationException {
        Resource term = ontology.createResource(SIJILL.NS + local);
        assertTrue(ontology.contains(term, RDF.type, OWL2.Class), "sijill:" + local + " is declared an owl:Class");
        assertBothLabels(term);
        Field f = SIJILL.class.getField(local);
        assertEquals(term, f.get(null), "SIJILL." + local);
        assertEquals(Resource.class, f.getType(), "SIJILL." + local + " is a Resource constant");
    }

    @ParameterizedTest(name = "sijill:{0}")
    @MethodSource("properties")
    void propertyIsDeclaredWithBothLabelsAndHasAConstant(String local) throws ReflectiveOperationException {
        Resource term = ontology.createResource(SIJILL.NS + local);
        Resource kind = DATATYPE_PROPERTIES.contains(local) ? OWL2.DatatypeProperty : OWL2.ObjectProperty;
        assertTrue(ontology.contains(term, RDF.type, kind), "sijill:" + local + " is declared an " + ontology.shortForm(kind.getURI()));
        assertBothLabels(term);
        Field f = SIJILL.class.getField(local);
        assertEquals(term, f.get(null), "SIJILL." + local);
        assertEquals(org.apache.jena.rdf.model.Property.class, f.getType(), "SIJILL." + local + " is a Property constant");
    }

    private static void assertBothLabels(Resource term) {
        List<String> langs = new ArrayList<>();
        ontology.listObjectsOfProperty(term, RDFS.label).forEach(o -> langs.add(o.asLiteral().getLanguage()));
        assertTrue(langs.contains("en") && langs.contains("ar"), term + " has rdfs:label @en and @ar, found languages " + langs);
    }

    @Test
    void conceptAndSchemeIrisFollowTheDesignAndExistInTheSchemes() {
        assertEquals("https://w3id.org/sijill/id/concept/law-topic/cybercrime", SIJILL.concept("law-topic", "cybercrime").getURI());
        assertEquals("https://w3id.org/sijill/id/scheme/legal-status", SIJILL.scheme("legal-status").getURI());
        Model schemes = ModelFactory.createDefaultModel();
        RDFDataMgr.read(schemes, ProjectPaths.locate().ontology().resolve("schemes/legal-status.ttl").toString());
        assertTrue(schemes.contains(SIJILL.concept("legal-status", "enacted"), SKOS.inScheme, SIJILL.scheme("legal-status")));
        assertTrue(schemes.contains(SIJILL.concept("legal-status", "enacted"), SKOS.notation, "enacted"));
    }

    @Test
    void namespacesAreTheDesignOnes() {
        assertEquals("https://w3id.org/sijill/ontology#", SIJILL.NS);
        assertEquals("https://w3id.org/sijill/id/", SIJILL.ID);
        assertEquals("https://w3id.org/sijill/graph/", SIJILL.GRAPH);
        assertTrue(ontology.contains(ontology.createResource(SIJILL.ONTOLOGY_IRI), RDF.type, OWL2.Ontology));
    }
}
