package org.w3id.sijill.server.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.sijill.search.SearchIndexDefinition;
import org.w3id.sijill.server.it.RealDataServer;
import org.w3id.sijill.server.it.RealDataServers;
import org.w3id.sijill.server.pages.PageRequest;
import org.w3id.sijill.vocab.SIJILL;

/**
 * The search on the store built from the project's {@code sources/}, through the real server:
 * relevance (mean reciprocal rank of {@code search/relevance.csv}), the JSON and JSON-LD API,
 * autocomplete, the page, {@code text:query} at {@code /sparql}, and bad input.
 */
class SearchServerTest {
    @RegisterExtension
    static final RealDataServer SERVER = new RealDataServer();

    static HttpResponse<String> get(String pathAndQuery, String... headers) {
        return SERVER.get(pathAndQuery, headers);
    }

    static JsonObject api(String q, String lang) {
        HttpResponse<String> r = get("/api/search?limit=10&lang=" + PageRequest.encode(lang) + "&q=" + PageRequest.encode(q));
        assertEquals(200, r.statusCode(), () -> q + ": " + r.body());
        return JSON.parse(r.body());
    }

    static List<String> iris(JsonObject o) {
        List<String> out = new ArrayList<>();
        for (JsonValue v : o.get("results").getAsArray()) out.add(v.getAsObject().get("iri").getAsString().value());
        return out;
    }

    @Test
    void indexIsPartOfTheStoreFolder() throws IOException {
        var dir = RealDataServers.folder().resolve("store").resolve(SearchIndexDefinition.FOLDER);
        assertTrue(Files.isDirectory(dir), dir.toString());
        try (var files = Files.list(dir)) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("segments_")), "a committed Lucene index in " + dir);
        }
    }

    /** Mean reciprocal rank of the first expected resource in the top 3 (0 when none is there). */
    @Test
    void relevanceCollection() throws IOException {
        List<CSVRecord> rows;
        try (InputStream in = getClass().getResourceAsStream("/search/relevance.csv")) {
            assertNotNull(in, "search/relevance.csv in the test resources");
            rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8)).getRecords();
        }
        assertTrue(rows.size() >= 20, "the collection has at least 20 queries, has " + rows.size());
        assertTrue(rows.stream().anyMatch(r -> r.get("lang").startsWith("ar")) && rows.stream().anyMatch(r -> r.get("lang").equals("en")),
                "queries in both languages");
        double sum = 0;
        StringBuilder report = new StringBuilder();
        for (CSVRecord row : rows) {
            List<String> expected = List.of(row.get("expected_top3").split("\\|")).stream().map(s -> SIJILL.ID + s).toList();
            List<String> got = iris(api(row.get("query"), row.get("lang")));
            int rank = 0;
            for (int i = 0; i < Math.min(3, got.size()); i++) {
                if (expected.contains(got.get(i))) { rank = i + 1; break; }
            }
            sum += rank == 0 ? 0 : 1.0 / rank;
            report.append(String.format(Locale.ROOT, "%-50s %-5s rank %s  (%s)%n", row.get("query"), row.get("lang"),
                    rank == 0 ? "-" : rank, row.get("case")));
        }
        double mrr = sum / rows.size();
        System.out.printf(Locale.ROOT, "search relevance: MRR@3 = %.3f over %d queries%n%s", mrr, rows.size(), report);
        Files.createDirectories(java.nio.file.Path.of("target"));
        Files.writeString(java.nio.file.Path.of("target", "search-relevance.txt"),
                String.format(Locale.ROOT, "MRR@3 = %.3f over %d queries%n", mrr, rows.size()) + report);
        assertTrue(mrr >= 0.9, "mean reciprocal rank " + mrr + " below 0.9:\n" + report);
    }

    @Test
    void crossLanguage() {
        List<String> ar = iris(api("مصر", "ar"));
        List<String> en = iris(api("Egypt", "en"));
        assertEquals(SIJILL.ID + "country/EG", ar.get(0));
        assertEquals(ar.get(0), en.get(0));
        // the Egyptian ministries are found from either language (they have both labels)
        assertTrue(ar.stream().filter(en::contains).count() >= 3, ar + " vs " + en);
        JsonObject o = api("مصر", "en");
        assertEquals("Egypt", o.get("results").getAsArray().get(0).getAsObject().get("label").getAsString().value());
    }

    @Test
    void jsonShape() {
        JsonObject o = api("NTRA", "en");
        assertEquals("NTRA", o.get("query").getAsString().value());
        assertTrue(o.get("total").getAsNumber().value().intValue() >= 3);
        JsonObject first = o.get("results").getAsArray().get(0).getAsObject();
        assertEquals(SIJILL.ID + "org/eg-ntra", first.get("iri").getAsString().value());
        assertEquals("National Telecom Regulatory Authority (Egypt)", first.get("label").getAsString().value());
        assertEquals(SIJILL.NS + "Regulator", first.get("type").getAsString().value());
        assertEquals("EG", first.get("country").getAsString().value());
        assertTrue(first.get("score").getAsNumber().value().doubleValue() > 0);
        assertEquals("NTRA", first.get("snippet").getAsString().value());
        JsonObject ar = api("NTRA", "ar").get("results").getAsArray().get(0).getAsObject();
        assertEquals("الجهاز القومي لتنظيم الاتصالات", ar.get("label").getAsString().value());
    }

    @Test
    void jsonLdWithThePublishedContext() {
        HttpResponse<String> r = get("/api/search?q=NTRA", "Accept", "application/ld+json");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/ld+json"));
        JsonObject o = JSON.parse(r.body());
        JsonArray context = o.get("@context").getAsArray();
        String contextUrl = context.get(0).getAsString().value();
        assertEquals(SERVER.base() + "/context.jsonld", contextUrl);
        HttpResponse<String> published = get("/context.jsonld");
        assertEquals(200, published.statusCode());
        // Parse with the published context put in place of its URL (no network fetch by the parser).
        context.set(0, JSON.parse(published.body()).get("@context"));
        Model m = ModelFactory.createDefaultModel();
        RDFParser.fromString(o.toString(), Lang.JSONLD).parse(m);
        Resource ntra = m.createResource(SIJILL.ID + "org/eg-ntra");
        assertTrue(m.contains(ntra, RDF.type, m.createResource(SIJILL.NS + "Regulator")), "typed result");
        assertTrue(m.contains(ntra, RDFS.label, m.createLiteral("National Telecom Regulatory Authority (Egypt)", "en")), "labelled result");
        assertTrue(m.contains(ntra, m.createProperty(SIJILL.NS + "country"), m.createResource(SIJILL.ID + "country/EG")), "country");
        assertTrue(m.contains(null, m.createProperty("http://schema.org/query"), "NTRA"));
    }

    @Test
    void suggestions() {
        for (String typed : List.of("NTR", "الجهاز القومى لتنظ", "q-ce")) {
            HttpResponse<String> r = get("/api/search/suggest?lang=ar&q=" + PageRequest.encode(typed));
            assertEquals(200, r.statusCode(), r.body());
            JsonArray s = JSON.parse(r.body()).get("suggestions").getAsArray();
            assertFalse(s.isEmpty(), typed);
            String iri = s.get(0).getAsObject().get("iri").getAsString().value();
            assertTrue(iri.equals(SIJILL.ID + "org/eg-ntra") || (typed.startsWith("q") && iri.equals(SIJILL.ID + "org/qa-cert")), typed + " → " + iri);
            assertTrue(s.get(0).getAsObject().get("href").getAsString().value().startsWith("/page/org/"));
        }
    }

    @Test
    void searchPage() {
        HttpResponse<String> r = get("/search?lang=ar&q=" + PageRequest.encode("الجهاز القومى لتنظيم الاتصالات"));
        assertEquals(200, r.statusCode());
        Document d = Jsoup.parse(r.body());
        assertEquals("rtl", d.selectFirst("html").attr("dir"));
        assertEquals("/page/org/eg-ntra?lang=ar", d.selectFirst(".search-results a.result-name").attr("href"));
        assertEquals("الجهاز القومي لتنظيم الاتصالات", d.selectFirst(".search-results a.result-name").text());
        assertFalse(d.select(".search-filters a[href*=type=Organization]").isEmpty(), "filter by kind");
        assertFalse(d.select(".search-filters a[href*=country=EG]").isEmpty(), "filter by country");
        // a passage match shows the fragment with the words marked
        assertFalse(d.select(".search-results mark").isEmpty(), "highlighted words");
        // the header box is on the page, with the query
        assertEquals("الجهاز القومى لتنظيم الاتصالات", d.selectFirst("header.site input[name=q]").attr("value"));

        // filters and pages
        Document all = Jsoup.parse(get("/search?lang=en&q=ITU").body());
        int total = Integer.parseInt(all.selectFirst("#search-count").ownText().replaceAll("[^0-9]", ""));
        assertTrue(total > 20, "ITU matches more than a page: " + total);
        assertEquals(20, all.select(".search-results > li").size());
        String next = all.selectFirst(".pager a[rel=next]").attr("href");
        Document page2 = Jsoup.parse(get(next).body());
        assertEquals(Math.min(20, total - 20), page2.select(".search-results > li").size());
        Document orgs = Jsoup.parse(get("/search?lang=en&q=ITU&type=Organization").body());
        assertFalse(orgs.select(".search-results > li").isEmpty());
        for (var meta : orgs.select(".search-results > li > .meta")) {
            assertFalse(meta.text().contains("Passage"), meta.text());
        }
        Document egypt = Jsoup.parse(get("/search?lang=en&q=" + PageRequest.encode("ministry") + "&country=EG").body());
        assertFalse(egypt.select(".search-results > li").isEmpty());
        egypt.select(".search-results > li > .meta").forEach(m -> assertTrue(m.text().contains("Egypt"), m.text()));

        // empty: the form with examples
        Document empty = Jsoup.parse(get("/search?lang=en").body());
        assertTrue(empty.select(".search-examples a").size() >= 3);
        assertTrue(empty.select(".search-results").isEmpty());
    }

    @Test
    void textQueryInTheSparqlEndpoint() {
        String q = """
                PREFIX text: <http://jena.apache.org/text#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                SELECT ?s WHERE { ?s text:query (rdfs:label ?q ?lang) }
                """;
        // the language names the analyser: "ar" normalises and stems, so the spelling without hamza matches
        assertTrue(sparqlSubjects(q, "الجهاز القومى لتنظيم", "lang:ar").contains(SIJILL.ID + "org/eg-ntra"));
        assertTrue(sparqlSubjects(q, "regulators", "lang:en").contains(SIJILL.ID + "org/qa-ictqatar-ra") ||
                sparqlSubjects(q, "regulatory authorities", "lang:en").contains(SIJILL.ID + "org/eg-ntra"));
        // jena-text's language lookup is exact: a regional tag finds nothing (no field label_ar-EG)
        assertTrue(sparqlSubjects(q, "الجهاز القومى لتنظيم", "lang:ar-EG").isEmpty());
        // without a language: the language-neutral field (normalised, not stemmed)
        String noLang = """
                PREFIX text: <http://jena.apache.org/text#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                SELECT ?s WHERE { ?s text:query (rdfs:label ?q) }
                """;
        assertTrue(sparqlSubjects(noLang, "الجهاز القومى", null).contains(SIJILL.ID + "org/eg-ntra"));
    }

    private List<String> sparqlSubjects(String query, String text, String lang) {
        org.apache.jena.query.ParameterizedSparqlString p = new org.apache.jena.query.ParameterizedSparqlString(query);
        p.setLiteral("q", text);
        if (lang != null) p.setLiteral("lang", lang);
        HttpResponse<String> r = get("/sparql?query=" + PageRequest.encode(p.toString()), "Accept", "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        List<String> out = new ArrayList<>();
        for (JsonValue b : JSON.parse(r.body()).get("results").getAsObject().get("bindings").getAsArray()) {
            out.add(b.getAsObject().get("s").getAsObject().get("value").getAsString().value());
        }
        return out;
    }

    @Test
    void badInputIsAnsweredWithAReason() {
        List<String> queries = List.of("the of and", "في من على", "*", "?", "\"", ":", "(", "~", "NTRA*", "\"NTRA", "title:x",
                "(a OR b", "ntra~2", "a".repeat(10_240), "ال", "[x TO y]", "\\", "!", "+-&&||");
        for (String q : queries) {
            for (String path : List.of("/api/search?q=", "/search?q=", "/api/search/suggest?q=")) {
                HttpResponse<String> r = get(path + PageRequest.encode(q));
                String label = path + (q.length() > 20 ? q.substring(0, 20) + "…" : q);
                // 414: the server's cap on page query strings (4,096 characters) answers the 10 kB query first
                assertTrue(r.statusCode() == 200 || r.statusCode() == 400 || r.statusCode() == 414, label + " → " + r.statusCode() + " " + r.body());
                assertNoLuceneInternals(label, r.body());
                if (r.statusCode() >= 400 && path.startsWith("/api/search?")) assertFalse(r.body().isBlank(), "a reason for " + label);
            }
        }
        for (String raw : List.of("%zz", "%E0%A4", "%", "%C3%28")) {
            for (String path : List.of("/api/search?q=", "/search?q=", "/api/search/suggest?q=")) {
                String[] r = rawGet(path + raw);
                assertEquals("400", r[0], path + raw + " → " + r[1]);
                // the server-wide request check answers first ("invalid percent-escape", "not valid UTF-8"), the search servlet otherwise ("percent-encoded")
                assertTrue(r[1].contains("percent") || r[1].contains("UTF-8"), path + raw + " → " + r[1]);
                assertNoLuceneInternals(path + raw, r[1]);
            }
        }
        // 1,000 characters: past the search limit (300), under the server-wide page query cap (4,096; the 10 kB case above gets 414)
        HttpResponse<String> tooLong = get("/api/search?q=" + "a".repeat(1_000));
        assertEquals(400, tooLong.statusCode());
        assertTrue(tooLong.body().contains("at most 300"), tooLong.body());
        HttpResponse<String> empty = get("/api/search?q=");
        assertEquals(400, empty.statusCode());
        assertTrue(empty.body().contains("'q' is required"), empty.body());
        assertEquals(400, get("/api/search?q=x&page=0").statusCode());
        assertEquals(400, get("/api/search?q=x&limit=1000").statusCode());
        assertEquals(400, get("/api/search?q=x&type=Nothing").statusCode());
        assertEquals(400, get("/search?q=x&country=Egypt").statusCode());
    }

    /** A GET with the request line as given (java.net.URI refuses bad escapes): {status, body}. */
    static String[] rawGet(String pathAndQuery) {
        try (java.net.Socket socket = new java.net.Socket("localhost", SERVER.server().port())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String status = response.substring(response.indexOf(' ') + 1, response.indexOf(' ') + 4);
            return new String[] {status, response.substring(response.indexOf("\r\n\r\n") + 4)};
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertNoLuceneInternals(String label, String body) {
        for (String leak : List.of("org.apache.lucene", "ParseException", "Cannot parse", "Exception", "at org.", "TooManyClauses")) {
            assertFalse(body.contains(leak), label + " leaks '" + leak + "': " + body.substring(0, Math.min(300, body.length())));
        }
    }

    /** The Arabic results page writes its count in the same (Western) digits as its range and the data. */
    @Test
    void arabicCountAndRangeInOneKindOfDigits() {
        Document d = Jsoup.parse(get("/search?lang=ar&q=" + PageRequest.encode("ITU")).body());
        String count = d.select("#search-count").text();
        assertTrue(count.matches(".*\\d.*"), "a count with digits: " + count);
        assertFalse(count.matches(".*[\u0660-\u0669\u06F0-\u06F9].*"), "no Arabic-Indic digits beside Western ones: " + count);
        assertFalse(d.select("#site-search-q").attr("placeholder").matches(".*[A-Za-z].*"),
                "the Arabic search box's placeholder is Arabic: " + d.select("#site-search-q").attr("placeholder"));
    }
}
