package org.w3id.sijill.server.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.sijill.core.ProjectPaths;
import org.w3id.sijill.loader.BuildReport;
import org.w3id.sijill.loader.OntologyFiles;
import org.w3id.sijill.loader.ProgressListener;
import org.w3id.sijill.loader.StoreBuilder;
import org.w3id.sijill.release.ReleaseLayout;
import org.w3id.sijill.search.SearchIndexDefinition;
import org.w3id.sijill.server.BackgroundLoad;
import org.w3id.sijill.server.SijillServer;
import org.w3id.sijill.server.pages.PageRequest;
import org.w3id.sijill.vocab.SIJILL;

/**
 * The search follows a live reload. Two releases are built with the loader ({@code StoreBuilder},
 * what {@code sijill build} runs: data and text index in the release folder, published by the
 * link flip) from a small sources tree whose ministry is renamed in the second. A real server
 * (the project's Fuseki configuration, port 0) answers a bounded stream of concurrent search
 * requests (page, API, autocomplete, {@code text:query}) on loopback while the second release is
 * built and switched in: no request fails; the moment the data shows the new name, the search
 * finds it, in English and Arabic, and no longer finds the old one; the country facet shows the
 * new release's country name. A release published without a text index is not switched to.
 */
class SearchReloadTest {

    static final Path CASES = ProjectPaths.locate().home().resolve("loader").resolve("src").resolve("test").resolve("resources").resolve("cases");
    static final Path CONFIG = ProjectPaths.locate().fusekiConfig().resolve("sijill.ttl");
    static final String MINISTRY = SIJILL.ID + "org/eg-ministry";
    static final String OLD_EN = "Kestrelvale";
    static final String NEW_EN = "Quillbackton";
    static final String OLD_AR = "تجريبية";
    static final String NEW_AR = "السنونو";
    static final int MAX_REQUESTS = 600;
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path tmp;

    @Test
    void searchSwitchesWithTheReleaseUnderLoadWithoutFailingARequest() throws Exception {
        ReleaseLayout layout = ReleaseLayout.of(tmp.resolve("var").resolve("store"));
        StoreBuilder builder = new StoreBuilder(new OntologyFiles(CASES.resolve("_ontology")));
        BuildReport a = builder.build(sources("a", OLD_EN + " Ministry", "وزارة " + OLD_AR, "Egypt"), layout.link(), ProgressListener.NONE);
        assertTrue(Files.isDirectory(layout.link().resolve(SearchIndexDefinition.FOLDER)), "the build wrote the text index into the release");

        SijillServer server = SijillServer.builder().config(CONFIG).store(layout.link()).port(0)
                .timeout(Duration.ofSeconds(10)).reloadInterval(Duration.ofMillis(200))
                .addModule(new SearchModule()).build().start();
        String base = "http://127.0.0.1:" + server.port();
        try {
            // release A: the old names are found, the new ones are not
            assertEquals(List.of(MINISTRY), iris(base, OLD_EN, "en"));
            assertEquals(List.of(), iris(base, NEW_EN, "en"));
            assertTrue(iris(base, OLD_AR, "ar").contains(MINISTRY));
            assertTrue(textQuery(base, OLD_EN).contains(MINISTRY), "text:query at /sparql sees release A");
            assertEquals("Egypt", countryFacet(base, "EG"));

            List<String> paths = List.of(
                    "/api/search?q=NTRA",
                    "/search?lang=en&q=NTRA",
                    "/api/search?lang=ar&q=" + PageRequest.encode("الجهاز القومى لتنظيم الاتصالات"),
                    "/api/search/suggest?lang=en&q=Nat",
                    "/api/search?lang=en&q=" + OLD_EN,
                    "/search?lang=ar&q=" + PageRequest.encode("وزارة"),
                    "/api/search/suggest?lang=ar&q=" + PageRequest.encode("الجه"),
                    "/sparql?query=" + PageRequest.encode(textQueryText("NTRA")));
            BackgroundLoad load = BackgroundLoad.start("search-load", 4, paths.stream().map(p -> base + p).toList(), MAX_REQUESTS,
                    Duration.ofMillis(20), url -> get(url));
            waitFor(() -> load.requests() >= 8, "8 requests before the new release");

            // release B is built while the requests run, and published (link flip) by the build
            int beforeBuild = load.requests();
            BuildReport b = builder.build(sources("b", NEW_EN + " Ministry", "وزارة " + NEW_AR, "Arab Republic of Egypt"),
                    layout.link(), ProgressListener.NONE);
            assertFalse(a.release().equals(b.release()), "a new release");
            String ask = "ASK { ?s <http://www.w3.org/2000/01/rdf-schema#label> \"" + NEW_EN + " Ministry\"@en }";
            waitFor(() -> get(base + "/sparql?query=" + PageRequest.encode(ask)).body().contains("true"), "the server to serve release B");
            int atSwitch = load.requests();
            // the same moment the data is B's, the search is B's: no waiting here
            List<String> nowNew = iris(base, NEW_EN, "en");
            List<String> nowOld = iris(base, OLD_EN, "en");
            List<String> nowText = textQuery(base, NEW_EN);
            waitFor(() -> load.requests() >= atSwitch + 20, "20 requests after the switch");
            load.stop(Duration.ofSeconds(60));
            System.out.printf("search reload: %d requests (%d while release B was built, %d after the switch), %d failed%n",
                    load.requests(), atSwitch - beforeBuild, load.requests() - atSwitch, load.failed());

            assertEquals(List.of(), load.failures(5), load.failed() + " failed requests");
            assertTrue(load.requests() <= MAX_REQUESTS + 4, "the load is bounded: " + load.requests());
            assertTrue(atSwitch - beforeBuild >= 1, "requests ran while release B was built and switched in");
            assertEquals(List.of(MINISTRY), nowNew, "the new name is found as soon as the data is release B's");
            assertEquals(List.of(), nowOld, "the old name is no longer found");
            assertTrue(nowText.contains(MINISTRY), "text:query at /sparql sees release B");
            assertEquals(List.of(), textQuery(base, OLD_EN), "text:query no longer finds the old name");
            assertTrue(iris(base, NEW_AR, "ar").contains(MINISTRY), "the new Arabic name is found");
            assertFalse(iris(base, OLD_AR, "ar").contains(MINISTRY), "the old Arabic name no longer finds the ministry");
            assertEquals("Arab Republic of Egypt", countryFacet(base, "EG"), "the country names of the page follow the release");
            JsonObject suggest = JSON.parse(get(base + "/api/search/suggest?lang=en&q=Quillb").body());
            assertEquals(MINISTRY, suggest.get("suggestions").getAsArray().get(0).getAsObject().get("iri").getAsString().value(),
                    "autocomplete follows the release");

            // release A is no longer in use: a build may prune it, and the search goes on
            Path folderA = layout.releasesDir().resolve(a.release());
            waitFor(() -> !layout.inUse(folderA), "release A to be no longer in use");
            assertEquals(List.of(folderA), layout.prune(1), "the old release can be pruned");
            assertEquals(List.of(MINISTRY), iris(base, NEW_EN, "en"), "still searching after the old release was deleted");
        } finally {
            server.stop();
        }
    }

    @Test
    void aReleaseWithoutItsTextIndexIsNotSwitchedTo() throws Exception {
        ReleaseLayout layout = ReleaseLayout.of(tmp.resolve("var").resolve("store"));
        StoreBuilder builder = new StoreBuilder(new OntologyFiles(CASES.resolve("_ontology")));
        builder.build(sources("a", OLD_EN + " Ministry", "وزارة " + OLD_AR, "Egypt"), layout.link(), ProgressListener.NONE);
        SijillServer server = SijillServer.builder().config(CONFIG).store(layout.link()).port(0)
                .timeout(Duration.ofSeconds(10)).reloadInterval(Duration.ofMillis(100))
                .addModule(new SearchModule()).build().start();
        String base = "http://127.0.0.1:" + server.port();
        String ask = "/sparql?query=" + PageRequest.encode("ASK { ?s <http://www.w3.org/2000/01/rdf-schema#label> \"" + NEW_EN + " Ministry\"@en }");
        try {
            // a release whose text index went missing (copied without it, say)
            BuildReport b = builder.build(sources("b", NEW_EN + " Ministry", "وزارة " + NEW_AR, "Egypt"), layout.link(), ProgressListener.NONE);
            Path folderB = layout.releasesDir().resolve(b.release());
            Path index = folderB.resolve(SearchIndexDefinition.FOLDER);
            Path aside = tmp.resolve("index-aside");
            Files.move(index, aside);
            assertEquals(folderB, layout.current().orElseThrow(), "release B is published");
            Thread.sleep(1_500);  // fifteen looks at the link
            assertTrue(get(base + ask).body().contains("false"), "the data stays release A's");
            assertEquals(List.of(MINISTRY), iris(base, OLD_EN, "en"), "the search stays release A's");

            // once the index is there, the server follows
            Files.move(aside, index);
            waitFor(() -> get(base + ask).body().contains("true"), "the server to serve release B");
            assertEquals(List.of(MINISTRY), iris(base, NEW_EN, "en"));
        } finally {
            server.stop();
        }
    }

    /** A copy of the loader's small sources tree with the ministry and Egypt named as given. */
    private Path sources(String name, String ministryEn, String ministryAr, String egyptEn) throws IOException {
        Path from = CASES.resolve("provenance-evidence").resolve("input");
        Path to = tmp.resolve("sources-" + name);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(target);
                else Files.copy(f, target);
            }
        }
        replace(to.resolve("tables").resolve("organizations.csv"), "Test ministry,وزارة تجريبية", ministryEn + "," + ministryAr);
        replace(to.resolve("tables").resolve("countries.csv"), "EG,Egypt,", "EG," + egyptEn + ",");
        return to;
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String s = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(s.contains(from), file + " contains '" + from + "'");
        Files.writeString(file, s.replace(from, to), StandardCharsets.UTF_8);
    }

    /** @return the IRIs /api/search returns for a query */
    static List<String> iris(String base, String q, String lang) {
        HttpResponse<String> r = get(base + "/api/search?limit=10&lang=" + lang + "&q=" + PageRequest.encode(q));
        assertEquals(200, r.statusCode(), () -> q + ": " + r.body());
        List<String> out = new ArrayList<>();
        for (JsonValue v : JSON.parse(r.body()).get("results").getAsArray()) out.add(v.getAsObject().get("iri").getAsString().value());
        return out;
    }

    static String textQueryText(String word) {
        return "PREFIX text: <http://jena.apache.org/text#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
                + "SELECT DISTINCT ?s { ?s text:query (rdfs:label \"" + word + "\" \"lang:en\") }";
    }

    /** @return the resources {@code text:query} finds at /sparql for an English word */
    static List<String> textQuery(String base, String word) {
        HttpResponse<String> r = get(base + "/sparql?query=" + PageRequest.encode(textQueryText(word)), "Accept", "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r::body);
        List<String> out = new ArrayList<>();
        for (JsonValue v : JSON.parse(r.body()).get("results").getAsObject().get("bindings").getAsArray()) {
            out.add(v.getAsObject().get("s").getAsObject().get("value").getAsString().value());
        }
        return out;
    }

    /** @return the label of a country's filter link on the English search page for NTRA */
    static String countryFacet(String base, String code) {
        Document d = Jsoup.parse(get(base + "/search?lang=en&q=NTRA").body());
        Element link = d.selectFirst(".search-filters a[href*=country=" + code + "]");
        assertTrue(link != null, "a filter by country " + code + " on the search page");
        return link.text();
    }

    static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            Thread.sleep(50);
        }
    }

    static HttpResponse<String> get(String url, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        if (headers.length > 0) b.headers(headers);
        try {
            return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
