package org.w3id.sijill.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.w3id.sijill.core.ProjectPaths;
import org.w3id.sijill.loader.RealStore;
import org.w3id.sijill.query.NamedQueryCatalog;

/**
 * Statement-level provenance on the store built from the project's own sources: CQ8 answers per
 * fact with the right quote, passage, source and table row for a sample of facts from each of the
 * five documents (chosen by reading the tables); editorial and derived facts are marked as such;
 * the labels once filed under the wrong source are now under the one that states them; only laws
 * and draft laws are schema:Legislation.
 */
class StatementProvenanceTest {
    private static final String ID = "https://w3id.org/sijill/id/";
    private static final String SIJILL = "https://w3id.org/sijill/ontology#";
    private static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";
    private static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    private static final String ORG = "http://www.w3.org/ns/org#";
    private static final String FOAF = "http://xmlns.com/foaf/0.1/";
    private static final String RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

    private static DatasetGraph store;
    private static NamedQueryCatalog catalog;
    private static Path sources;

    /**
     * A fact and what CQ8 must say about it.
     *
     * @param thing    the subject (IRI after id/)
     * @param property the property IRI
     * @param value    the value: an IRI, or a literal's lexical form
     * @param document the document slug
     * @param passage  the passage token
     * @param quote    a part of the expected quote
     * @param table    the table file the row is in
     */
    record Fact(String thing, String property, String value, String document, String passage, String quote, String table) {}

    static final List<Fact> FACTS = List.of(
            // the 2018 Beirut meeting report
            new Fact("law/lb/2018/law-81", SIJILL + "yearAdopted", "2018", "escwa-beirut-2018-report", "21",
                    "Lebanon has adopted the law no. 81", "instruments.csv"),
            new Fact("status/LB/e-transactions/escwa-beirut-2018-report", SIJILL + "status", ID + "concept/legal-status/enacted",
                    "escwa-beirut-2018-report", "21", "In 2018, Lebanon has adopted the law no. 81", "legal-status-report.csv"),
            new Fact("status/LB/e-transactions/escwa-beirut-2018-report", SIJILL + "instrument", ID + "law/lb/2018/law-81",
                    "escwa-beirut-2018-report", "21", "electronic transactions and personal data", "legal-status-report.csv"),
            new Fact("person/ayman-el-sherbiny", FOAF + "title", "Mr.", "escwa-beirut-2018-report", "9",
                    "Mr. Ayman El-Sherbiny, Chief of ICT Policies", "people.csv"),
            new Fact("org/un", RDFS + "label", "United Nations", "escwa-beirut-2018-report", "7",
                    "under the framework of United Nations", "organizations.csv"),
            // Egypt's Internet Safety Working Group record
            new Fact("initiative/eg-internet-safety-working-group", ORG + "hasMember", ID + "org/eg-moj",
                    "eg-mcit-internet-safety-working-group", "8", "The Ministry of Justice", "initiative-members.csv"),
            new Fact("initiative/eg-internet-safety-working-group", ORG + "hasMember", ID + "org/eg-moe",
                    "eg-mcit-internet-safety-working-group", "8", "The Ministry of Education", "initiative-members.csv"),
            new Fact("org/eg-mcit", SKOS + "altLabel", "MCIT", "eg-mcit-internet-safety-working-group", "8",
                    "Ministry of Communications and Information Technology MCIT", "organizations.csv"),
            new Fact("org/eg-ntra", SKOS + "altLabel", "National Telecommunications Regulatory Authority",
                    "eg-mcit-internet-safety-working-group", "8", "The National Telecommunications Regulatory Authority (NTRA)", "alt-labels.csv"),
            // the NTRA news item
            new Fact("org/oecd", SIJILL + "established", "1961", "eg-ntra-oecd-spde-news", "2",
                    "قد أنشأت عام 1961", "organizations.csv"),
            new Fact("initiative/oecd-spde", RDF_TYPE, SIJILL + "WorkingGroup", "eg-ntra-oecd-spde-news", "1",
                    "يعمل فريق العمل المعني بالأمن والخصوصية في الاقتصاد الرقمي", "initiatives.csv"),
            new Fact("membership/eg-mcit/1", ORG + "organization", ID + "org/oecd-cdep", "eg-ntra-oecd-spde-news", "2",
                    "تمثل مصر في لجنة المعلومات والاتصالات وسياسات الكمبيوتر", "memberships.csv"),
            new Fact("org/oecd-cdep", SKOS + "altLabel", "لجنة المعلومات والاتصالات وسياسات الكمبيوتر", "eg-ntra-oecd-spde-news", "2",
                    "والمعروفة حالياً بلجنة سياسات الاقتصاد الرقمي", "organizations.csv"),
            // Qatar's letter
            new Fact("initiative/arab-igf", SKOS + "altLabel", "AIGF", "qa-mict-itu-internet-policy-letter", "11",
                    "Arab Internet Governance Forum “AIGF”", "alt-labels.csv"),
            new Fact("initiative/igf", SKOS + "altLabel", "Global Internet Government Forum", "qa-mict-itu-internet-policy-letter", "11",
                    "the Global Internet Government Forum “IGF”", "alt-labels.csv"),
            new Fact("initiative/qa-mict-cyber-safety-programme", SIJILL + "partner", ID + "org/qa-cert",
                    "qa-mict-itu-internet-policy-letter", "19", "working closely with Q-CERT team", "initiative-members.csv"),
            new Fact("initiative/qa-free-internet-parks", SIJILL + "country", ID + "country/QA",
                    "qa-mict-itu-internet-policy-letter", "9", "free of charge, in several parks throughout the country", "initiatives.csv"),
            // ITU's circular letter
            new Fact("initiative/itu-gci", SKOS + "altLabel", "الرقم القياسي العالمي للأمن السيبراني", "itu-cop-circular-2021", "20",
                    "استقصاء الرقم القياسي العالمي للأمن السيبراني", "alt-labels.csv"),
            new Fact("org/itu-d", RDFS + "label", "قطاع تنمية الاتصالات", "itu-cop-circular-2021", "7",
                    "أعضاء قطاع تنمية الاتصالات", "organizations.csv"),
            new Fact("org/g20", RDFS + "label", "مجموعة العشرين", "itu-cop-circular-2021", "14",
                    "إعلان روما لقادة مجموعة العشرين", "organizations.csv"));

    @BeforeAll
    static void open() {
        ProjectPaths paths = ProjectPaths.locate();
        store = DatabaseMgr.connectDatasetGraph(RealStore.get().store().toString());
        catalog = NamedQueryCatalog.load(paths.queries());
        sources = paths.sources();
    }

    @AfterAll
    static void close() {
        if (store != null) TDBInternal.expel(store);
    }

    static List<Map<String, String>> cq8(String thing, String property) {
        Map<String, List<String>> params = new HashMap<>();
        params.put("thing", List.of(ID + thing));
        if (property != null) params.put("property", List.of(property));
        Query q = catalog.get("cq08-fact-provenance").bind(params);
        List<Map<String, String>> rows = new ArrayList<>();
        Txn.executeRead(store, () -> {
            try (QueryExec exec = QueryExec.dataset(store).query(q).set(TDB2.symUnionDefaultGraph, true).build()) {
                RowSet rs = exec.select();
                while (rs.hasNext()) {
                    Binding b = rs.next();
                    Map<String, String> row = new HashMap<>();
                    b.vars().forEachRemaining(v -> {
                        Node n = b.get(v);
                        row.put(v.getVarName(), n.isLiteral() ? n.getLiteralLexicalForm() : n.isURI() ? n.getURI() : n.toString());
                    });
                    rows.add(row);
                }
            }
        });
        return rows;
    }

    @Test
    void theSampleCoversTwentyFactsAndAllFiveDocuments() {
        assertEquals(20, FACTS.size());
        assertEquals(5, FACTS.stream().map(Fact::document).distinct().count());
    }

    @TestFactory
    Stream<DynamicTest> cq8ReturnsTheQuotePassageSourceAndRowOfEachFact() {
        return FACTS.stream().map(f -> DynamicTest.dynamicTest(f.thing() + " " + f.property() + " " + f.value(), () -> {
            List<Map<String, String>> rows = cq8(f.thing(), f.property()).stream()
                    .filter(r -> f.value().equals(r.get("value"))).toList();
            assertFalse(rows.isEmpty(), "CQ8 gives no statement of the fact " + f);
            String doc = ID + "document/" + f.document();
            List<Map<String, String>> fromDoc = rows.stream().filter(r -> doc.equals(r.get("source"))).toList();
            assertFalse(fromDoc.isEmpty(), "the fact is not stated by " + doc + ": " + rows);
            Map<String, String> r = fromDoc.stream().filter(x -> x.getOrDefault("quote", "").contains(f.quote())).findFirst()
                    .orElseThrow(() -> new AssertionError("no statement of " + f + " quotes \"" + f.quote() + "\": " + fromDoc));
            assertEquals("stated", r.get("kind"));
            assertEquals(doc + "/p/" + f.passage(), r.get("passage"), r.toString());
            assertTrue(r.get("sourceTitle") != null && !r.get("sourceTitle").isBlank(), "the source's title: " + r);
            String row = r.get("row");
            assertTrue(row != null && row.startsWith("tables/" + f.table() + ":"), "row " + row + " is in tables/" + f.table());
            String line = line(row);
            assertTrue(line.contains(f.quote()) || line.contains(r.get("quote")),
                    "the row " + row + " holds the quote; it is: " + line);
        }));
    }

    /** @return the text of the line a {@code tables/x.csv:12} reference names */
    static String line(String ref) throws IOException {
        int colon = ref.lastIndexOf(':');
        List<String> lines = Files.readAllLines(sources.resolve(ref.substring(0, colon)), StandardCharsets.UTF_8);
        int n = Integer.parseInt(ref.substring(colon + 1));
        assertTrue(n >= 2 && n <= lines.size(), ref + " is a data line of its file");
        return lines.get(n - 1);
    }

    @Test
    void aDisplayTitleTheReportDoesNotContainIsEditorial() {
        List<Map<String, String>> labels = cq8("law/lb/2018/law-81", RDFS + "label");
        Map<String, String> en = labels.stream().filter(r -> r.get("value").startsWith("Lebanon: Law No. 81")).findFirst()
                .orElseThrow(() -> new AssertionError("no English display title: " + labels));
        assertEquals("editorial", en.get("kind"), en.toString());
        assertEquals(ID + "source/sijill-editors", en.get("source"));
        assertEquals(null, en.get("quote"), "an editorial statement quotes nothing");
        assertTrue(en.get("row").startsWith("tables/instruments.csv:"), en.toString());
    }

    @Test
    void superclassTypesAndMentionsAreDerivedByTheirMethod() {
        List<Map<String, String>> types = cq8("law/lb/2018/law-81", RDF_TYPE).stream()
                .filter(r -> (SIJILL + "LegalInstrument").equals(r.get("value"))).toList();
        assertFalse(types.isEmpty());
        assertTrue(types.stream().allMatch(r -> "derived".equals(r.get("kind")) && (SIJILL + "subclassClosure").equals(r.get("method"))
                && r.get("source") == null), types.toString());
        List<Map<String, String>> mentions = cq8("document/escwa-beirut-2018-report/p/21", SIJILL + "mentions").stream()
                .filter(r -> (ID + "country/LB").equals(r.get("value"))).toList();
        assertEquals(1, mentions.size(), mentions.toString());
        assertEquals("derived", mentions.get(0).get("kind"));
        assertEquals(SIJILL + "gazetteerMatching", mentions.get(0).get("method"));
    }

    @Test
    void namesOnceFiledUnderTheWrongSourceAreUnderTheSourceThatStatesThem() {
        Map<String, String[]> moved = Map.of(
                "initiative/igf|Global Internet Government Forum", new String[] {"qa-mict-itu-internet-policy-letter", "escwa-beirut-2018-report"},
                "initiative/arab-igf|AIGF", new String[] {"qa-mict-itu-internet-policy-letter", "escwa-beirut-2018-report"},
                "initiative/itu-gci|الرقم القياسي العالمي للأمن السيبراني", new String[] {"itu-cop-circular-2021", "escwa-beirut-2018-report"},
                "org/eg-ntra|National Telecommunications Regulatory Authority", new String[] {"eg-mcit-internet-safety-working-group", "escwa-beirut-2018-report"});
        for (Map.Entry<String, String[]> e : moved.entrySet()) {
            String[] thingLabel = e.getKey().split("\\|");
            Node s = NodeFactory.createURI(ID + thingLabel[0]);
            Set<String> graphs = Txn.calculateRead(store, () -> store.stream(Node.ANY, s, NodeFactory.createURI(SKOS + "altLabel"), Node.ANY)
                    .filter(q -> q.getObject().getLiteralLexicalForm().equals(thingLabel[1]))
                    .map(q -> q.getGraph().getURI()).collect(Collectors.toSet()));
            assertEquals(Set.of("https://w3id.org/sijill/graph/" + e.getValue()[0]), graphs, e.getKey());
        }
    }

    @Test
    void onlyLawsAndDraftLawsAreSchemaLegislation() {
        Node legislation = NodeFactory.createURI("http://schema.org/Legislation");
        Node creativeWork = NodeFactory.createURI("http://schema.org/CreativeWork");
        Node type = NodeFactory.createURI(RDF_TYPE);
        Txn.executeRead(store, () -> {
            Set<Node> instruments = store.stream(Node.ANY, Node.ANY, type, NodeFactory.createURI(SIJILL + "LegalInstrument"))
                    .map(q -> q.getSubject()).collect(Collectors.toSet());
            assertTrue(instruments.size() > 10, "instruments found: " + instruments.size());
            int policies = 0;
            for (Node i : instruments) {
                boolean lawLike = store.contains(Node.ANY, i, type, NodeFactory.createURI(SIJILL + "Law"))
                        || store.contains(Node.ANY, i, type, NodeFactory.createURI(SIJILL + "DraftLaw"));
                assertEquals(lawLike, store.contains(Node.ANY, i, type, legislation), i + " is schema:Legislation iff a law or draft law");
                assertTrue(store.contains(Node.ANY, i, type, creativeWork), i + " is a schema:CreativeWork");
                if (!lawLike) policies++;
            }
            assertTrue(policies > 0, "some instruments are not laws (strategies, declarations, resolutions)");
        });
    }

    @Test
    void theBuildReportCountsStatementsByKind() {
        ProvenanceCheck.Counts c = RealStore.get().report().provenance();
        System.out.println(RealStore.get().report().summary());
        assertTrue(c.withEvidence() > 1000 && c.external() > 1000 && c.editorial() > 100 && c.derived() > 1000, c.toString());
        assertEquals(c.statements(), c.withEvidence() + c.external() + c.editorial() + c.derived(), c.toString());
        for (String doc : List.of("escwa-beirut-2018-report", "eg-mcit-internet-safety-working-group", "eg-ntra-oecd-spde-news",
                "qa-mict-itu-internet-policy-letter", "itu-cop-circular-2021")) {
            assertTrue(c.statedPerSource().getOrDefault("https://w3id.org/sijill/graph/" + doc, 0L) > 20, doc + ": " + c.statedPerSource());
        }
    }
}
