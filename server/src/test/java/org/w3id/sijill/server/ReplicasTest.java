package org.w3id.sijill.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.sijill.core.ProjectPaths;
import org.w3id.sijill.dump.DumpSettings;
import org.w3id.sijill.dump.ReleaseDumps;
import org.w3id.sijill.release.ReleaseLayout;

/**
 * Scale-out on loopback with {@code scripts/replicas}: two read replicas (real {@code sijill serve}
 * JVMs) of release A behind a real nginx, under a bounded concurrent load through nginx. One
 * replica is killed with {@code kill -9}: nginx retries on the other and no request sent after the
 * kill fails. (An answer the killed replica had begun to send is cut, and nginx cannot retry what it
 * has begun to pass on: at most one request per load thread, those in flight at the kill, may fail.)
 * It is restarted, and release B is rolled to both (copy + link flip, live reload): no request fails
 * from the kill on, and both replicas end on B.
 */
class ReplicasTest {

    static final String A = LiveReloadTest.A;
    static final String B = LiveReloadTest.B;
    static final int THREADS = 4;

    @TempDir
    Path tmp;

    @Test
    void twoReplicasBehindNginxSurviveAKillAndARollWithoutFailedRequests() throws Exception {
        Path home = ProjectPaths.locate().home();
        assertTrue(Files.isExecutable(Path.of("/usr/sbin/nginx")), "nginx is not installed: run scripts/install-test-tools");
        ReleaseLayout build = ReleaseLayout.of(tmp.resolve("build").resolve("var").resolve("store"));
        DumpSettings settings = DumpSettings.fromProject(ProjectPaths.locate());
        Path a = LiveReloadTest.release(build, A, false);
        ReleaseDumps.write(a, settings);
        Path b = LiveReloadTest.release(build, B, true);
        ReleaseDumps.write(b, settings);

        int port = freePortBlock(3);
        Path state = tmp.resolve("state");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        script(home, state, "start", "--release", a.toString(), "--replicas", "2", "--port", Integer.toString(port));
        try {
            String lb = "http://127.0.0.1:" + port + "/";
            List<String> paths = List.of("sparql?query=" + URLEncoder.encode("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", StandardCharsets.UTF_8),
                    "data/country/LB.ttl", "page/country/LB", "dumps/SHA256SUMS");
            BackgroundLoad load = BackgroundLoad.start("replicas-load", THREADS, paths.stream().map(p -> lb + p).toList(), 4 * 5000, Duration.ZERO,
                    url -> LiveReloadTest.get(client, url));
            LiveReloadTest.waitFor(() -> load.requests() >= 10, "10 requests through nginx");

            long pid = Long.parseLong(Files.readString(state.resolve("replica-1").resolve("pid")).strip());
            ProcessHandle replica1 = ProcessHandle.of(pid).orElseThrow();
            long killedAt = System.nanoTime();
            replica1.destroyForcibly();  // kill -9
            replica1.onExit().get(60, TimeUnit.SECONDS);
            int atKill = load.requests();
            LiveReloadTest.waitFor(() -> load.requests() >= atKill + 20, "20 requests after the kill");
            int failedAfterKill = load.failed();

            script(home, state, "restart", "1");
            int atRestart = load.requests();
            LiveReloadTest.waitFor(() -> load.requests() >= atRestart + 10, "10 requests after the restart");

            script(home, state, "roll", "--release", b.toString());
            int atRoll = load.requests();
            for (int i = 1; i <= 2; i++) {
                String direct = "http://127.0.0.1:" + (port + i) + "/data/country/LB.ttl";
                LiveReloadTest.waitFor(() -> LiveReloadTest.get(client, direct).headers().firstValue("ETag").orElse("").contains(B),
                        "replica " + i + " on release B");
            }
            LiveReloadTest.waitFor(() -> load.requests() >= atRoll + 20, "20 requests after the roll");
            load.stop(Duration.ofSeconds(120));
            System.out.printf("replicas: %d requests through nginx; kill -9 of replica 1: %d failed (in flight at the kill: %d); roll to %s: %d failed in all%n",
                    load.requests(), failedAfterKill, load.failedInFlightAt(killedAt), B, load.failed());
            int inFlightAtKill = load.failedInFlightAt(killedAt);
            assertEquals(List.of(), load.failuresStartedAfter(killedAt, 5), "failed requests sent after the kill");
            assertEquals(load.failed(), inFlightAtKill, "the only failed requests are cut by the kill: " + load.failures(5));
            assertTrue(inFlightAtKill <= THREADS, "at most one request per thread was in flight at the kill: " + load.failures(5));
            String ask = lb + "sparql?query=" + URLEncoder.encode("ASK { ?s ?p <" + LiveReloadTest.EXTRA + "> }", StandardCharsets.UTF_8);
            assertTrue(LiveReloadTest.get(client, ask).body().contains("true"), "the balanced service answers from release B");
        } finally {
            script(home, state, "stop");
        }
    }

    static void script(Path home, Path state, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(home.resolve("scripts").resolve("replicas").toString()));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--state", state.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("SIJILL_CMD", Path.of(System.getProperty("java.home"), "bin", "java") + " -Xmx512m -cp "
                + System.getProperty("java.class.path") + " org.w3id.sijill.cli.SijillCli");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(600, TimeUnit.SECONDS), "scripts/replicas " + args[0] + " did not finish");
        assertEquals(0, p.exitValue(), "scripts/replicas " + String.join(" ", args) + ":\n" + out);
    }

    /** @return a port P such that P..P+n-1 are free on loopback now */
    static int freePortBlock(int n) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int p;
            try (ServerSocket s = new ServerSocket(0)) {
                p = s.getLocalPort();
            }
            if (p + n > 65535) continue;
            boolean free = true;
            for (int i = 1; i < n && free; i++) {
                try (ServerSocket s = new ServerSocket(p + i, 1, java.net.InetAddress.getLoopbackAddress())) {
                    free = true;
                } catch (IOException e) {
                    free = false;
                }
            }
            if (free) return p;
        }
        throw new IOException("no block of " + n + " free ports");
    }
}
