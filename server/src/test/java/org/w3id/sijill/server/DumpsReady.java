package org.w3id.sijill.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Waits until a server's dumps, written in the background after the port opens, are served. */
public final class DumpsReady {
    private DumpsReady() {}

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param port the server's port
     * @param limit how long to wait
     * @throws AssertionError when {@code /dumps/SHA256SUMS} still answers 503 after {@code limit}
     */
    public static void await(int port, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        int status = 0;
        try {
            while (System.nanoTime() < deadline) {
                status = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/dumps/SHA256SUMS"))
                        .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status != 503) return;
                Thread.sleep(100);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        throw new AssertionError("the dumps were not written within " + limit + " (last status " + status + ")");
    }
}
