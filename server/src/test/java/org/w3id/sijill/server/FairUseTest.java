package org.w3id.sijill.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, item 5: per-client request and query-time budgets answer {@code 429} with
 * {@code Retry-After}. The limits are switched on for loopback here; clients are told apart by the
 * {@code X-Forwarded-For} a proxy on this machine would add.
 */
class FairUseTest {
    static SijillServer server;
    static String base;

    @BeforeAll
    static void start() {
        server = SijillServer.builder().config(TestStores.CONFIG).store(TestStores.syntheticStore(1000, 100)).port(0)
                .timeout(Duration.ofSeconds(1))
                .limits(ServerLimits.DEFAULTS.withRequestsPerMinute(30).withQuerySecondsPerMinute(2).withFairUseOnLoopback(true))
                .build().start();
        base = "http://localhost:" + server.port() + "/";
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop();
    }

    static HttpResponse<String> get(String path, String client) {
        return TestServer.send(HttpRequest.newBuilder(URI.create(base + path)).header("X-Forwarded-For", client)
                .timeout(Duration.ofSeconds(30)).build());
    }

    @Test
    void aClientOverItsRequestRateGets429WithRetryAfter() {
        int ok = 0;
        int limited = 0;
        HttpResponse<String> refusal = null;
        for (int i = 0; i < 40; i++) {
            HttpResponse<String> r = get("$/ping", "203.0.113.1");
            if (r.statusCode() == 200) ok++;
            if (r.statusCode() == 429) {
                limited++;
                refusal = r;
            }
        }
        assertTrue(ok >= 30 && ok <= 32, "about 30 requests per minute pass, got " + ok);
        assertEquals(40 - ok, limited);
        long retry = Long.parseLong(refusal.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retry >= 1 && retry <= 60, "Retry-After " + retry);
        assertTrue(refusal.body().contains("Too many requests"), refusal.body());
        // another client is not affected
        assertEquals(200, get("$/ping", "203.0.113.9").statusCode());
    }

    @Test
    void aClientOverItsQueryTimeGets429() {
        String heavy = "sparql?query=" + URLEncoder.encode("SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?x . ?b ?q ?y FILTER(?x + ?y < 0) }", StandardCharsets.UTF_8);
        int timedOut = 0;
        HttpResponse<String> last = null;
        for (int i = 0; i < 6; i++) {
            last = get(heavy, "203.0.113.2");
            if (last.statusCode() == 503) timedOut++;
            if (last.statusCode() == 429) break;
        }
        assertTrue(timedOut >= 1, "the 2 s budget allows one or two 1 s queries, got " + timedOut);
        assertEquals(429, last.statusCode(), last.body());
        assertTrue(last.body().contains("Query time budget"), last.body());
        assertTrue(last.headers().firstValue("Retry-After").isPresent());
        // pages and pings of that client still pass; another client's queries still run
        assertEquals(200, get("$/ping", "203.0.113.2").statusCode());
        assertEquals(200, get("sparql?query=" + URLEncoder.encode("ASK {}", StandardCharsets.UTF_8), "203.0.113.3").statusCode());
    }
}
