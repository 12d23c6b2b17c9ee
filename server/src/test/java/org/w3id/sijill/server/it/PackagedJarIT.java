package org.w3id.sijill.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.sijill.core.ProjectPaths;

/**
 * The jar users run, started as they start it: {@code java -jar server/target/sijill.jar serve}
 * with a store folder that does not exist yet (so the jar also builds it from {@code sources/}),
 * port 0. Every page type and API answers from the jar's own resources (templates, translations,
 * the editor's scripts, the map outlines, the ontology, the shapes), and every script and style
 * sheet a page links is served. Code that reads its resources as files works in the test
 * classpath and fails in a jar: this is the one test that sees the jar.
 *
 * <p>Runs after {@code package} (surefire execution {@code packaged-jar} in the
 * {@code integration-test} phase of {@code mvn verify}).
 */
class PackagedJarIT {

    static final Pattern PORT = Pattern.compile("landing page\\s+http://localhost:(\\d+)/");

    @TempDir
    static Path tmp;

    static Process server;
    static String base;
    static final List<String> output = new ArrayList<>();
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void startTheJar() throws Exception {
        Path home = ProjectPaths.locate().home();
        Path jar = home.resolve("server").resolve("target").resolve("sijill.jar");
        assertTrue(Files.isRegularFile(jar), "no packaged jar at " + jar + " (this test runs after mvn package)");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // the suite's wait for a release's once-read figures (a loaded CI machine), as for the servers in the suite
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-Xmx1g",
                "-Dsijill.ready.wait.seconds=" + System.getProperty("sijill.ready.wait.seconds", "60"), "-jar", jar.toString(), "serve", "--port", "0",
                "--store", tmp.resolve("store").toString()).directory(home.toFile()).redirectErrorStream(true);
        server = pb.start();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (output) {
                        output.add(line);
                    }
                    Matcher m = PORT.matcher(line);
                    if (m.find()) port.complete(Integer.parseInt(m.group(1)));
                }
                port.completeExceptionally(new IllegalStateException("the jar stopped before serving:\n" + String.join("\n", output)));
            } catch (IOException e) {
                port.completeExceptionally(e);
            }
        }, "packaged-jar-output");
        reader.setDaemon(true);
        reader.start();
        base = "http://localhost:" + port.get(300, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stopTheJar() throws InterruptedException {
        if (server == null) return;
        server.destroy();
        if (!server.waitFor(30, TimeUnit.SECONDS)) server.destroyForcibly();
    }

    static HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET();
        if (headers.length > 0) b.headers(headers);
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theJarBuiltTheStoreAndServesItsRelease() {
        List<String> lines;
        synchronized (output) {
            lines = List.copyOf(output);
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains("evidence quotes checked") && l.contains("all found")), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Sijill is serving")), String.join("\n", lines));
    }

    @Test
    void everyPageTypeAnswersInBothLanguagesWithItsAssets() throws Exception {
        List<String> pages = List.of("/", "/page/country/LB", "/page/country/EG", "/search?q=" + URLEncoder.encode("مصر", StandardCharsets.UTF_8),
                "/query", "/compare?country=LB&country=EG", "/matrix", "/map", "/dataset", "/dumps/", "/page/ontology", "/no/such/page");
        Set<String> assets = new LinkedHashSet<>();
        int checked = 0;
        for (String page : pages) {
            for (String lang : List.of("en", "ar")) {
                String path = page + (page.contains("?") ? "&" : "?") + "lang=" + lang;
                HttpResponse<String> r = get(path, "Accept", "text/html");
                int expected = page.startsWith("/no/") ? 404 : 200;
                assertEquals(expected, r.statusCode(), path + ": " + r.body().substring(0, Math.min(500, r.body().length())));
                Document doc = Jsoup.parse(r.body(), base + path);
                assertEquals(lang, doc.selectFirst("html").attr("lang"), path);
                assertFalse(doc.title().isBlank(), path + " has a title");
                assertFalse(doc.select("main, body").text().isBlank(), path + " has text");
                for (Element e : doc.select("script[src], link[rel=stylesheet][href]")) {
                    String url = e.hasAttr("src") ? e.absUrl("src") : e.absUrl("href");
                    if (url.startsWith(base)) assets.add(url.substring(base.length()));
                }
                checked++;
            }
        }
        assertEquals(pages.size() * 2, checked);
        assertFalse(assets.isEmpty(), "the pages link scripts and style sheets");
        for (String asset : assets) {
            HttpResponse<String> r = get(asset);
            assertEquals(200, r.statusCode(), "asset " + asset);
            assertFalse(r.body().isBlank(), "asset " + asset);
        }
    }

    @Test
    void dataAndApisAnswerFromTheJar() throws Exception {
        HttpResponse<String> ask = get("/sparql?query=" + URLEncoder.encode("ASK { <https://w3id.org/sijill/id/country/LB> ?p ?o }",
                StandardCharsets.UTF_8), "Accept", "application/sparql-results+json");
        assertEquals(200, ask.statusCode(), ask.body());
        assertTrue(ask.body().replace(" ", "").contains("\"boolean\":true"), ask.body());

        HttpResponse<String> search = get("/api/search?q=NTRA");
        assertEquals(200, search.statusCode(), search.body());
        assertTrue(search.body().contains("\"results\"") && search.body().contains("/id/"), search.body());

        assertEquals(200, get("/data/country/LB.ttl").statusCode());
        assertEquals(200, get("/data/country/LB.jsonld").statusCode());
        HttpResponse<String> openapi = get("/api/queries", "Accept", "application/json");
        assertEquals(200, openapi.statusCode(), openapi.body());
        HttpResponse<String> outlines = get("/map?lang=en", "Accept", "text/html");
        assertTrue(outlines.body().contains("<svg") || outlines.body().contains("<path"), "the map draws outlines from the jar's world-atlas");
        assertEquals(303, get("/id/country/LB", "Accept", "text/html").statusCode());
    }
}
