package org.w3id.sijill.server.dumps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.sijill.core.ProjectPaths;
import org.w3id.sijill.dump.DumpCatalog;
import org.w3id.sijill.dump.DumpSettings;
import org.w3id.sijill.dump.JsonLdContext;
import org.w3id.sijill.server.SijillServer;

/**
 * The real server (the project's Fuseki configuration, a TDB2 store on disk, port 0) with the dump
 * modules: {@code /dumps/} regenerated at start and served with media types, lengths and ETags;
 * {@code /context.jsonld}; {@code /.well-known/void} and {@code /dataset} by {@code Accept}.
 */
class DumpServingTest {

    @TempDir
    static Path tmp;

    static SijillServer server;
    static Path dumps;
    static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final String RELEASE = "2026-04-27-abcdefabcdef";

    static Path home() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("fuseki-config/sijill.ttl"))) return p;
        }
        throw new AssertionError("project folder (fuseki-config/sijill.ttl) not found from " + Path.of("").toAbsolutePath());
    }

    @BeforeAll
    static void start() throws Exception {
        org.apache.jena.sys.JenaSystem.init();
        Path store = tmp.resolve("store");
        SampleStore.create(store, RELEASE);
        dumps = tmp.resolve("dumps");
        DumpSettings settings = SampleStore.settings(new ProjectPaths(home()));
        server = SijillServer.builder().config(home().resolve("fuseki-config/sijill.ttl")).store(store).port(0)
                .timeout(Duration.ofSeconds(5)).addModules(DumpModules.forServe(dumps, settings)).build().start();
        org.w3id.sijill.server.DumpsReady.await(server.port(), Duration.ofSeconds(120));
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop();
    }

    static HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).timeout(Duration.ofSeconds(20)).GET();
        if (headers.length > 0) b.headers(headers);
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void dumpsWereWrittenAtStartAndAreServedWithTypesLengthsAndEtags() throws Exception {
        DumpCatalog c = DumpCatalog.read(dumps);
        assertEquals(RELEASE, c.release());
        assertEquals(5, c.files().size());
        for (DumpCatalog.DumpFile f : c.files()) {
            HttpResponse<byte[]> r = get("/dumps/" + f.name());
            assertEquals(200, r.statusCode(), f.name());
            assertEquals(f.format().contentType(), r.headers().firstValue("Content-Type").orElse(""), f.name());
            assertEquals(f.bytes(), r.body().length, f.name());
            assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(r.body())), f.sha256(), f.name());
            String etag = r.headers().firstValue("ETag").orElse("");
            assertEquals("\"" + RELEASE + "/" + f.sha256() + "\"", etag, f.name());
            assertEquals(304, get("/dumps/" + f.name(), "If-None-Match", etag).statusCode(), f.name());
        }
        HttpResponse<byte[]> gz = get("/dumps/sijill.nq.gz", "Accept-Encoding", "identity");
        assertEquals(String.valueOf(Files.size(dumps.resolve("sijill.nq.gz"))), gz.headers().firstValue("Content-Length").orElse(""));
        DatasetGraph nq = DatasetGraphFactory.createTxnMem();
        RDFParser.source(new GZIPInputStream(new ByteArrayInputStream(gz.body()))).lang(Lang.NQUADS).parse(nq);
        assertTrue(nq.getDefaultGraph().isEmpty(), "the store has no default-graph triples; the union must not be dumped as the default graph");
        assertTrue(nq.containsGraph(NodeFactory.createURI("https://w3id.org/sijill/graph/unctad-cyberlaw-tracker-2026")));
        HttpResponse<byte[]> sums = get("/dumps/SHA256SUMS");
        assertEquals(200, sums.statusCode());
        assertEquals(Files.readString(dumps.resolve("SHA256SUMS")), new String(sums.body(), StandardCharsets.UTF_8));
    }

    @Test
    void listingShowsReleaseSizesAndChecksums() throws Exception {
        HttpResponse<byte[]> r = get("/dumps/", "Accept", "text/html");
        assertEquals(200, r.statusCode());
        String html = new String(r.body(), StandardCharsets.UTF_8);
        assertTrue(html.contains(RELEASE), html);
        for (DumpCatalog.DumpFile f : DumpCatalog.read(dumps).files()) {
            assertTrue(html.contains(f.sha256()), "listing lacks the checksum of " + f.name());
            assertTrue(html.contains("dumps/" + f.name()), "listing lacks a link to " + f.name());
        }
        assertEquals(301, get("/dumps").statusCode());
    }

    @Test
    void unknownFilesAndPathsAre404WithAReason() throws Exception {
        for (String p : List.of("/dumps/nothing.ttl", "/dumps/../store/release.properties", "/dumps/release.properties")) {
            HttpResponse<byte[]> r = get(p);
            assertEquals(404, r.statusCode(), p);
            String body = new String(r.body(), StandardCharsets.UTF_8);
            assertFalse(body.contains("Exception"), body);
        }
    }

    @Test
    void contextIsServedAsJsonLd() throws Exception {
        HttpResponse<byte[]> r = get("/context.jsonld");
        assertEquals(200, r.statusCode());
        assertEquals("application/ld+json", r.headers().firstValue("Content-Type").orElse(""));
        assertEquals(JsonLdContext.published().json(), new String(r.body(), StandardCharsets.UTF_8));
        String etag = r.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, get("/context.jsonld", "If-None-Match", etag).statusCode());
    }

    @Test
    void datasetDescriptionByAccept() throws Exception {
        HttpResponse<byte[]> ttl = get("/.well-known/void", "Accept", "text/turtle");
        assertEquals(200, ttl.statusCode());
        assertTrue(ttl.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(new String(ttl.body(), StandardCharsets.UTF_8), Lang.TURTLE).parse(g);
        String base = "http://localhost:" + server.port() + "/";
        assertTrue(g.contains(NodeFactory.createURI("https://w3id.org/sijill/dataset/distribution/sijill.jsonld"),
                NodeFactory.createURI("http://www.w3.org/ns/dcat#downloadURL"), NodeFactory.createURI(base + "dumps/sijill.jsonld")),
                "download URL on this server");
        assertTrue(g.contains(NodeFactory.createURI("https://w3id.org/sijill/dataset"),
                NodeFactory.createURI("http://rdfs.org/ns/void#sparqlEndpoint"), NodeFactory.createURI(base + "sparql")));

        HttpResponse<byte[]> jsonld = get("/dataset", "Accept", "application/ld+json");
        assertEquals(200, jsonld.statusCode());
        assertEquals("application/ld+json", jsonld.headers().firstValue("Content-Type").orElse(""));
        Graph fromJsonLd = GraphFactory.createDefaultGraph();
        RDFParser.fromString(new String(jsonld.body(), StandardCharsets.UTF_8), Lang.JSONLD11)
                .context(jenaContextWithLocalSijillContext()).parse(fromJsonLd);
        assertTrue(fromJsonLd.isIsomorphicWith(g), "JSON-LD and Turtle descriptions differ");

        HttpResponse<byte[]> html = get("/dataset", "Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
        assertEquals(200, html.statusCode());
        String page = new String(html.body(), StandardCharsets.UTF_8);
        assertTrue(page.contains("Source: UNCTAD Global Cyberlaw Tracker (data as of 2026-04-27)"), "acknowledgement on the page");
        assertTrue(page.contains(RELEASE));

        assertEquals(406, get("/.well-known/void", "Accept", "image/png").statusCode());
        assertEquals(400, get("/dataset?format=pdf").statusCode());
    }

    /** Jena's JSON-LD reader resolving the Sijill context URL from the local copy. */
    static org.apache.jena.sparql.util.Context jenaContextWithLocalSijillContext() {
        com.apicatalog.jsonld.JsonLdOptions opts = new com.apicatalog.jsonld.JsonLdOptions();
        opts.setDocumentLoader((url, options) -> {
            com.apicatalog.jsonld.document.JsonDocument d = com.apicatalog.jsonld.document.JsonDocument.of(
                    new java.io.StringReader(JsonLdContext.published().json()));
            d.setDocumentUrl(url);
            return d;
        });
        org.apache.jena.sparql.util.Context cxt = new org.apache.jena.sparql.util.Context();
        cxt.set(org.apache.jena.riot.lang.LangJSONLD11.JSONLD_OPTIONS, opts);
        return cxt;
    }
}
