package org.w3id.sijill.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.w3id.sijill.server.SijillServer;

/**
 * One real server per test class, as {@code serve} assembles it on the shared real-data store of
 * {@link RealDataServers}: started before the class's tests (port 0), stopped after them, with a
 * small loopback HTTP client (no redirects followed, bounded time).
 *
 * <pre>{@code
 * @RegisterExtension
 * static final RealDataServer SERVER = new RealDataServer();
 *
 * @Test
 * void home() {
 *     assertEquals(200, SERVER.get("/", "Accept", "text/html").statusCode());
 * }
 * }</pre>
 */
public final class RealDataServer implements BeforeAllCallback, AfterAllCallback {
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final List<String> serviceAllow;
    private SijillServer server;
    private String base;

    /** A server whose federated SERVICE may call no endpoint. */
    public RealDataServer() {
        this(List.of());
    }

    /** @param serviceAllow endpoints federated SERVICE may call */
    public RealDataServer(List<String> serviceAllow) {
        this.serviceAllow = List.copyOf(serviceAllow);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = RealDataServers.start(serviceAllow);
        base = "http://localhost:" + server.port();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) server.stop();
        server = null;
    }

    /** @return the started server */
    public SijillServer server() {
        return server;
    }

    /** @return {@code http://localhost:PORT}, without a final slash */
    public String base() {
        return base;
    }

    /** @return a request to {@code pathAndQuery} on this server, with the time bound set */
    public HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(TIMEOUT);
    }

    /** @return the answer to {@code request}, its body read as UTF-8 */
    public HttpResponse<String> send(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /**
     * @param headers names and values, alternating
     * @return the answer to {@code GET pathAndQuery}, its body read as UTF-8
     */
    public HttpResponse<String> get(String pathAndQuery, String... headers) {
        return send(getRequest(pathAndQuery, headers));
    }

    /**
     * @param headers names and values, alternating
     * @return the answer to {@code GET pathAndQuery}, its body as bytes
     */
    public HttpResponse<byte[]> getBytes(String pathAndQuery, String... headers) {
        return send(getRequest(pathAndQuery, headers), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** @return the page at {@code path}, which must answer 200 */
    public Document page(String path) {
        HttpResponse<String> r = get(path);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return Jsoup.parse(r.body(), base + path);
    }

    private HttpRequest getRequest(String pathAndQuery, String... headers) {
        HttpRequest.Builder b = request(pathAndQuery).GET();
        if (headers.length > 0) b.headers(headers);
        return b.build();
    }

    private static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return CLIENT.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
