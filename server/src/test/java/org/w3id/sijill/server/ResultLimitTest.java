package org.w3id.sijill.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * Issue 12, item 4: answers are capped in rows and bytes, and a cut answer is a well-formed
 * document with a marker: the {@code Sijill-Truncated} header while the answer is still buffered,
 * a final comment (XML) once it is streaming. The store has 10^5 triples.
 */
class ResultLimitTest {
    static SijillServer server;
    static String base;
    static final long MAX_ROWS = 30_000;
    static final long MAX_BYTES = 6L << 20;  // beyond the 5 MB response buffer set below: the cut comes while streaming

    @BeforeAll
    static void start() {
        server = SijillServer.builder().config(TestStores.CONFIG).store(TestStores.syntheticStore(1000, 100)).port(0)
                .timeout(Duration.ofSeconds(20))
                .outputBuffer(5 << 20)  // Fuseki's own 5 MB buffer, so that a 30,000-row answer is still buffered when the cap trips
                .limits(ServerLimits.DEFAULTS.withMaxRows(MAX_ROWS).withMaxResultBytes(MAX_BYTES))
                .build().start();
        base = "http://localhost:" + server.port() + "/";
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop();
    }

    static HttpResponse<byte[]> query(String q, String accept) throws Exception {
        return TestServer.CLIENT.send(HttpRequest.newBuilder(URI.create(base + "sparql?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                .header("Accept", accept).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theRowCapCutsABufferedAnswerAndSaysSoInAHeader() throws Exception {
        HttpResponse<byte[]> r = query("SELECT ?o { ?s ?p ?o }", "application/sparql-results+json");
        assertEquals(200, r.statusCode());
        System.out.println("[issue12] row cap " + MAX_ROWS + ": " + r.body().length + " bytes, header " + r.headers().firstValue("Sijill-Truncated"));
        assertEquals("row-limit; rows=" + MAX_ROWS, r.headers().firstValue("Sijill-Truncated").orElse(null));
        ResultSet rs = ResultSetFactory.fromJSON(new ByteArrayInputStream(r.body()));
        assertEquals(MAX_ROWS, ResultSetFormatter.consume(rs), "well-formed JSON with exactly the cap");

        HttpResponse<byte[]> small = query("SELECT ?s { ?s ?p ?o } LIMIT 5", "application/sparql-results+json");
        assertTrue(small.headers().firstValue("Sijill-Truncated").isEmpty(), "an answer within the caps is not marked");
        assertEquals(5, ResultSetFormatter.consume(ResultSetFactory.fromJSON(new ByteArrayInputStream(small.body()))));
    }

    @Test
    void theByteCapCutsAStreamingAnswerWhichStaysWellFormed() throws Exception {
        HttpResponse<byte[]> r = query("SELECT ?s ?p ?o { ?s ?p ?o }", "application/sparql-results+xml");
        assertEquals(200, r.statusCode());
        int n = r.body().length;
        assertTrue(n >= MAX_BYTES && n < MAX_BYTES + (1 << 20), "cut near the byte cap: " + n + " bytes");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(r.body()));
        int rows = doc.getElementsByTagName("result").getLength();
        assertTrue(rows > 0 && rows < MAX_ROWS, "rows before the cut: " + rows);
        String tail = new String(r.body(), n - 200, 200, StandardCharsets.UTF_8);
        assertTrue(tail.contains("</sparql>\n<!-- sijill:truncated byte-limit; bytes=" + MAX_BYTES + " -->"), tail);
        System.out.println("[issue12] byte cap " + MAX_BYTES + ": " + n + " bytes, " + rows + " rows, well-formed XML with the marker");
    }
}
