package org.w3id.sijill.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.sijill.vocab.SIJILL;
import org.w3id.sijill.core.ProjectPaths;
import org.w3id.sijill.dump.DumpSettings;
import org.w3id.sijill.dump.ReleaseDumps;
import org.w3id.sijill.release.ReleaseLayout;
import org.w3id.sijill.search.SearchIndexDefinition;
import org.w3id.sijill.search.TextIndexBuilder;

/**
 * Live reload under load: a server on a release link ({@code var/store -> releases/A}) keeps
 * answering a bounded stream of concurrent requests (SPARQL, data, pages, dumps) on loopback while
 * a new release B (with its text index, as a build writes it) is published with the link flip; it switches without a restart, no request
 * fails, and data, ETags, the landing page and the dumps follow B. Release A is then no longer in
 * use and can be pruned.
 */
class LiveReloadTest {

    static final String A = "2026-11-23-aaaaaaaaaaaa";
    static final String B = "2026-11-24-bbbbbbbbbbbb";
    static final String EXTRA = "urn:x-test:only-in-release-b";

    @TempDir
    Path tmp;

    @Test
    void switchesToANewReleaseUnderLoadWithoutFailingARequest() throws Exception {
        ReleaseLayout layout = ReleaseLayout.of(tmp.resolve("var").resolve("store"));
        Path a = release(layout, A, false);
        layout.flip(a);
        SijillServer server = serve(layout, Duration.ofMillis(300));
        String base = "http://127.0.0.1:" + server.port() + "/";
        // release A was published without dumps: the server writes them in the background
        DumpsReady.await(server.port(), Duration.ofSeconds(120));
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            assertTrue(get(client, base + "data/country/LB.ttl").headers().firstValue("ETag").orElse("").contains(A));
            assertTrue(layout.inUse(a), "the served release is marked in use");

            String ask = base + "sparql?query=" + URLEncoder.encode("ASK { ?s ?p <" + EXTRA + "> }", StandardCharsets.UTF_8);
            assertEquals(List.of(), leagueStates(client, base), "release A has no League state");
            assertFalse(get(client, base + "matrix").body().contains("data-country=\"LB\""), "nor has its matrix");
            List<String> paths = List.of("sparql?query=" + URLEncoder.encode("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", StandardCharsets.UTF_8),
                    "data/country/LB.ttl", "page/country/LB", "", "dumps/SHA256SUMS", "data/law/lb/2018/law-81.jsonld");
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger requests = new AtomicInteger();
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<String> slow = new ConcurrentLinkedQueue<>();
            List<Thread> load = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                Thread th = new Thread(() -> {
                    for (int i = 0; i < 3000 && !stop.get(); i++) {
                        String url = base + paths.get((i + offset) % paths.size());
                        try {
                            long t0 = System.nanoTime();
                            HttpResponse<String> r = get(client, url);
                            if (System.nanoTime() - t0 > 500_000_000L) slow.add((System.nanoTime() - t0) / 1_000_000 + " ms " + url);
                            requests.incrementAndGet();
                            if (r.statusCode() != 200) failures.add(r.statusCode() + " " + url + " " + r.body());
                        } catch (RuntimeException e) {
                            failures.add(e + " " + url);
                        }
                    }
                });
                th.start();
                load.add(th);
            }
            Path b = release(layout, B, true);
            // as a build does: the release's dumps are written before it is published
            ReleaseDumps.write(b, DumpSettings.fromProject(ProjectPaths.locate()));
            waitFor(() -> requests.get() >= 8, "8 requests before the switch");
            int before = requests.get();
            layout.flip(b);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!get(client, base + "data/country/LB.ttl").headers().firstValue("ETag").orElse("").contains(B)) {
                assertTrue(System.nanoTime() < deadline, "the server did not switch to release B within 60 s");
                Thread.sleep(100);
            }
            int atSwitch = requests.get();
            waitFor(() -> requests.get() >= atSwitch + 8, "8 requests after the switch");
            stop.set(true);
            for (Thread th : load) th.join(120_000);
            System.out.printf("live reload: %d requests, %d during the switch window, %d failed%n", requests.get(), atSwitch - before, failures.size());
            System.out.println("slow requests: " + slow);
            assertEquals(List.of(), new ArrayList<>(failures).subList(0, Math.min(5, failures.size())), failures.size() + " failed requests");
            assertTrue(requests.get() >= 16, "the load ran: " + requests.get());

            assertTrue(get(client, ask).body().contains("true"), "SPARQL sees release B's data");
            assertEquals(List.of("LB"), leagueStates(client, base), "the observatory API follows the release");
            assertTrue(get(client, base + "matrix").body().contains("data-country=\"LB\""), "the matrix follows the release");
            HttpResponse<String> landing = get(client, base);
            assertTrue(landing.body().contains(B), "the landing page names release B");
            assertTrue(get(client, base + "dumps/SHA256SUMS").headers().firstValue("ETag").orElse("").contains(B), "dumps follow");
            assertTrue(Files.isRegularFile(b.resolve("dumps").resolve("SHA256SUMS")), "release B's dumps are in its folder");
            assertFalse(layout.inUse(a), "release A is no longer in use after the switch");
            assertTrue(layout.inUse(b));
            assertEquals(List.of(a), layout.prune(1), "the old release can be pruned");
            assertTrue(get(client, ask).body().contains("true"), "still serving after the old release was deleted");
        } finally {
            server.stop();
        }
    }

    /** @return a started server with every standard module on the release link of {@code layout}, looking at it every {@code interval} */
    static SijillServer serve(ReleaseLayout layout, Duration interval) {
        return SijillServer.builder().config(TestStores.CONFIG).store(layout.link()).port(0)
                .ontology(TestStores.ontologyFixture()).timeout(Duration.ofSeconds(5)).reloadInterval(interval)
                .addModules(StandardModules.of(ProjectPaths.locate(), Duration.ofSeconds(5), layout.link().resolve("dumps"), null))
                .build().start();
    }

    /** @return the ISO codes of the League states {@code /api/v1/countries} lists */
    private static List<String> leagueStates(HttpClient client, String base) {
        HttpResponse<String> r = get(client, base + "api/v1/countries?format=json");
        assertEquals(200, r.statusCode(), r.body());
        List<String> out = new ArrayList<>();
        com.google.gson.JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonArray("rows")
                .forEach(e -> out.add(e.getAsJsonObject().get("country").getAsString()));
        return out;
    }

    /** A release folder holding the fixture store (plus one triple in B), its text index and its release.properties. */
    static Path release(ReleaseLayout layout, String id, boolean extra) throws IOException {
        Path dir = layout.releasesDir().resolve(id);
        Files.createDirectories(dir);
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(dir.toString());
        Txn.executeWrite(dsg, () -> {
            try (InputStream in = TestStores.resource("fixture.trig")) {
                RDFParser.source(in).lang(Lang.TRIG).parse(dsg);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (extra) {
                dsg.add(NodeFactory.createURI("urn:x-test:graph"), NodeFactory.createURI("urn:x-test:s"),
                        NodeFactory.createURI("urn:x-test:p"), NodeFactory.createURI(EXTRA));
                // in release B Lebanon is a League state: the observatory (matrix, API) must show it after the switch
                dsg.add(NodeFactory.createURI("urn:x-test:graph"), NodeFactory.createURI(SIJILL.ID + "country/LB"),
                        SIJILL.arabLeagueMember.asNode(), NodeFactory.createLiteralDT("true", org.apache.jena.datatypes.xsd.XSDDatatype.XSDboolean));
            }
        });
        long quads = Txn.calculateRead(dsg, () -> dsg.stream().count());
        // as a build does: the release's text index is written into its folder before it is published
        TextIndexBuilder.build(dsg, dir.resolve(SearchIndexDefinition.FOLDER));
        TDBInternal.expel(dsg);
        Files.writeString(dir.resolve("release.properties"), "release=" + id + "\nbuilt=" + id.substring(0, 10) + "T10:00:00Z\ntriples="
                + quads + "\nquads=" + quads + "\n");
        return dir;
    }

    static void waitFor(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            Thread.sleep(50);
        }
    }

    static HttpResponse<String> get(HttpClient client, String url) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
