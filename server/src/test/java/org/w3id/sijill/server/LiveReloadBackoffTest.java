package org.w3id.sijill.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.sijill.release.ReleaseLayout;
import org.w3id.sijill.search.SearchIndexDefinition;

/**
 * A release the server cannot switch to (here: published without its text index) is not opened
 * again at every look at the link: it is tried again after a doubling pause, and warned about
 * once; a release published after it is switched to at the next look.
 */
class LiveReloadBackoffTest {

    static final String BROKEN = "2026-11-25-cccccccccccc";

    @TempDir
    Path tmp;

    @Test
    void aReleaseThatCannotBeServedIsRetriedAfterAGrowingPauseAndTheNextOneIsTakenAtOnce() throws Exception {
        ReleaseLayout layout = ReleaseLayout.of(tmp.resolve("var").resolve("store"));
        Path a = LiveReloadTest.release(layout, LiveReloadTest.A, false);
        layout.flip(a);
        SijillServer server = LiveReloadTest.serve(layout, Duration.ofMillis(20));
        LiveReloadModule reload = server.fuseki().getModules().asList().stream()
                .filter(LiveReloadModule.class::isInstance).map(LiveReloadModule.class::cast).findFirst().orElseThrow();
        String base = "http://127.0.0.1:" + server.port() + "/";
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            Path broken = LiveReloadTest.release(layout, BROKEN, false);
            ReleaseLayout.deleteTree(broken.resolve(SearchIndexDefinition.FOLDER));
            layout.flip(broken);
            // the next release is made now, so that it is published right after the broken one's eighth attempt
            Path b = LiveReloadTest.release(layout, LiveReloadTest.B, true);
            LiveReloadTest.waitFor(() -> reload.failedAttempts() >= 1, "a first failed attempt at the broken release");
            long first = System.nanoTime();
            LiveReloadTest.waitFor(() -> reload.failedAttempts() >= 8, "an eighth attempt at the broken release");
            long eighth = System.nanoTime();
            // at one look per 20 ms, eight attempts take 140 ms; after pauses of 40, 80, … 2 560 ms, 5.1 s
            assertTrue(eighth - first >= 4_000_000_000L, "8 attempts within " + (eighth - first) / 1_000_000 + " ms");
            assertTrue(LiveReloadTest.get(client, base + "data/country/LB.ttl").headers().firstValue("ETag").orElse("")
                    .contains(LiveReloadTest.A), "release A is still served");

            layout.flip(b);
            long flipped = System.nanoTime();
            LiveReloadTest.waitFor(() -> LiveReloadTest.get(client, base + "data/country/LB.ttl").headers().firstValue("ETag").orElse("")
                    .contains(LiveReloadTest.B), "the switch to release B");
            long ms = (System.nanoTime() - flipped) / 1_000_000;
            // the broken release's next try is 5.1 s after its eighth; B, another release, is taken at the next look
            assertTrue(ms < 4000, "release B was taken " + ms + " ms after it was published");
            // the look that switched ends after the data is served from B: it then forgets the failed release
            LiveReloadTest.waitFor(() -> reload.failedAttempts() == 0, "no release failing after the switch");
        } finally {
            server.stop();
        }
    }
}
