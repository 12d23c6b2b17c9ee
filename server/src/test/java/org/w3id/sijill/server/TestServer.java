package org.w3id.sijill.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The server the tests talk to: the real {@code fuseki-config/sijill.ttl}, a real TDB2 store built
 * from {@code fixture.trig}, port 0. One instance is shared by the test classes of a run.
 */
final class TestServer {
    private TestServer() {}

    private static SijillServer shared;

    static synchronized SijillServer shared() {
        if (shared == null) {
            Path store = TestStores.fixtureStore();
            shared = SijillServer.builder().config(TestStores.CONFIG).store(store).port(0)
                    .ontology(TestStores.ontologyFixture()).timeout(Duration.ofSeconds(5)).build().start();
            SijillServer s = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(s::stop));
        }
        return shared;
    }

    static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    static String base() { return "http://localhost:" + shared().port() + "/"; }

    static HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(20)).GET();
        if (headers.length > 0) b.headers(headers);
        return send(b.build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
