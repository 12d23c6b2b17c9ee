package org.w3id.sijill.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every way of writing is refused with a 4xx and a reason, and nothing is written. */
class ReadOnlyTest {

    static final String INSERT = "INSERT DATA { GRAPH <urn:x-test:g> { <urn:x-test:s> <urn:x-test:p> <urn:x-test:o> } }";
    static final String TURTLE = "<urn:x-test:s> <urn:x-test:p> <urn:x-test:o> .";
    static final String GRAPH = "?graph=" + URLEncoder.encode("urn:x-test:g", StandardCharsets.UTF_8);

    static Stream<Arguments> writes() {
        String multipart = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.ttl\"\r\nContent-Type: text/turtle\r\n\r\n"
                + TURTLE + "\r\n--b--\r\n";
        return Stream.of(
                w("SPARQL Update POST", "POST", "sparql", "application/sparql-update", INSERT, 403, "SPARQL Update"),
                w("SPARQL Update form", "POST", "sparql", "application/x-www-form-urlencoded",
                        "update=" + URLEncoder.encode(INSERT, StandardCharsets.UTF_8), 403, "SPARQL Update"),
                w("Update at /sparql/update", "POST", "sparql/update", "application/sparql-update", INSERT, 403, "SPARQL Update"),
                w("GSP PUT", "PUT", "sparql" + GRAPH, "text/turtle", TURTLE, 405, "read-only"),
                w("GSP POST", "POST", "sparql" + GRAPH, "text/turtle", TURTLE, 403, "Graph Store Protocol"),
                w("GSP DELETE", "DELETE", "sparql" + GRAPH, null, null, 405, "read-only"),
                w("GSP PATCH", "PATCH", "sparql" + GRAPH, "text/turtle", TURTLE, 405, "read-only"),
                w("upload", "POST", "sparql/upload", "multipart/form-data; boundary=b", multipart, 403, "Uploads"),
                w("upload at dataset", "POST", "sparql", "multipart/form-data; boundary=b", multipart, 403, "Uploads"));
    }

    private static Arguments w(String name, String method, String path, String contentType, String body, int status, String reason) {
        return Arguments.of(name, method, path, contentType, body, status, reason);
    }

    @ParameterizedTest(name = "{0} -> {5}")
    @MethodSource("writes")
    void writesAreRefused(String name, String method, String path, String contentType, String body, int status, String reason) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(TestServer.base() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) b.header("Content-Type", contentType);
        HttpResponse<String> r = TestServer.send(b.build());
        assertEquals(status, r.statusCode(), name + ": " + r.body());
        assertTrue(r.body().contains(reason), name + ": " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), name);
        if (status == 405) assertTrue(r.headers().firstValue("Allow").orElse("").contains("GET"), name);
    }

    @AfterAll
    static void nothingWasWritten() {
        String ask = "ASK { { ?s ?p ?o } UNION { GRAPH ?g { <urn:x-test:s> ?p ?o } } FILTER(?s = <urn:x-test:s> || BOUND(?g)) }";
        HttpResponse<String> r = TestServer.get("sparql?query=" + URLEncoder.encode(ask, StandardCharsets.UTF_8),
                "Accept", "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().replace(" ", "").contains("\"boolean\":false"), r.body());
    }
}
