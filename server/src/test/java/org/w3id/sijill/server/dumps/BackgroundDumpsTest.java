package org.w3id.sijill.server.dumps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.sijill.core.ProjectPaths;
import org.w3id.sijill.dump.DumpCatalog;
import org.w3id.sijill.dump.DumpSettings;
import org.w3id.sijill.dump.DumpWriter;
import org.w3id.sijill.server.DumpsReady;
import org.w3id.sijill.server.SijillServer;

/**
 * The real server with a store whose dumps are not written yet: the port opens and answers at once,
 * the dumps and the dataset description answer 503 with Retry-After until the background writer
 * has published them (held back here by the writer's test pause), then 200; dumps already written
 * for the served release are ready at once when scheduled again (as after a live switch).
 */
class BackgroundDumpsTest {
    static final String RELEASE = "2026-04-27-bacd0e5e1234";
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path tmp;

    @Test
    void thePortOpensBeforeTheDumpsAreWrittenAndTheyAreServedWhenReady() throws Exception {
        Path store = tmp.resolve("store");
        DatasetGraph dsg = SampleStore.create(store, RELEASE);
        Path dumps = tmp.resolve("dumps");
        ProjectPaths paths = ProjectPaths.locate();
        DumpSettings settings = SampleStore.settings(paths);

        System.setProperty(DumpWriter.PAUSE_BEFORE_PUBLISH, "4000");
        SijillServer server = null;
        try {
            long t0 = System.nanoTime();
            server = SijillServer.builder().config(paths.fusekiConfig().resolve("sijill.ttl")).store(store).port(0)
                    .timeout(Duration.ofSeconds(5)).addModules(DumpModules.forServe(dumps, settings)).build().start();
            assertEquals(200, get(server, "/$/ping").statusCode());
            long startMillis = (System.nanoTime() - t0) / 1_000_000;
            HttpResponse<String> sums = get(server, "/dumps/SHA256SUMS");
            assertEquals(503, sums.statusCode(), "dumps still being written (start and first answer took " + startMillis + " ms)");
            assertEquals(String.valueOf(BackgroundDumps.RETRY_AFTER_SECONDS), sums.headers().firstValue("Retry-After").orElse(""));
            assertTrue(sums.body().contains(RELEASE), sums.body());
            assertEquals(503, get(server, "/dumps/sijill.nq.gz").statusCode());
            assertEquals(503, get(server, "/dataset", "Accept", "text/turtle").statusCode(), "the description lists the dumps");
            assertEquals(200, get(server, "/sparql?query=ASK%7B%7D").statusCode(), "the rest of the server answers meanwhile");

            DumpsReady.await(server.port(), Duration.ofSeconds(120));
            assertEquals(200, get(server, "/dumps/SHA256SUMS").statusCode());
            assertEquals(RELEASE, DumpCatalog.read(dumps).release());
            assertEquals(200, get(server, "/dataset", "Accept", "text/turtle").statusCode());

            // dumps already written for the release (as the build writes them before a switch): ready at once
            BackgroundDumps again = new BackgroundDumps(dumps, settings);
            again.schedule(dsg, store, () -> RELEASE);
            assertTrue(again.writing().isEmpty(), "nothing to write: " + again.writing());
            again.close();
        } finally {
            System.clearProperty(DumpWriter.PAUSE_BEFORE_PUBLISH);
            if (server != null) server.stop();
        }
    }

    static HttpResponse<String> get(SijillServer server, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).timeout(Duration.ofSeconds(30)).GET();
        if (headers.length > 0) b.headers(headers);
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
