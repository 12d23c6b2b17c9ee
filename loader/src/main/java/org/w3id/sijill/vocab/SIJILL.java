package org.w3id.sijill.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * The Sijill ontology ({@code https://w3id.org/sijill/ontology#}) as Java constants. It mirrors
 * {@code ontology/sijill.ttl}: a test checks that every constant here is declared there.
 *
 * <pre>{@code
 * model.add(law, RDF.type, SIJILL.Law);
 * model.add(law, SIJILL.jurisdiction, country);
 * }</pre>
 */
public final class SIJILL {
    private SIJILL() {}

    /** The ontology namespace. */
    public static final String NS = "https://w3id.org/sijill/ontology#";
    /** The ontology IRI. */
    public static final String ONTOLOGY_IRI = "https://w3id.org/sijill/ontology";
    /** The base of all Sijill IRIs. */
    public static final String BASE = "https://w3id.org/sijill/";
    /** The base of entity IRIs ({@code id/...}). */
    public static final String ID = BASE + "id/";
    /** The base of named-graph IRIs, one per source ({@code graph/{source-slug}}). */
    public static final String GRAPH = BASE + "graph/";
    /** The base of concept-scheme IRIs ({@code id/scheme/{scheme}}). */
    public static final String SCHEME = ID + "scheme/";
    /** The base of concept IRIs ({@code id/concept/{scheme}/{notation}}). */
    public static final String CONCEPT = ID + "concept/";
    /** The namespace of the SHACL shapes ({@code ontology/shapes/}). */
    public static final String SHAPES_NS = BASE + "shapes#";

    /** @return the resource {@code sijill:local} */
    public static Resource resource(String local) { return ResourceFactory.createResource(NS + local); }

    /** @return the property {@code sijill:local} */
    public static Property property(String local) { return ResourceFactory.createProperty(NS + local); }

    /** @return the concept scheme {@code id/scheme/{scheme}}, e.g. {@code scheme("law-topic")} */
    public static Resource scheme(String scheme) { return ResourceFactory.createResource(SCHEME + scheme); }

    /** @return the concept {@code id/concept/{scheme}/{notation}}, e.g. {@code concept("legal-status", "enacted")} */
    public static Resource concept(String scheme, String notation) {
        return ResourceFactory.createResource(CONCEPT + scheme + "/" + notation);
    }

    // Classes: places and actors
    public static final Resource Country = resource("Country");
    public static final Resource Organization = resource("Organization");
    public static final Resource GovernmentBody = resource("GovernmentBody");
    public static final Resource Regulator = resource("Regulator");
    public static final Resource CERT = resource("CERT");
    public static final Resource IntergovernmentalOrganization = resource("IntergovernmentalOrganization");
    public static final Resource Company = resource("Company");
    public static final Resource CivilSocietyOrganization = resource("CivilSocietyOrganization");
    public static final Resource AcademicInstitution = resource("AcademicInstitution");
    public static final Resource Court = resource("Court");
    /** An organ or unit of an organization (council, bureau, division, committee), linked with org:unitOf. */
    public static final Resource Organ = resource("Organ");

    // Classes: law
    public static final Resource LegalInstrument = resource("LegalInstrument");
    public static final Resource Law = resource("Law");
    public static final Resource DraftLaw = resource("DraftLaw");
    public static final Resource Treaty = resource("Treaty");
    public static final Resource Policy = resource("Policy");
    public static final Resource Resolution = resource("Resolution");
    public static final Resource Declaration = resource("Declaration");
    public static final Resource LegalStatus = resource("LegalStatus");
    public static final Resource TreatyParticipation = resource("TreatyParticipation");
    public static final Resource IndexScore = resource("IndexScore");
    public static final Resource NationalStrategyClaim = resource("NationalStrategyClaim");

    // Classes: initiatives, events, outcomes
    public static final Resource Initiative = resource("Initiative");
    public static final Resource WorkingGroup = resource("WorkingGroup");
    public static final Resource Programme = resource("Programme");
    public static final Resource Forum = resource("Forum");
    public static final Resource Event = resource("Event");
    public static final Resource Session = resource("Session");
    public static final Resource Presentation = resource("Presentation");
    public static final Resource Recommendation = resource("Recommendation");

    // Classes: sources
    public static final Resource SourceDocument = resource("SourceDocument");
    public static final Resource Passage = resource("Passage");
    public static final Resource Evidence = resource("Evidence");
    public static final Resource ExternalSource = resource("ExternalSource");

    // Properties: countries
    public static final Property iso2 = property("iso2");
    public static final Property iso3 = property("iso3");
    public static final Property m49 = property("m49");
    public static final Property arabLeagueMember = property("arabLeagueMember");

    // Properties: organizations and initiatives
    public static final Property country = property("country");
    public static final Property stakeholderGroup = property("stakeholderGroup");
    public static final Property established = property("established");
    public static final Property ledBy = property("ledBy");
    public static final Property secretariat = property("secretariat");
    public static final Property partner = property("partner");
    public static final Property supportedBy = property("supportedBy");
    public static final Property underAuspicesOf = property("underAuspicesOf");
    public static final Property reportedBy = property("reportedBy");
    public static final Property objective = property("objective");
    public static final Property includesStakeholderGroup = property("includesStakeholderGroup");
    public static final Property implementationStatus = property("implementationStatus");
    public static final Property wsisActionLine = property("wsisActionLine");
    public static final Property namedRisk = property("namedRisk");
    public static final Property statedNeed = property("statedNeed");
    public static final Property addressee = property("addressee");

    // Properties: legal instruments and status
    public static final Property jurisdiction = property("jurisdiction");
    public static final Property topic = property("topic");
    public static final Property yearAdopted = property("yearAdopted");
    public static final Property number = property("number");
    public static final Property establishes = property("establishes");
    public static final Property regulates = property("regulates");
    public static final Property status = property("status");
    public static final Property asOf = property("asOf");
    public static final Property notBefore = property("notBefore");
    public static final Property instrument = property("instrument");
    public static final Property citedInstrument = property("citedInstrument");

    // Properties: treaty participation, index scores, national strategies
    public static final Property treaty = property("treaty");
    public static final Property participant = property("participant");
    public static final Property act = property("act");
    public static final Property actDate = property("actDate");
    public static final Property refArea = property("refArea");
    public static final Property edition = property("edition");
    public static final Property score = property("score");
    public static final Property scoreScale = property("scoreScale");
    public static final Property firstStrategyDate = property("firstStrategyDate");
    public static final Property hasStrategy = property("hasStrategy");
    public static final Property strategyCount = property("strategyCount");

    // Properties: events, presentations, recommendations
    public static final Property participatingCountry = property("participatingCountry");
    public static final Property participantCount = property("participantCount");
    public static final Property session = property("session");
    public static final Property sessionNumber = property("sessionNumber");
    public static final Property plannedDate = property("plannedDate");
    public static final Property proposedLocation = property("proposedLocation");
    public static final Property preparatoryFor = property("preparatoryFor");
    public static final Property speaker = property("speaker");
    public static final Property event = property("event");
    public static final Property about = property("about");
    public static final Property category = property("category");
    public static final Property ordinal = property("ordinal");
    public static final Property text = property("text");
    public static final Property recommendedAt = property("recommendedAt");
    public static final Property crossCutting = property("crossCutting");

    // Properties: provenance
    public static final Property evidence = property("evidence");
    public static final Property mentions = property("mentions");
    /** The editors' corrected reading of a passage extracted out of reading order. */
    public static final Property editorialReading = property("editorialReading");
    /** The table row ({@code tables/x.csv:12}) a reified statement comes from. */
    public static final Property row = property("row");

    // Individuals: derivation methods (prov:Activity)
    /** The loader's subclass closure of rdf:type. */
    public static final Resource subclassClosure = resource("subclassClosure");
    /** The loader's gazetteer matching of names in passages. */
    public static final Resource gazetteerMatching = resource("gazetteerMatching");
    public static final Property documentKind = property("documentKind");
    public static final Property origin = property("origin");
}
