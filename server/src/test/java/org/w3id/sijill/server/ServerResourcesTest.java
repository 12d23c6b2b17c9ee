package org.w3id.sijill.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.jena.fuseki.Fuseki;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.Property;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.junit.jupiter.api.Test;
import org.w3id.sijill.server.http.OutputBufferModule;
import org.w3id.sijill.server.http.RequestLogModule;

/**
 * What the real server costs the machine per request, measured on it: direct (off-heap) memory
 * under concurrent small answers, and the log written per request.
 */
class ServerResourcesTest {

    private static final int CLIENTS = 8;
    private static final int REQUESTS_PER_CLIENT = 8;

    @Test
    void smallAnswersUnderConcurrencyAllocateLittleDirectMemory() throws Exception {
        SijillServer server = TestServer.shared();
        assertEquals(200, TestServer.get("$/ping").statusCode(), "warm-up");
        BufferPoolMXBean direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(b -> b.getName().equals("direct")).findFirst().orElseThrow();
        long before = direct.getMemoryUsed();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < CLIENTS * REQUESTS_PER_CLIENT; i++) {
                String path = i % 2 == 0 ? "$/ping" : "sparql?query=" + URLEncoder.encode("ASK {}", StandardCharsets.UTF_8);
                answers.add(pool.submit(() -> TestServer.get(path).statusCode()));
            }
            for (Future<Integer> a : answers) assertEquals(200, a.get());
        } finally {
            pool.shutdownNow();
        }
        long grown = direct.getMemoryUsed() - before;
        // Fuseki's 5 MB buffer was allocated afresh for every response (too large to be pooled): 64 answers, ~320 MB
        assertTrue(grown < 16L << 20, "direct memory grew by " + (grown >> 20) + " MB for " + CLIENTS * REQUESTS_PER_CLIENT + " small answers");
        for (Connector c : server.fuseki().getJettyServer().getConnectors()) {
            HttpConnectionFactory http = c.getConnectionFactory(HttpConnectionFactory.class);
            if (http != null) assertEquals(OutputBufferModule.DEFAULT_BYTES, http.getHttpConfiguration().getOutputBufferSize());
        }
    }

    @Test
    void oneShortLogLinePerRequestWithoutTheQueryText() throws Exception {
        // as `serve` sets it up: Fuseki's action log at INFO
        Configurator.setLevel(Fuseki.actionLogName, Level.INFO);
        List<LogEvent> events = java.util.Collections.synchronizedList(new ArrayList<>());
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        AbstractAppender capture = new AbstractAppender("request-log-capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent e) {
                if (e.getLoggerName().equals(Fuseki.actionLogName) || e.getLoggerName().equals(RequestLogModule.LOGGER)) events.add(e.toImmutable());
            }
        };
        capture.start();
        ctx.getConfiguration().getRootLogger().addAppender(capture, Level.ALL, null);
        ctx.updateLoggers();
        SijillServer server = SijillServer.builder().config(TestStores.CONFIG).store(TestStores.fixtureStore()).port(0)
                .timeout(Duration.ofSeconds(5)).build().start();
        try {
            String marker = "sijillLogMarker";
            int requests = 10;
            for (int i = 0; i < requests; i++) {
                String query = "SELECT ?" + marker + " WHERE { ?" + marker + " ?p ?o } LIMIT " + (i + 1);
                HttpResponse<String> r = TestServer.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port()
                        + "/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(20)).GET().build());
                assertEquals(200, r.statusCode());
            }
            // the request log is written once the answer is complete; give the last one a moment
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (events.size() < requests && System.nanoTime() < deadline) Thread.sleep(20);
            Thread.sleep(100);
            // this server's lines only: an earlier test's server may still log a request it finishes late
            // (a refused 20 MB body is read to its end after the answer), and the capture sees every logger
            String pool = ((org.eclipse.jetty.util.thread.QueuedThreadPool) server.fuseki().getJettyServer().getThreadPool()).getName() + "-";
            List<String> lines = events.stream().filter(e -> e.getThreadName().startsWith(pool))
                    .map(e -> e.getMessage().getFormattedMessage()).toList();
            assertEquals(requests, lines.size(), "one line per request: " + lines);
            for (String line : lines) {
                assertTrue(line.matches("GET /sparql 200 \\d+ ms"), line);
                assertTrue(!line.contains(marker), "no query text in the log: " + line);
            }
        } finally {
            server.stop();
            ctx.getConfiguration().getRootLogger().removeAppender("request-log-capture");
            ctx.updateLoggers();
            capture.stop();
        }
    }
}
