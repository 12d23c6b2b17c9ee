package org.w3id.sijill.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Regression tests of issue 8, "Exact data", on the store built from the project's own sources:
 * each doubtful reading the audit found stays fixed (organs typed as organs, parent links stated or
 * editorial, plans not read as start dates, who reported rather than led the Egyptian working group,
 * Algeria's "child protection", the 2008 date of the Egypt–OECD membership, quotes that carry the
 * facts, the empty passage, the leftover reversed ligature, the ITU Director's membership that the
 * circular does not state).
 */
class ExactDataTest {

    private static RealStoreQueries q;

    @BeforeAll
    static void open() { q = RealStoreQueries.open(); }

    @AfterAll
    static void close() { q.close(); }

    /** Organs of organizations the audit found typed as intergovernmental organizations. */
    static final List<String[]> ORGANS = List.of(
            new String[] {"itu-council", "itu"}, new String[] {"itu-bdt", "itu"}, new String[] {"itu-d", "itu"},
            new String[] {"itu-pp", "itu"}, new String[] {"itu-aro", "itu"}, new String[] {"escwa-tdd", "escwa"},
            new String[] {"oecd-council", "oecd"}, new String[] {"oecd-cdep", "oecd"}, new String[] {"las-acmict", "las"},
            new String[] {"unodc", "un"}, new String[] {"un-gge", "un"}, new String[] {"un-hlpdc", "un"});

    @Test
    void organsAreUnitsOfTheirOrganizationAndNotIntergovernmentalOrganizations() {
        for (String[] o : ORGANS) {
            String org = "<https://w3id.org/sijill/id/org/" + o[0] + ">";
            String parent = "<https://w3id.org/sijill/id/org/" + o[1] + ">";
            assertTrue(q.ask("ASK { " + org + " a sijill:Organ , org:OrganizationalUnit , sijill:Organization ; org:unitOf " + parent
                    + " ; org:subOrganizationOf " + parent + " }"), o[0] + " is an organ (unit) of " + o[1]);
            assertFalse(q.ask("ASK { " + org + " a sijill:IntergovernmentalOrganization }"), o[0] + " is not an intergovernmental organization");
        }
        // the organizations themselves stay intergovernmental organizations
        for (String igo : List.of("itu", "escwa", "oecd", "las", "un", "unesco")) {
            assertTrue(q.ask("ASK { <https://w3id.org/sijill/id/org/" + igo + "> a sijill:IntergovernmentalOrganization }"), igo);
        }
        assertEquals(0, q.count("SELECT ?o WHERE { ?o a sijill:Organ , sijill:IntergovernmentalOrganization }"));
    }

    @Test
    void everyParentLinkIsStatedByItsQuoteOrIsAnEditorialStatement() {
        // parent links no document states are in the editors' graph, with a note saying so
        for (String[] e : List.of(new String[] {"escwa", "un"}, new String[] {"itu", "un"}, new String[] {"unesco", "un"},
                new String[] {"itu-bdt", "itu"}, new String[] {"itu-d", "itu"}, new String[] {"las-acmict", "las"})) {
            String org = "<https://w3id.org/sijill/id/org/" + e[0] + ">";
            assertTrue(q.ask("ASK { GRAPH <https://w3id.org/sijill/graph/sijill-editors> { " + org + " org:subOrganizationOf <https://w3id.org/sijill/id/org/"
                    + e[1] + "> ; skos:note ?n ; prov:wasDerivedFrom <https://w3id.org/sijill/id/source/sijill-editors> FILTER(STRSTARTS(?n, \"Editorial:\")) } }"),
                    e[0] + " → " + e[1] + " is an editorial link");
            assertFalse(q.ask("ASK { GRAPH ?g { " + org + " org:subOrganizationOf <https://w3id.org/sijill/id/org/" + e[1] + "> } "
                    + "FILTER(?g != <https://w3id.org/sijill/graph/sijill-editors>) }"), e[0] + " → " + e[1] + " is filed under no document");
        }
        // a stated link carries a quote that names both (the ITU Council: "ITU’s Council Resolution 1305")
        assertTrue(q.ask("ASK { GRAPH <https://w3id.org/sijill/graph/qa-mict-itu-internet-policy-letter> { "
                + "<https://w3id.org/sijill/id/org/itu-council> org:unitOf <https://w3id.org/sijill/id/org/itu> ; sijill:evidence/prov:value ?v "
                + "FILTER(CONTAINS(?v, \"ITU’s Council Resolution 1305\")) } }"));
        // no document graph holds a parent link of an organ without that document being its source
        assertEquals(0, q.count("SELECT ?o ?g WHERE { GRAPH ?g { ?o org:subOrganizationOf ?p } ?o a sijill:Organ . "
                + "FILTER(?g != <https://w3id.org/sijill/graph/sijill-editors>) FILTER NOT EXISTS { GRAPH ?g { ?o sijill:evidence ?e } } }"));
    }

    @Test
    void plannedEventsHaveAPlannedDateAndNoStartDate() {
        String[][] plans = {{"arab-igf-5", "2019", "gYear"}, {"igf-2019-berlin", "2019", "gYear"}, {"paris-peace-forum-2019", "2019", "gYear"},
                {"itu-council-wg-cop-2022-01", "2022-01", "gYearMonth"}};
        for (String[] p : plans) {
            String e = "<https://w3id.org/sijill/id/event/" + p[0] + ">";
            assertFalse(q.ask("ASK { " + e + " schema:startDate ?d }"), p[0] + " has no start date: the source states a plan");
            assertTrue(q.ask("ASK { " + e + " sijill:plannedDate \"" + p[1] + "\"^^xsd:" + p[2] + " }"), p[0] + " planned for " + p[1]);
        }
        // an event that took place keeps its start date
        assertTrue(q.ask("ASK { <https://w3id.org/sijill/id/event/beirut-2018-experts-meeting> schema:startDate \"2018-12-04\"^^xsd:date }"));
    }

    @Test
    void theMinistryReportedTheWorkingGroupAndIsAMemberButIsNotSaidToLeadIt() {
        String wg = "<https://w3id.org/sijill/id/initiative/eg-internet-safety-working-group>";
        String mcit = "<https://w3id.org/sijill/id/org/eg-mcit>";
        assertFalse(q.ask("ASK { " + wg + " sijill:ledBy ?any }"), "the record names no lead");
        assertTrue(q.ask("ASK { " + wg + " sijill:reportedBy " + mcit + " ; org:hasMember " + mcit + " }"));
    }

    @Test
    void algeriasChildProtectionIsNotFiledAsChildOnlineProtection() {
        String p = "<https://w3id.org/sijill/id/presentation/beirut-2018-experts-meeting/28>";
        assertTrue(q.ask("ASK { " + p + " sijill:about <https://w3id.org/sijill/id/concept/law-topic/e-commerce> }"), "the presentation was found");
        assertFalse(q.ask("ASK { " + p + " sijill:about <https://w3id.org/sijill/id/concept/law-topic/child-online-protection> }"));
        assertTrue(q.ask("ASK { " + p + " sijill:evidence/prov:value ?v FILTER(CONTAINS(?v, \"was delivered by Ms. Wassila Chamekh\")) }"),
                "the quote names the speaker");
    }

    @Test
    void theYear2008DatesJoiningTheOecdNotTheCommitteeSeat() {
        assertTrue(q.ask("ASK { <https://w3id.org/sijill/id/membership/eg-mcit/2> org:member <https://w3id.org/sijill/id/org/eg-mcit> ; "
                + "org:organization <https://w3id.org/sijill/id/org/oecd> ; schema:startDate \"2008\"^^xsd:gYear }"));
        assertTrue(q.ask("ASK { <https://w3id.org/sijill/id/membership/eg-mcit/1> org:organization <https://w3id.org/sijill/id/org/oecd-cdep> }"));
        assertFalse(q.ask("ASK { <https://w3id.org/sijill/id/membership/eg-mcit/1> schema:startDate ?d }"));
    }

    @Test
    void quotesCarryTheFactsTheySupport() {
        // presentations: the quote reaches the speaker's name (it used to stop at "Ms. Rola", "Mr. Sudad", "was")
        List<String> weak = q.strings("SELECT ?v WHERE { ?p a sijill:Presentation ; sijill:speaker ?s ; sijill:evidence/prov:value ?v . "
                + "?s foaf:name ?name FILTER(lang(?name) = \"en\") BIND(REPLACE(?name, \"^.* \", \"\") AS ?surname) FILTER(!CONTAINS(?v, ?surname)) }");
        assertEquals(List.of(), weak, "presentation quotes without the speaker's surname");
        assertTrue(q.count("SELECT ?p WHERE { ?p a sijill:Presentation }") >= 30);
        // the Syrian laws: the quote says they are laws the presentation covered
        for (String law : List.of("e-signature-network-services-law", "e-transactions-law", "intellectual-property-rights-law", "online-communication-cybercrime-law")) {
            assertTrue(q.ask("ASK { <https://w3id.org/sijill/id/law/sy/undated/" + law + "> sijill:evidence/prov:value ?v "
                    + "FILTER(STRSTARTS(?v, \"it covered the national cybersecurity laws, namely\")) }"), law);
        }
        // recommendations: the quote is the whole item where the reading holds it (it used to start mid-sentence)
        assertTrue(q.ask("ASK { <https://w3id.org/sijill/id/recommendation/escwa-beirut-2018-report/legislative-framework/1> "
                + "sijill:evidence/prov:value \"وضع إطار استرشادي إقليمي للتشريعات الخاصة بمكافحة الجريمة الالكترونية.\"@ar }"));
    }

    @Test
    void theItuDirectorsMembershipIsEditorialForTheCircularStatesOnlyTheDirector() {
        // the circular is signed «دورين بوغدان-مارتن» «المديرة» (the Director) and does not say what she directs
        assertTrue(q.ask("ASK { <https://w3id.org/sijill/id/document/itu-cop-circular-2021/p/26> rdf:value \"المديرة\"@ar }"),
                "the signature's last line states only «المديرة»");
        String m = "<https://w3id.org/sijill/id/membership/doreen-bogdan-martin/1>";
        String editors = "<https://w3id.org/sijill/graph/sijill-editors>";
        assertTrue(q.ask("ASK { GRAPH " + editors + " { " + m + " org:member <https://w3id.org/sijill/id/person/doreen-bogdan-martin> ; "
                + "org:organization <https://w3id.org/sijill/id/org/itu-bdt> ; prov:wasDerivedFrom <https://w3id.org/sijill/id/source/sijill-editors> ; "
                + "skos:note ?n FILTER(STRSTARTS(?n, \"Editorial:\") && CONTAINS(?n, \"المديرة\") && lang(?n) = \"en\") } }"),
                "the membership in BDT is the editors' reading, with a note saying why");
        assertFalse(q.ask("ASK { GRAPH <https://w3id.org/sijill/graph/itu-cop-circular-2021> { " + m + " ?p ?o } }"),
                "the circular's graph files no part of the membership");
        assertFalse(q.ask("ASK { GRAPH ?g { ?st rdf:subject " + m + " ; prov:wasDerivedFrom <https://w3id.org/sijill/id/document/itu-cop-circular-2021> } }"),
                "no statement of the membership is attributed to the circular");
        assertEquals(0, q.count("SELECT ?e WHERE { " + m + " sijill:evidence ?e }"), "an editorial row quotes nothing");
        // the person herself stays stated by the circular, with her name quoted
        assertTrue(q.ask("ASK { GRAPH <https://w3id.org/sijill/graph/itu-cop-circular-2021> { <https://w3id.org/sijill/id/person/doreen-bogdan-martin> "
                + "sijill:evidence/prov:value ?v FILTER(STR(?v) = \"دورين بوغدان-مارتن\") } }"), "the person stays stated by the circular");
    }

    @Test
    void noPassageIsBlankAndTheLetterSignatureKeepsItsCitation() {
        assertEquals(0, q.count("SELECT ?p WHERE { ?p a sijill:Passage ; rdf:value ?v FILTER(REGEX(?v, \"^[\\\\s\\u00A0]*$\")) }"));
        assertTrue(q.ask("ASK { <https://w3id.org/sijill/id/document/qa-mict-itu-internet-policy-letter/p/25> "
                + "rdf:value \"Regulatory Strategy and Policy department manager\"@en }"));
        assertTrue(q.ask("ASK { <https://w3id.org/sijill/id/membership/pascal-dutru/1> sijill:evidence/prov:wasQuotedFrom "
                + "<https://w3id.org/sijill/id/document/qa-mict-itu-internet-policy-letter/p/25> }"));
    }

    @Test
    void theReversedLigatureOfTheAnnexIntroductionIsRepaired() {
        String intro = "<https://w3id.org/sijill/id/document/escwa-beirut-2018-report/p/annex-intro>";
        assertTrue(q.ask("ASK { " + intro + " rdf:value ?v FILTER(CONTAINS(?v, \"بشأنها لإخراجها في صيغتها\")) }"));
        assertFalse(q.ask("ASK { " + intro + " rdf:value ?v FILTER(CONTAINS(?v, \"إلخراجها\")) }"));
        Set<String> none = Set.copyOf(q.strings("SELECT ?v WHERE { ?p a sijill:Passage ; rdf:value ?v FILTER(CONTAINS(?v, \"إلخراج\")) }"));
        assertEquals(Set.of(), none);
    }
}
