package org.w3id.sijill.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/**
 * Issue 12, item 4: an answer cut by the row cap or the byte cap ends, in every result format,
 * with the documented marker naming the limit, and stays a well-formed document; and a query that
 * runs out of time before its answer is committed is a {@code 503}, never a cut {@code 200}.
 * <p>
 * Each SELECT row carries a 200-character literal, so that every format passes Jetty's 5 MB
 * response buffer (the answer is committed, streaming) before the cap trips: one server caps rows
 * at {@value #MAX_ROWS} (about 10 MB by then), the other bytes at {@value #MAX_BYTES} (the store's
 * 10^5 rows would be 25 MB). The header {@code Sijill-Truncated} is then absent (the cut came after
 * the headers left), so the body marker is all a client has, besides the HTTP trailer.
 */
class TruncationMarkerTest {
    /** The documented markers (README, "Cut answers"). */
    static final String HEADER = "Sijill-Truncated";
    static final String BODY_MARKER = "sijill:truncated";
    static final String JSONLD_MARKER = "@sijillTruncated";
    static final long MAX_ROWS = 40_000;
    static final long MAX_BYTES = 6L << 20;
    static final String ROW_LIMIT = "row-limit; rows=" + MAX_ROWS;
    static final String BYTE_LIMIT = "byte-limit; bytes=" + MAX_BYTES;
    static final String PADDED = "SELECT ?s ?p ?o ?pad { ?s ?p ?o BIND(\"" + "x".repeat(200) + "\" AS ?pad) }";
    /** Three rows at once, then a cross product of the store with itself: stalls until the time limit. */
    static final String STALL = "SELECT * { { VALUES ?x {1 2 3} } UNION { SELECT (COUNT(*) AS ?x) { ?a ?p ?v . ?b ?q ?y FILTER(?v + ?y < 0) } } }";

    static SijillServer rows;
    static SijillServer bytes;
    static SijillServer slow;

    @BeforeAll
    static void start() {
        rows = SijillServer.builder().config(TestStores.CONFIG).store(TestStores.syntheticStore(1000, 100)).port(0)
                .timeout(Duration.ofSeconds(120)).limits(ServerLimits.DEFAULTS.withMaxRows(MAX_ROWS)).build().start();
        bytes = SijillServer.builder().config(TestStores.CONFIG).store(TestStores.syntheticStore(1000, 100)).port(0)
                .timeout(Duration.ofSeconds(120)).limits(ServerLimits.DEFAULTS.withMaxResultBytes(MAX_BYTES)).build().start();
        slow = SijillServer.builder().config(TestStores.CONFIG).store(TestStores.syntheticStore(300, 100)).port(0)
                .timeout(Duration.ofSeconds(1)).build().start();
    }

    @AfterAll
    static void stop() {
        for (SijillServer s : new SijillServer[] {rows, bytes, slow}) if (s != null) s.stop();
    }

    static HttpResponse<byte[]> query(SijillServer server, String q, String accept) throws Exception {
        return TestServer.CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/sparql?query="
                        + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                .header("Accept", accept).timeout(Duration.ofSeconds(180)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** @return the cut answer, checked to be a 200 committed before the cut (no marker header) */
    static byte[] streamedAndCut(SijillServer server, String accept) throws Exception {
        HttpResponse<byte[]> r = query(server, PADDED, accept);
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        assertTrue(r.body().length > 5 << 20, accept + ": the answer passed the response buffer, " + r.body().length + " bytes");
        assertTrue(r.headers().firstValue(HEADER).isEmpty(), accept + ": cut after the headers were sent");
        System.out.println("[issue12] " + accept + " cut while streaming: " + r.body().length + " bytes");
        return r.body();
    }

    static String tail(byte[] body) {
        return new String(body, Math.max(0, body.length - 400), Math.min(400, body.length), StandardCharsets.UTF_8);
    }

    // ---- SPARQL JSON

    static void checkJson(byte[] body, String reason, boolean exactRows) {
        JsonObject doc = JSON.parse(new ByteArrayInputStream(body));
        assertEquals(reason, doc.get(BODY_MARKER).getAsString().value(), tail(body));
        int n = doc.get("results").getAsObject().get("bindings").getAsArray().size();
        if (exactRows) assertEquals(MAX_ROWS, n);
        else assertTrue(n > 0 && n < 100_000, "rows before the byte cap: " + n);
        assertEquals(n, ResultSetFormatter.consume(ResultSetFactory.fromJSON(new ByteArrayInputStream(body))), "SPARQL JSON readers still read it");
    }

    @Test
    void jsonCutByTheRowCap() throws Exception {
        checkJson(streamedAndCut(rows, "application/sparql-results+json"), ROW_LIMIT, true);
    }

    @Test
    void jsonCutByTheByteCap() throws Exception {
        checkJson(streamedAndCut(bytes, "application/sparql-results+json"), BYTE_LIMIT, false);
    }

    // ---- SPARQL XML

    static void checkXml(byte[] body, String reason, boolean exactRows) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(body));
        Node last = doc.getLastChild();
        assertEquals(Node.COMMENT_NODE, last.getNodeType(), tail(body));
        assertEquals(" " + BODY_MARKER + " " + reason + " ", last.getNodeValue());
        int n = doc.getElementsByTagName("result").getLength();
        if (exactRows) assertEquals(MAX_ROWS, n);
        else assertTrue(n > 0 && n < 100_000, "rows before the byte cap: " + n);
    }

    @Test
    void xmlCutByTheRowCap() throws Exception {
        checkXml(streamedAndCut(rows, "application/sparql-results+xml"), ROW_LIMIT, true);
    }

    @Test
    void xmlCutByTheByteCap() throws Exception {
        checkXml(streamedAndCut(bytes, "application/sparql-results+xml"), BYTE_LIMIT, false);
    }

    // ---- CSV and TSV: a last row, as wide as the others, whose first cell is the marker

    static void checkTable(byte[] body, String reason, boolean exactRows, String sep, String eol, String header) {
        String text = new String(body, StandardCharsets.UTF_8);
        assertTrue(text.endsWith(eol), tail(body));
        List<String> lines = Arrays.asList(text.substring(0, text.length() - eol.length()).split(eol, -1));
        assertEquals(header, lines.get(0));
        assertEquals("# " + BODY_MARKER + " " + reason + sep.repeat(3), lines.get(lines.size() - 1), tail(body));
        for (String l : lines) assertEquals(3, l.chars().filter(c -> c == sep.charAt(0)).count(), "every row has four cells: " + l);
        int n = lines.size() - 2;
        if (exactRows) assertEquals(MAX_ROWS, n);
        else assertTrue(n > 0 && n < 100_000, "rows before the byte cap: " + n);
    }

    @Test
    void csvCutByTheRowCap() throws Exception {
        checkTable(streamedAndCut(rows, "text/csv"), ROW_LIMIT, true, ",", "\r\n", "s,p,o,pad");
    }

    @Test
    void csvCutByTheByteCap() throws Exception {
        checkTable(streamedAndCut(bytes, "text/csv"), BYTE_LIMIT, false, ",", "\r\n", "s,p,o,pad");
    }

    @Test
    void tsvCutByTheRowCap() throws Exception {
        checkTable(streamedAndCut(rows, "text/tab-separated-values"), ROW_LIMIT, true, "\t", "\n", "?s\t?p\t?o\t?pad");
    }

    @Test
    void tsvCutByTheByteCap() throws Exception {
        checkTable(streamedAndCut(bytes, "text/tab-separated-values"), BYTE_LIMIT, false, "\t", "\n", "?s\t?p\t?o\t?pad");
    }

    // ---- CONSTRUCT: built whole before it is written, so only the row cap applies; header and body marker

    @Test
    void rdfFormatsOfAConstructCutByTheRowCap() throws Exception {
        String construct = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }";
        for (Lang lang : List.of(Lang.TURTLE, Lang.NTRIPLES, Lang.RDFXML, Lang.JSONLD)) {
            String type = lang.getHeaderString();
            HttpResponse<byte[]> r = query(rows, construct, type);
            assertEquals(200, r.statusCode(), type);
            assertEquals(ROW_LIMIT, r.headers().firstValue(HEADER).orElse(null), type);
            Graph g = GraphFactory.createDefaultGraph();
            RDFParser.source(new ByteArrayInputStream(r.body())).lang(RDFLanguages.contentTypeToLang(type)).parse(g);
            assertEquals(MAX_ROWS, g.size(), type + ": well formed, with the rows up to the cap and nothing more");
            String end = tail(r.body()).strip();
            if (lang == Lang.JSONLD) {
                JsonObject doc = JSON.parse(new ByteArrayInputStream(r.body()));
                assertEquals(ROW_LIMIT, doc.get(JSONLD_MARKER).getAsString().value(), end);
            } else if (lang == Lang.RDFXML) {
                assertTrue(end.endsWith("</rdf:RDF>\n<!-- " + BODY_MARKER + " " + ROW_LIMIT + " -->"), end);
            } else {
                assertTrue(end.endsWith("# " + BODY_MARKER + " " + ROW_LIMIT), end);
            }
        }
    }

    @Test
    void anAnswerWithinTheCapsHasNoMarker() throws Exception {
        HttpResponse<byte[]> r = query(rows, "SELECT ?s { ?s ?p ?o } LIMIT 5", "application/sparql-results+json");
        assertEquals(200, r.statusCode());
        assertFalse(new String(r.body(), StandardCharsets.UTF_8).contains(BODY_MARKER));
        assertTrue(r.headers().firstValue(HEADER).isEmpty());
        assertEquals(5, ResultSetFormatter.consume(ResultSetFactory.fromJSON(new ByteArrayInputStream(r.body()))));
    }

    // ---- a time-out before the answer is committed (item 5): an error status, not a cut 200

    @Test
    void aStallBeforeTheBufferFillsIsA503InEveryFormat() throws Exception {
        for (String type : List.of("application/sparql-results+json", "application/sparql-results+xml", "text/csv", "text/tab-separated-values")) {
            long t0 = System.nanoTime();
            HttpResponse<byte[]> r = query(slow, STALL, type);
            long ms = Duration.ofNanos(System.nanoTime() - t0).toMillis();
            String body = new String(r.body(), StandardCharsets.UTF_8);
            System.out.println("[issue12] " + type + " stalled after 3 rows under a 1 s limit: " + r.statusCode() + " in " + ms + " ms");
            assertEquals(503, r.statusCode(), type + " -> " + body);
            assertTrue(body.startsWith("Query timed out"), body);
            assertFalse(body.contains("Incomplete results"), body);
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), type);
        }
    }
}
