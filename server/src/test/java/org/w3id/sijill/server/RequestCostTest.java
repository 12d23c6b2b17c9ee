package org.w3id.sijill.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.sijill.core.ProjectPaths;
import org.w3id.sijill.server.pages.SijillPages;
import org.w3id.sijill.vocab.SIJILL;

/**
 * What one request costs on a store with a hub: a topic with {@value #MEMBERS} laws (test-only
 * IRIs under {@code law/x-test-}), on the real server with the standard modules. Pages list a
 * bounded page of members, a conditional request is answered before the store is read, and the
 * landing page's store-wide counts are read once per release.
 */
class RequestCostTest {
    private static final int MEMBERS = 12_000;
    private static final String HUB = "concept/law-topic/x-test-hub";
    private static final int COUNTRY_LAWS = 3_000;
    private static final String CROWDED = "country/x-test-crowded";
    private static final int DOCUMENT_PASSAGES = 1_500;
    private static final int TIMELINE_CLAIMS = 1_500;
    private static final int SECOND_LAWS = 2_500;
    /** A League state of the test (ISO 3166 keeps XA–XZ for user-assigned codes). */
    private static final String TIMELINE_COUNTRY = "country/x-test-timeline";
    private static final java.time.LocalDate FIRST_CLAIM = java.time.LocalDate.of(1990, 1, 1);
    private static final String LONG_DOCUMENT = "document/x-test-long";

    private static SijillServer server;
    private static Path store;

    @BeforeAll
    static void start() {
        store = TestStores.fixtureStore();
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(store.toString());
        Node g = NodeFactory.createURI("urn:x-test:hub");
        Node hub = NodeFactory.createURI(SIJILL.ID + HUB);
        Txn.executeWrite(dsg, () -> {
            dsg.add(g, hub, RDF.Nodes.type, SKOS.Concept.asNode());
            dsg.add(g, hub, SKOS.prefLabel.asNode(), NodeFactory.createLiteralLang("Hub topic", "en"));
            addLaws(dsg, g, "x-test-", "Law ", SIJILL.topic.asNode(), hub, MEMBERS);
            // a country whose own laws grow: its page lists one page of them
            Node crowded = NodeFactory.createURI(SIJILL.ID + CROWDED);
            dsg.add(g, crowded, RDF.Nodes.type, SIJILL.Country.asNode());
            dsg.add(g, crowded, RDFS.label.asNode(), NodeFactory.createLiteralLang("Crowded test country", "en"));
            addLaws(dsg, g, "x-test-crowded-", "Crowded law ", SIJILL.jurisdiction.asNode(), crowded, COUNTRY_LAWS);
            // a document whose passages grow: its page lists one page of them, in document order
            Node doc = NodeFactory.createURI(SIJILL.ID + LONG_DOCUMENT);
            dsg.add(g, doc, RDF.Nodes.type, SIJILL.SourceDocument.asNode());
            dsg.add(g, doc, RDFS.label.asNode(), NodeFactory.createLiteralLang("Long test document", "en"));
            for (int i = DOCUMENT_PASSAGES; i >= 1; i--) {  // stored in reverse: the order comes from the ordinals
                Node p = NodeFactory.createURI(SIJILL.ID + LONG_DOCUMENT + "/p/" + i);
                dsg.add(g, p, RDF.Nodes.type, SIJILL.Passage.asNode());
                dsg.add(g, p, org.apache.jena.vocabulary.DCTerms.isPartOf.asNode(), doc);
                dsg.add(g, p, SIJILL.ordinal.asNode(), NodeFactory.createLiteralDT(Integer.toString(i), org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger));
                dsg.add(g, p, RDF.value.asNode(), NodeFactory.createLiteralLang(("Text of passage " + i + ". ").repeat(12), "en"));
            }
            // a League state with many dated claims: its timeline shows one page of them, newest first
            Node state = NodeFactory.createURI(SIJILL.ID + TIMELINE_COUNTRY);
            dsg.add(g, state, RDF.Nodes.type, SIJILL.Country.asNode());
            dsg.add(g, state, RDFS.label.asNode(), NodeFactory.createLiteralLang("Timeline test country", "en"));
            dsg.add(g, state, RDFS.label.asNode(), NodeFactory.createLiteralLang("بلد اختبار الخط الزمني", "ar"));
            dsg.add(g, state, SIJILL.iso2.asNode(), NodeFactory.createLiteralString("XT"));
            dsg.add(g, state, SIJILL.arabLeagueMember.asNode(), NodeFactory.createLiteralDT("true", org.apache.jena.datatypes.xsd.XSDDatatype.XSDboolean));
            // a second League state, to compare the first with
            Node second = NodeFactory.createURI(SIJILL.ID + "country/x-test-second");
            dsg.add(g, second, RDF.Nodes.type, SIJILL.Country.asNode());
            dsg.add(g, second, RDFS.label.asNode(), NodeFactory.createLiteralLang("Second test country", "en"));
            dsg.add(g, second, SIJILL.iso2.asNode(), NodeFactory.createLiteralString("XU"));
            dsg.add(g, second, SIJILL.arabLeagueMember.asNode(), NodeFactory.createLiteralDT("true", org.apache.jena.datatypes.xsd.XSDDatatype.XSDboolean));
            // whose instruments grow: the API lists them a page at a time
            addLaws(dsg, g, "x-test-second-", "Second country law ", SIJILL.jurisdiction.asNode(), second, SECOND_LAWS);
            Node source = NodeFactory.createURI(SIJILL.ID + "source/x-test-timeline");
            for (int i = 0; i < TIMELINE_CLAIMS; i++) {
                Node claim = NodeFactory.createURI(SIJILL.ID + "status/XT/e-transactions/x-test-" + i);
                dsg.add(g, claim, RDF.Nodes.type, SIJILL.LegalStatus.asNode());
                dsg.add(g, claim, SIJILL.jurisdiction.asNode(), state);
                dsg.add(g, claim, SIJILL.topic.asNode(), NodeFactory.createURI(SIJILL.ID + "concept/law-topic/e-transactions"));
                dsg.add(g, claim, SIJILL.status.asNode(), NodeFactory.createURI(SIJILL.ID + "concept/legal-status/enacted"));
                dsg.add(g, claim, SIJILL.asOf.asNode(), NodeFactory.createLiteralDT(FIRST_CLAIM.plusDays(7L * i).toString(),
                        org.apache.jena.datatypes.xsd.XSDDatatype.XSDdate));
                dsg.add(g, claim, NodeFactory.createURI("http://www.w3.org/ns/prov#wasDerivedFrom"), source);
            }
        });
        ProjectPaths paths = ProjectPaths.locate();
        server = SijillServer.builder().config(TestStores.CONFIG).store(store).port(0).timeout(Duration.ofSeconds(5))
                .addModules(StandardModules.of(paths, null, store.resolve("dumps-not-written"), null).stream()
                        .filter(m -> !m.name().equals("Sijill dumps") && !m.name().equals("Sijill dataset description")).toList())
                .build().start();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop();
    }

    private static HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/" + path))
                .timeout(Duration.ofSeconds(60)).GET();
        if (headers.length > 0) b.headers(headers);
        return TestServer.send(b.build());
    }

    @Test
    void aHubConceptPageListsOnePageOfMembers() {
        HttpResponse<String> r = get("page/" + HUB, "Accept-Language", "en");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().length() < 400_000, "page of " + r.body().length() + " characters");
        Document page = Jsoup.parse(r.body());
        long members = page.select("#members a[href*=/law/x-test-]").stream().map(a -> a.attr("href")).distinct().count();
        assertTrue(members > 0 && members <= 100, members + " members listed on one page");
        assertNotNull(page.selectFirst("a[rel=next][href$=page=2]"), "a next page");
        // counting stopped at the cap
        String total = page.selectFirst("#incoming h2 small").text();
        assertTrue(total.contains("more than"), total);

        Document second = Jsoup.parse(get("page/" + HUB + "?page=2", "Accept-Language", "en").body());
        assertNotNull(second.selectFirst("a[rel=prev][href$=page=1]"), "a previous page");
        long secondMembers = second.select("#members a[href*=/law/x-test-]").stream().map(a -> a.attr("href")).distinct().count();
        assertTrue(secondMembers > 0 && secondMembers <= 100);
    }

    @Test
    void aCountryPageListsOnePageOfItsLaws() {
        HttpResponse<String> r = get("page/" + CROWDED, "Accept-Language", "en");
        assertEquals(200, r.statusCode());
        Document page = Jsoup.parse(r.body());
        List<String> first = page.select("#laws a[href*=/law/x-test-crowded-]").stream().map(a -> a.attr("href")).distinct().toList();
        assertTrue(!first.isEmpty() && first.size() <= SijillPages.COUNTRY_PAGE_SIZE, first.size() + " laws listed on one page of " + COUNTRY_LAWS);
        assertTrue(r.body().length() < 400_000, "page of " + r.body().length() + " characters");
        assertNotNull(page.selectFirst("#country-pager a[rel=next][href$=page=2]"), "a next page of the country's laws");

        Document second = Jsoup.parse(get("page/" + CROWDED + "?page=2", "Accept-Language", "en").body());
        List<String> next = second.select("#laws a[href*=/law/x-test-crowded-]").stream().map(a -> a.attr("href")).distinct().toList();
        assertTrue(!next.isEmpty() && next.size() <= SijillPages.COUNTRY_PAGE_SIZE, next.size() + " laws on page 2");
        assertTrue(next.stream().noneMatch(first::contains), "page 2 lists other laws than page 1");
        assertNotNull(second.selectFirst("#country-pager a[rel=prev][href$=page=1]"), "a previous page");
    }

    /** @return the ordinals of the passages the document page lists, in the order listed */
    private static List<Integer> passagesListed(Document page) {
        return page.select("#passages .passage").stream().map(p -> Integer.parseInt(p.id().substring("p-".length()))).toList();
    }

    @Test
    void aDocumentPageListsOnePageOfItsPassagesInDocumentOrder() {
        HttpResponse<String> r = get("page/" + LONG_DOCUMENT, "Accept-Language", "en");
        assertEquals(200, r.statusCode());
        Document page = Jsoup.parse(r.body());
        List<Integer> first = passagesListed(page);
        List<Integer> expected = new ArrayList<>();
        for (int i = 1; i <= SijillPages.DOCUMENT_PAGE_SIZE; i++) expected.add(i);
        assertTrue(first.size() <= SijillPages.DOCUMENT_PAGE_SIZE, first.size() + " passages listed on page 1 of " + DOCUMENT_PASSAGES);
        assertEquals(expected, first, "page 1 lists the first passages in document order");
        assertTrue(r.body().length() < 400_000, "page of " + r.body().length() + " characters");
        assertNotNull(page.selectFirst("#passages-pager a[rel=next][href$=page=2]"), "a next page of the passages");
        assertTrue(page.select("#passages-pager a[rel=prev]").isEmpty(), "no previous page before the first");

        HttpResponse<String> ar = get("page/" + LONG_DOCUMENT + "?page=2", "Accept-Language", "ar");
        assertEquals(200, ar.statusCode());
        Document second = Jsoup.parse(ar.body());
        List<Integer> next = passagesListed(second);
        assertEquals(SijillPages.DOCUMENT_PAGE_SIZE + 1, next.get(0), "page 2 starts after page 1");
        assertEquals(SijillPages.DOCUMENT_PAGE_SIZE, next.size());
        assertEquals("الصفحة السابقة", second.selectFirst("#passages-pager a[rel=prev][href$=page=1]").text(), "a previous page, in Arabic");
        assertEquals("الصفحة التالية", second.selectFirst("#passages-pager a[rel=next][href$=page=3]").text(), "a next page, in Arabic");

        int lastPage = (DOCUMENT_PASSAGES + SijillPages.DOCUMENT_PAGE_SIZE - 1) / SijillPages.DOCUMENT_PAGE_SIZE;
        Document last = Jsoup.parse(get("page/" + LONG_DOCUMENT + "?page=" + lastPage, "Accept-Language", "en").body());
        List<Integer> tail = passagesListed(last);
        assertEquals(DOCUMENT_PASSAGES, tail.get(tail.size() - 1), "the last page ends with the last passage");
        assertTrue(last.select("#passages-pager a[rel=next]").isEmpty(), "no next page after the last");
    }

    @Test
    void aDocumentsPassageOrderIsReadOncePerRelease() {
        String doc = "document/x-test-ordered";
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(store.toString());
        Node g = NodeFactory.createURI("urn:x-test:ordered");
        Txn.executeWrite(dsg, () -> {
            dsg.add(g, NodeFactory.createURI(SIJILL.ID + doc), RDF.Nodes.type, SIJILL.SourceDocument.asNode());
            dsg.add(g, NodeFactory.createURI(SIJILL.ID + doc), RDFS.label.asNode(), NodeFactory.createLiteralLang("Ordered test document", "en"));
            for (int i = 1; i <= 3; i++) addPassage(dsg, g, doc, i);
        });
        assertEquals(List.of(1, 2, 3), passagesListed(Jsoup.parse(get("page/" + doc, "Accept-Language", "en").body())));
        // a passage added to the same store, same release: the page keeps the order it read for this release
        Txn.executeWrite(dsg, () -> addPassage(dsg, g, doc, 0));
        assertEquals(List.of(1, 2, 3), passagesListed(Jsoup.parse(get("page/" + doc, "Accept-Language", "ar").body())),
                "the document's order is not read again within a release");
    }

    private static void addPassage(DatasetGraph dsg, Node g, String doc, int i) {
        Node p = NodeFactory.createURI(SIJILL.ID + doc + "/p/" + i);
        dsg.add(g, p, RDF.Nodes.type, SIJILL.Passage.asNode());
        dsg.add(g, p, org.apache.jena.vocabulary.DCTerms.isPartOf.asNode(), NodeFactory.createURI(SIJILL.ID + doc));
        dsg.add(g, p, SIJILL.ordinal.asNode(), NodeFactory.createLiteralDT(Integer.toString(i), org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger));
        dsg.add(g, p, RDF.value.asNode(), NodeFactory.createLiteralLang("Text of ordered passage " + i + ".", "en"));
    }

    /** @return the dates of the claims the timeline shows, in the order shown */
    private static List<String> timelineClaims(Document page) {
        return page.select("#timeline li.claim small.asof").stream().map(e -> e.text().strip()).toList();
    }

    @Test
    void aCountryTimelineShowsOnePageOfItsClaimsNewestFirst() {
        HttpResponse<String> r = get("page/" + TIMELINE_COUNTRY, "Accept-Language", "en");
        assertEquals(200, r.statusCode(), () -> Jsoup.parse(r.body()).text());
        Document page = Jsoup.parse(r.body());
        List<String> first = timelineClaims(page);
        assertTrue(!first.isEmpty() && first.size() <= SijillPages.TIMELINE_PAGE_SIZE,
                first.size() + " claims on one page of a timeline of " + TIMELINE_CLAIMS);
        assertEquals(FIRST_CLAIM.plusDays(7L * (TIMELINE_CLAIMS - 1)).toString(), first.get(0), "the newest claim first");
        assertNotNull(page.selectFirst("#timeline-pager a[rel=next][href*=page=2]"), "a link to the older items");
        assertTrue(page.select("#timeline-pager a[rel=prev]").isEmpty(), "no newer items before the first page");

        HttpResponse<String> ar = get("page/" + TIMELINE_COUNTRY + "?page=2", "Accept-Language", "ar");
        assertEquals(200, ar.statusCode());
        Document second = Jsoup.parse(ar.body());
        List<String> older = timelineClaims(second);
        assertTrue(!older.isEmpty() && older.size() <= SijillPages.TIMELINE_PAGE_SIZE, older.size() + " claims on page 2");
        String oldestOfFirst = first.stream().min(String::compareTo).orElseThrow();
        assertTrue(older.stream().allMatch(d -> d.compareTo(oldestOfFirst) < 0), "page 2 shows only older claims than page 1");
        assertEquals("بنود أحدث", second.selectFirst("#timeline-pager a[rel=prev][href*=page=1]").text(), "newer items, in Arabic");
        assertEquals("بنود أقدم", second.selectFirst("#timeline-pager a[rel=next][href*=page=3]").text(), "older items, in Arabic");
    }

    /** @return the timeline state's e-transactions cell of a matrix or comparison page */
    private static org.jsoup.nodes.Element crowdedCell(Document page, String cells) {
        org.jsoup.select.Elements found = page.select(cells);
        assertEquals(1, found.size(), "one cell of the timeline state and topic: " + cells);
        return found.first();
    }

    private static void assertListsAFewAndLinksTheRest(org.jsoup.nodes.Element cell, String moreText) {
        int listed = cell.select("li.claim").size();
        assertTrue(listed >= 1 && listed <= org.w3id.sijill.server.observatory.ObservatoryViews.CELL_CLAIMS,
                listed + " claims listed in a cell of " + TIMELINE_CLAIMS);
        org.jsoup.nodes.Element more = cell.selectFirst("a.cell-more");
        assertNotNull(more, "the claims not listed are counted and linked: " + cell.text());
        assertEquals("/page/" + TIMELINE_COUNTRY + "?topic=e-transactions#timeline", more.attr("href"));
        // the count is written with the language's digit grouping
        assertTrue(more.text().replaceAll("[,٬]", "").contains(moreText.replace("N", Integer.toString(TIMELINE_CLAIMS - listed))), more.text());
        assertEquals(1, cell.select("li.claim:not(.earlier)").size(), "the source's latest claim is listed as current");
        assertTrue(cell.text().contains(FIRST_CLAIM.plusDays(7L * (TIMELINE_CLAIMS - 1)).getYear() + ""), "the latest claim's year");
    }

    @Test
    void aMatrixCellListsAFewOfItsClaimsAndLinksTheRest() {
        HttpResponse<String> r = get("matrix", "Accept-Language", "en");
        assertEquals(200, r.statusCode());
        assertListsAFewAndLinksTheRest(crowdedCell(Jsoup.parse(r.body()), "td.cell[data-country=XT][data-topic=e-transactions]"),
                "N more claims");
        HttpResponse<String> ar = get("matrix", "Accept-Language", "ar");
        assertListsAFewAndLinksTheRest(crowdedCell(Jsoup.parse(ar.body()), "td.cell[data-country=XT][data-topic=e-transactions]"),
                "إفادات أخرى: N");
        assertTrue(r.body().length() < 1_000_000, "the matrix stays small: " + r.body().length() + " characters");
    }

    @Test
    void aComparisonCellListsAFewOfItsClaimsAndLinksTheRest() {
        HttpResponse<String> r = get("compare?country=XT&country=XU", "Accept-Language", "en");
        assertEquals(200, r.statusCode(), () -> Jsoup.parse(r.body()).text());
        Document page = Jsoup.parse(r.body());
        org.jsoup.nodes.Element row = page.select("table.compare-table tbody tr").stream()
                .filter(tr -> tr.selectFirst("th.topic a[href$=/law-topic/e-transactions]") != null).findFirst().orElseThrow();
        org.jsoup.nodes.Element cell = row.select("td").first();
        assertListsAFewAndLinksTheRest(cell, "N more claims");
        assertTrue(cell.hasClass("kind-agree"), "every claim says enacted: " + cell.className());
    }

    @Test
    void theComparisonApiCountsACellsEarlierClaimsAndListsTheNewestFew() {
        HttpResponse<String> r = get("api/v1/compare?country=XT&country=XU", "Accept", "application/json");
        assertEquals(200, r.statusCode(), r::body);
        com.google.gson.JsonObject cell = null;
        for (com.google.gson.JsonElement e : com.google.gson.JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonArray("cells")) {
            com.google.gson.JsonObject o = e.getAsJsonObject();
            if (o.get("country").getAsString().equals("XT") && o.get("topic").getAsString().equals("e-transactions")) cell = o;
        }
        assertNotNull(cell, "the timeline state's e-transactions cell");
        assertEquals(TIMELINE_CLAIMS - 1, cell.get("earlierCount").getAsInt(), "every claim but the latest was replaced");
        com.google.gson.JsonArray earlier = cell.getAsJsonArray("earlierClaims");
        assertEquals(org.w3id.sijill.server.observatory.ObservatoryViews.CELL_CLAIMS, earlier.size(), cell.toString());
        assertEquals(SIJILL.ID + "status/XT/e-transactions/x-test-" + (TIMELINE_CLAIMS - 2), earlier.get(earlier.size() - 1).getAsString(),
                "the newest earlier claim last");
        assertTrue(r.body().length() < 100_000, "the answer stays small: " + r.body().length() + " characters");
    }

    @Test
    void theInstrumentsApiAnswersAPageAtATimeWithTheNextOnesAddress() {
        HttpResponse<String> r = get("api/v1/instruments?country=XU", "Accept", "application/json");
        assertEquals(200, r.statusCode(), r::body);
        com.google.gson.JsonObject first = com.google.gson.JsonParser.parseString(r.body()).getAsJsonObject();
        assertEquals(SECOND_LAWS, first.get("total").getAsInt());
        assertEquals(org.w3id.sijill.server.api.TablePage.DEFAULT_LIMIT, first.getAsJsonArray("rows").size());
        String next = first.get("next").getAsString();
        assertEquals("/api/v1/instruments?country=XU&offset=" + org.w3id.sijill.server.api.TablePage.DEFAULT_LIMIT, next);
        assertEquals("<" + next + ">; rel=\"next\"", r.headers().firstValue("Link").orElse(""));

        java.util.Set<String> seen = new java.util.HashSet<>();
        first.getAsJsonArray("rows").forEach(e -> seen.add(e.getAsJsonObject().get("link").getAsString()));
        HttpResponse<String> last = get("api/v1/instruments?country=XU&offset=2000&limit=600", "Accept", "application/json");
        com.google.gson.JsonObject lastPage = com.google.gson.JsonParser.parseString(last.body()).getAsJsonObject();
        assertEquals(SECOND_LAWS - 2000, lastPage.getAsJsonArray("rows").size(), "the rest");
        assertTrue(lastPage.get("next") == null && last.headers().firstValue("Link").isEmpty(), "no next page after the last");
        lastPage.getAsJsonArray("rows").forEach(e -> assertTrue(seen.add(e.getAsJsonObject().get("link").getAsString()), "pages do not overlap"));

        HttpResponse<String> csv = get("api/v1/instruments?country=XU&limit=10&format=csv");
        assertEquals(11, csv.body().strip().split("\r?\n").length, "a header and 10 rows: " + csv.body());
        assertTrue(csv.headers().firstValue("Link").orElse("").contains("offset=10"), "CSV says where the next page is too");

        for (String bad : List.of("limit=0", "limit=10001", "offset=-1", "limit=ten", "offset=1&offset=2")) {
            HttpResponse<String> b = get("api/v1/instruments?country=XU&" + bad, "Accept", "application/json");
            assertEquals(400, b.statusCode(), bad + ": " + b.body());
            assertTrue(b.body().contains(bad.contains("limit") ? "limit" : "offset"), b.body());
        }
    }

    @Test
    void theDefaultPageOfInstrumentsStaysSmallAndIsTheOneTheOpenApiDescriptionGives() {
        // a state with thousands of instruments: the answer without a limit is one small page in every format
        for (String format : List.of("json", "jsonld", "csv")) {
            HttpResponse<String> r = get("api/v1/instruments?country=XU&format=" + format);
            assertEquals(200, r.statusCode(), r::body);
            assertTrue(r.body().length() < 64_000, format + ": the default answer has " + r.body().length() + " characters");
            assertTrue(r.headers().firstValue("Link").orElse("").contains("offset="), format + ": the next page is named");
        }
        com.google.gson.JsonObject page = com.google.gson.JsonParser.parseString(
                get("api/v1/instruments?country=XU", "Accept", "application/json").body()).getAsJsonObject();
        int rows = page.getAsJsonArray("rows").size();
        assertTrue(rows > 0 && rows < SECOND_LAWS, rows + " rows of " + SECOND_LAWS);
        assertEquals(rows, page.get("limit").getAsInt(), "the answer says its limit");
        com.google.gson.JsonObject spec = com.google.gson.JsonParser.parseString(get("api/openapi.json").body()).getAsJsonObject();
        int documented = spec.getAsJsonObject("components").getAsJsonObject("parameters").getAsJsonObject("limit")
                .getAsJsonObject("schema").get("default").getAsInt();
        assertEquals(documented, rows, "the default limit the OpenAPI description gives");
    }

    @Test
    void eachPageOfTheInstrumentsApiIsTheWholeTableCutAsBefore() {
        // the page is made alone now; the answer is what cutting the whole table gave, byte for byte
        org.w3id.sijill.server.observatory.Snapshot snap = org.w3id.sijill.server.observatory.SnapshotLoader.load(
                DatabaseMgr.connectDatasetGraph(store.toString()));
        org.w3id.sijill.server.observatory.Snapshot.State xu = snap.state("XU").orElseThrow();
        assertEquals(SECOND_LAWS, org.w3id.sijill.server.observatory.InstrumentIndex.of(snap, xu).size());
        int compared = 0;
        for (String page : List.of("", "offset=1000", "offset=2000&limit=600", "limit=7&offset=13", "offset=2499&limit=1", "offset=3000")) {
            for (String format : List.of("json", "jsonld", "csv")) {
                for (String lang : List.of("en", "ar")) {
                    String query = "country=XU" + (page.isEmpty() ? "" : "&" + page) + "&format=" + format + "&lang=" + lang;
                    HttpResponse<String> r = get("api/v1/instruments?" + query);
                    assertEquals(200, r.statusCode(), query + ": " + r.body());
                    java.util.Map<String, List<String>> params = new java.util.LinkedHashMap<>();
                    for (String kv : query.split("&")) {
                        params.computeIfAbsent(kv.substring(0, kv.indexOf('=')), k -> new ArrayList<>()).add(kv.substring(kv.indexOf('=') + 1));
                    }
                    int offset = Integer.parseInt(params.getOrDefault("offset", List.of("0")).get(0));
                    int limit = Integer.parseInt(params.getOrDefault("limit", List.of(Integer.toString(
                            org.w3id.sijill.server.api.TablePage.DEFAULT_LIMIT))).get(0));
                    WholeInstrumentsTable.Answer before = WholeInstrumentsTable.answer(snap, xu,
                            org.w3id.sijill.server.pages.PageLanguage.fromCode(lang).orElseThrow(), offset, limit, "/api/v1/instruments", params,
                            org.w3id.sijill.server.observatory.TableFormat.valueOf(format.toUpperCase(java.util.Locale.ROOT)),
                            "http://localhost:" + server.port());
                    assertEquals(new String(before.body(), java.nio.charset.StandardCharsets.UTF_8), r.body(), query);
                    assertEquals(before.next() == null ? "" : "<" + before.next() + ">; rel=\"next\"", r.headers().firstValue("Link").orElse(""), query);
                    compared++;
                }
            }
        }
        assertEquals(36, compared);
    }

    @Test
    void aConditionalInstrumentsRequestIsAnsweredWithoutMakingTheTable() {
        // the largest page: before, a 304 made the state's whole table too and only did not write it,
        // so it cost with the state's instruments; now it costs what a state without any costs
        String limit = "&format=csv&limit=" + org.w3id.sijill.server.api.TablePage.MAX_LIMIT;
        String many = "api/v1/instruments?country=XU" + limit;
        String few = "api/v1/instruments?country=XT" + limit;
        HttpResponse<String> manyFirst = get(many);
        HttpResponse<String> fewFirst = get(few);
        assertEquals(200, manyFirst.statusCode());
        assertEquals(SECOND_LAWS + 1, manyFirst.body().strip().split("\\r?\\n").length, "a header and every row");
        long fewRows = fewFirst.body().strip().split("\\r?\\n").length - 1L;
        assertEquals(200, fewFirst.statusCode());
        assertTrue(fewRows * 100 < SECOND_LAWS, "the timeline state has claims but (almost) no instruments: " + fewRows);
        String manyTag = manyFirst.headers().firstValue("ETag").orElseThrow();
        String fewTag = fewFirst.headers().firstValue("ETag").orElseThrow();
        List<Long> manyTimes = new ArrayList<>();
        List<Long> fewTimes = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            for (int k = 0; k < 2; k++) {  // alternately first, so neither gains from going second
                boolean manyNow = (i + k) % 2 == 0;
                long t0 = System.nanoTime();
                assertEquals(304, get(manyNow ? many : few, "If-None-Match", manyNow ? manyTag : fewTag).statusCode());
                (manyNow ? manyTimes : fewTimes).add(System.nanoTime() - t0);
            }
        }
        long manyMedian = median(manyTimes);
        long fewMedian = median(fewTimes);
        assertTrue(manyMedian < 2 * fewMedian, "304 median " + manyMedian / 1000 + " µs for " + SECOND_LAWS + " instruments vs "
                + fewMedian / 1000 + " µs for " + fewRows);
    }

    @Test
    void aTimelineShowsOneTopicWhenAsked() {
        HttpResponse<String> r = get("page/" + TIMELINE_COUNTRY + "?topic=e-transactions", "Accept-Language", "en");
        assertEquals(200, r.statusCode(), () -> Jsoup.parse(r.body()).text());
        Document page = Jsoup.parse(r.body());
        assertEquals(SijillPages.TIMELINE_PAGE_SIZE, timelineClaims(page).size());
        assertTrue(page.selectFirst("#timeline .timeline-topic").text().startsWith("Topic:"), page.selectFirst("#timeline").text());
        assertEquals("/page/" + TIMELINE_COUNTRY + "#timeline", page.selectFirst("#timeline .timeline-topic a").attr("href"));
        assertNotNull(page.selectFirst("#timeline-pager a[rel=next][href*=topic=e-transactions][href*=page=2]"),
                "the next page keeps the topic");

        HttpResponse<String> other = get("page/" + TIMELINE_COUNTRY + "?topic=personal-data-protection", "Accept-Language", "en");
        assertEquals(200, other.statusCode());
        assertTrue(timelineClaims(Jsoup.parse(other.body())).isEmpty(), "no claim of another topic");

        HttpResponse<String> bad = get("page/" + TIMELINE_COUNTRY + "?topic=no-such-topic", "Accept-Language", "en");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("no-such-topic"), "the reason names the value");
    }

    @Test
    void theDataOfAHubCountsItsLinksOnlyAsFarAsItsPageNeeds() {
        // the description counts the links to the end of the page asked for, not to the store-wide cap
        org.w3id.sijill.server.ld.ResourceDescriber describer =
                new org.w3id.sijill.server.ld.ResourceDescriber(DatabaseMgr.connectDatasetGraph(store.toString()));
        long counted = describer.describe(SIJILL.ID + HUB, 200, 0, 200).incomingCount();
        assertEquals(org.w3id.sijill.server.ld.ResourceDescriber.SORTED_INCOMING + 1L, counted, "links counted for the first page");
        assertTrue(counted < MEMBERS);

        HttpResponse<String> first = get("data/" + HUB + ".ttl");
        assertEquals(200, first.statusCode());
        assertTrue(first.body().length() < 200_000, "one page of links: " + first.body().length() + " characters");
        assertTrue(first.headers().firstValue("Link").orElse("").contains("offset=200>; rel=\"next\""), first.headers().map().toString());
        // past the store-wide count cap the next page is still linked, and the last page links none
        HttpResponse<String> past = get("data/" + HUB + ".ttl?limit=200&offset=10000");
        assertEquals(200, past.statusCode());
        assertTrue(past.headers().firstValue("Link").orElse("").contains("offset=10200>; rel=\"next\""),
                "a next page after 10 200 of " + MEMBERS + " links: " + past.headers().map());
        HttpResponse<String> last = get("data/" + HUB + ".ttl?limit=200&offset=" + (MEMBERS - 200));
        assertEquals(200, last.statusCode());
        assertTrue(last.headers().firstValue("Link").isEmpty(), "no next page after the last: " + last.headers().map());
    }

    @Test
    void aConditionalDataRequestIsAnsweredBeforeTheDescriptionIsRead() {
        String path = "data/" + HUB + ".ttl";
        HttpResponse<String> first = get(path);
        assertEquals(200, first.statusCode());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        List<Long> full = new ArrayList<>();
        List<Long> conditional = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            long t0 = System.nanoTime();
            assertEquals(200, get(path).statusCode());
            long t1 = System.nanoTime();
            assertEquals(304, get(path, "If-None-Match", etag).statusCode());
            long t2 = System.nanoTime();
            full.add(t1 - t0);
            conditional.add(t2 - t1);
        }
        long fullMedian = median(full);
        long conditionalMedian = median(conditional);
        assertTrue(conditionalMedian * 4 < fullMedian, "304 median " + conditionalMedian / 1000 + " µs vs 200 median " + fullMedian / 1000 + " µs");
    }

    @Test
    void theLandingPageHasAnEntityTagAndReadsItsCountsOncePerRelease() {
        HttpResponse<String> first = get("", "Accept-Language", "en");
        assertEquals(200, first.statusCode());
        String etag = first.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag on the landing page"));
        assertEquals(304, get("", "Accept-Language", "en", "If-None-Match", etag).statusCode());
        assertEquals(200, get("", "Accept-Language", "ar", "If-None-Match", etag).statusCode(), "the other language is another entity");
        long laws = lawCount(first.body());
        assertTrue(laws >= MEMBERS, "laws counted: " + laws);

        // more laws in the same store, same release: the page keeps the counts it read for this release
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(store.toString());
        Txn.executeWrite(dsg, () -> dsg.add(NodeFactory.createURI("urn:x-test:hub"), NodeFactory.createURI(SIJILL.ID + "law/x-test-extra"),
                RDF.Nodes.type, SIJILL.Law.asNode()));
        assertEquals(laws, lawCount(get("", "Accept-Language", "en").body()), "counts are not read again within a release");
    }

    /** @return the landing page's count of laws (the row whose list query names {@code sijill:Law}) */
    private static long lawCount(String html) {
        for (var link : Jsoup.parse(html).select("#counts tbody td a")) {
            if (link.attr("href").contains("ontology%23Law%3E")) return Long.parseLong(link.text().replaceAll("[^0-9]", ""));
        }
        throw new AssertionError("no law count on the landing page");
    }

    private static long median(List<Long> xs) {
        List<Long> sorted = new ArrayList<>(xs);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /** Adds {@code n} labelled laws {@code law/{slugPrefix}{i}}, each linked to {@code target} by {@code link}. */
    private static void addLaws(DatasetGraph dsg, Node g, String slugPrefix, String labelPrefix, Node link, Node target, int n) {
        for (int i = 0; i < n; i++) {
            Node law = NodeFactory.createURI(SIJILL.ID + "law/" + slugPrefix + i);
            dsg.add(g, law, RDF.Nodes.type, SIJILL.Law.asNode());
            dsg.add(g, law, link, target);
            dsg.add(g, law, RDFS.label.asNode(), NodeFactory.createLiteralLang(labelPrefix + i, "en"));
        }
    }
}
