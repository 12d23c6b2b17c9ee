package org.w3id.sijill.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 8, "Complete data": facts the five documents state that the register lacked, now on the
 * real store, each from its document's graph and with a quote from the passage that states it.
 */
class CompleteDataTest {

    private static final String ID = "https://w3id.org/sijill/id/";
    private static RealStoreQueries q;

    @BeforeAll
    static void open() { q = RealStoreQueries.open(); }

    @AfterAll
    static void close() { q.close(); }

    /** @return whether {@code pattern} holds in the graph of {@code source} and its subject quotes {@code quote} */
    private static boolean stated(String source, String subject, String pattern, String quote) {
        return q.ask("ASK { GRAPH <https://w3id.org/sijill/graph/" + source + "> { " + subject + " " + pattern + " . "
                + subject + " sijill:evidence/prov:value ?q FILTER(CONTAINS(STR(?q), \"" + quote + "\")) } }");
    }

    @Test
    void qatarsLetterStatesADraftFrameworkAsOfNoKnownDate() {
        String claim = "<" + ID + "status/QA/personal-data-protection/qa-mict-itu-internet-policy-letter>";
        assertTrue(stated("qa-mict-itu-internet-policy-letter", claim, "a sijill:LegalStatus ; sijill:jurisdiction <" + ID + "country/QA> ; "
                + "sijill:status <" + ID + "concept/legal-status/draft> ; sijill:notBefore \"2013-11-22\"^^xsd:date ; "
                + "sijill:instrument <" + ID + "law/qa/undated/personal-data-protection-framework-draft>", "Qatar is currently developing a comprehensive legal framework"));
        assertTrue(q.ask("ASK { " + claim + " sijill:asOf ?d }") == false, "no as-of date: the letter is undated");
        assertTrue(q.ask("ASK { <" + ID + "status/QA/personal-data-protection/unctad-cyberlaw-tracker-2026> sijill:status <" + ID + "concept/legal-status/enacted> }"));
    }

    @Test
    void theEgyptianWorkingGroup() {
        String wg = "<" + ID + "initiative/eg-internet-safety-working-group>";
        String src = "eg-mcit-internet-safety-working-group";
        assertTrue(stated(src, "<" + ID + "initiative/eg-internet-safety-indicators-working-group>",
                "a sijill:WorkingGroup ; dcterms:isPartOf " + wg, "such as the indicators working group"));
        assertEquals(4, q.count("SELECT ?o WHERE { GRAPH <https://w3id.org/sijill/graph/" + src + "> { " + wg + " sijill:objective ?o } }"));
        assertTrue(q.ask("ASK { " + wg + " sijill:objective \"creation of a safe environment for children online\"@en }"));
        assertTrue(stated(src, wg, "sijill:wsisActionLine \"Building confidence and security in use of ICTs\"@en", "Building confidence and security in use of ICTs"));
        assertTrue(stated(src, wg, "sijill:implementationStatus \"Ongoing\"@en", "Ongoing from"));
    }

    @Test
    void theOecdWorkingPartyAndEgyptsEarlierParticipation() {
        String src = "eg-ntra-oecd-spde-news";
        Set<String> groups = new TreeSet<>(q.strings("SELECT ?g WHERE { GRAPH <https://w3id.org/sijill/graph/" + src + "> { <" + ID
                + "initiative/oecd-spde> sijill:includesStakeholderGroup ?c } ?c skos:notation ?g }"));
        assertEquals(Set.of("civil-society", "government", "private-sector", "technical-community"), groups);
        assertTrue(stated(src, "<" + ID + "event/oecd-spde-earlier-meetings>", "sijill:participatingCountry <" + ID + "country/EG>",
                "وقد شاركت مصر في اجتماعات فريق العمل خلال السنوات السابقة"));
        assertTrue(q.ask("ASK { <" + ID + "event/oecd-spde-earlier-meetings> schema:startDate ?d }") == false, "no years are stated");
    }

    @Test
    void theItuCircular() {
        String src = "itu-cop-circular-2021";
        String doc = "<" + ID + "document/" + src + ">";
        List<String> addressees = q.strings("SELECT ?a WHERE { GRAPH <https://w3id.org/sijill/graph/" + src + "> { " + doc
                + " sijill:addressee ?a FILTER(lang(?a) = \"ar\") } }");
        assertEquals(Set.of("إدارات الدول الأعضاء في الاتحاد", "الهيئات التنظيمية", "أعضاء قطاع تنمية الاتصالات", "الهيئات الأكاديمية", "البعثات الدائمة"),
                Set.copyOf(addressees));
        assertTrue(stated(src, "<" + ID + "initiative/itu-cop>", "sijill:namedRisk \"التسلط السيبراني\"@ar , \"cyberbullying\"@en", "التسلط السيبراني"));
        assertEquals(5, q.count("SELECT ?r WHERE { <" + ID + "initiative/itu-cop> sijill:namedRisk ?r FILTER(lang(?r) = \"ar\") }"));
        assertTrue(stated(src, "<" + ID + "initiative/itu-cop-best-practices>", "dcterms:isPartOf <" + ID + "initiative/itu-cop> ; sijill:ledBy <" + ID + "org/itu>",
                "فإن الاتحاد يقوم بجمع أفضل الممارسات"));
        assertTrue(stated(src, "<" + ID + "initiative/itu-gci-survey>", "dcterms:isPartOf <" + ID + "initiative/itu-gci>",
                "عرض جهودكم من خلال استقصاء الرقم القياسي العالمي للأمن السيبراني"));
    }

    @Test
    void theMeetingReport() {
        String src = "escwa-beirut-2018-report";
        assertTrue(stated(src, "<" + ID + "event/beirut-2018-experts-meeting>", "sijill:preparatoryFor <" + ID + "event/arab-igf-5>",
                "The meeting was part of the preparations for the Fifth Arab IGF meeting"));
        assertTrue(stated(src, "<" + ID + "initiative/arab-igf-5-working-groups>", "a sijill:WorkingGroup", "Forming seven working groups"));
        assertTrue(stated(src, "<" + ID + "country/YE>", "sijill:statedNeed ?need FILTER(CONTAINS(?need, \"form a CERT\"))", "it needs to develop its infrastructure and form a CERT"));
        assertTrue(stated(src, "<" + ID + "org/sd-criminal-investigation-labs>", "a sijill:GovernmentBody ; sijill:country <" + ID + "country/SD> ; sijill:established \"2017\"^^xsd:gYear",
                "criminal investigation laboratories for analysis and proof of information crimes"));
        assertEquals(Set.of("Beirut", "Cairo"), Set.copyOf(q.strings("SELECT ?l WHERE { GRAPH <https://w3id.org/sijill/graph/" + src + "> { <" + ID
                + "event/arab-igf-5> sijill:proposedLocation ?l } }")));
        assertTrue(stated(src, "<" + ID + "initiative/arab-igf-second-round>", "dcterms:isPartOf <" + ID + "initiative/arab-igf>",
                "at the start of a second round of the Arab IGF process, after a two-year cessation of its activities"));
    }

    @Test
    void recommendationsReferToWhatTheyName() {
        String rec = "<" + ID + "recommendation/escwa-beirut-2018-report/regional-international-cooperation/12>";
        assertTrue(stated("escwa-beirut-2018-report", rec, "dcterms:references <" + ID + "treaty/arab-convention-cybersecurity-draft>",
                "الموافقة على الاتفاقية العربية للأمن السيبراني"));
        // every referenced thing is described in the register
        assertEquals(List.of(), q.strings("SELECT ?t WHERE { ?r a sijill:Recommendation ; dcterms:references ?t FILTER NOT EXISTS { ?t rdfs:label ?l } }"));
        assertTrue(q.count("SELECT ?r ?t WHERE { ?r a sijill:Recommendation ; dcterms:references ?t }") >= 10);
    }

    @Test
    void theTrackersInstrumentsAreMatchedWhereTheyAreTheSameLaw() {
        String[][] matches = {{"SY", "e-transactions", "sy/undated/e-signature-network-services-law"},
                {"DZ", "cybercrime", "dz/2009/laws-protection-from-use-of-icts"},
                {"DZ", "e-transactions", "dz/2018/laws-email-online-communication-e-commerce"},
                {"LB", "personal-data-protection", "lb/2018/law-81"}};
        for (String[] m : matches) {
            assertTrue(q.ask("ASK { GRAPH <https://w3id.org/sijill/graph/unctad-cyberlaw-tracker-2026> { <" + ID + "status/" + m[0] + "/" + m[1]
                    + "/unctad-cyberlaw-tracker-2026> sijill:instrument <" + ID + "law/" + m[2] + "> ; skos:note ?n "
                    + "FILTER(STRSTARTS(?n, \"Matched with the register's law/" + m[2] + "\")) } }"), String.join(" ", m));
        }
        // the links the importer used to drop are kept as what the tracker cites, beside its "no legislation"
        assertTrue(q.ask("ASK { <" + ID + "status/IQ/consumer-protection/unctad-cyberlaw-tracker-2026> sijill:status <" + ID + "concept/legal-status/none> ; "
                + "sijill:citedInstrument [ dcterms:title \"Consumer Protection Law No. (1) of 2010\" ; foaf:page <https://faolex.fao.org/docs/pdf/irq149741.pdf> ] }"));
        assertTrue(q.ask("ASK { <" + ID + "status/LY/consumer-protection/unctad-cyberlaw-tracker-2026> sijill:status <" + ID + "concept/legal-status/none> ; "
                + "sijill:citedInstrument/dcterms:title \"Law No. 6 of 2022 concerning Electronic Transactions\" }"));
        assertTrue(q.ask("ASK { ?c sijill:status <" + ID + "concept/legal-status/none> ; sijill:instrument ?i }") == false,
                "a no-legislation claim rests on no register instrument");
    }
}
