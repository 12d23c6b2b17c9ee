package org.w3id.sijill.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Accept × path → status, Content-Type, Vary, Location, against the real server (redirects not followed). */
class ContentNegotiationMatrixTest {

    static final String LAW = "law/lb/2018/law-81";
    static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8";

    /** path, Accept (null: none sent), status, Content-Type (media type, null: not checked), Vary Accept?, Location (relative to base, null: none). */
    static Stream<Arguments> matrix() {
        return Stream.of(
                row("id/" + LAW, "text/html", 303, "text/plain", true, "page/" + LAW),
                row("id/" + LAW, BROWSER, 303, "text/plain", true, "page/" + LAW),
                row("id/" + LAW, null, 303, "text/plain", true, "page/" + LAW),
                row("id/" + LAW, "*/*", 303, "text/plain", true, "page/" + LAW),
                row("id/" + LAW, "text/turtle", 303, "text/plain", true, "data/" + LAW + ".ttl"),
                row("id/" + LAW, "application/ld+json", 303, "text/plain", true, "data/" + LAW + ".jsonld"),
                row("id/" + LAW, "application/n-triples", 303, "text/plain", true, "data/" + LAW + ".nt"),
                row("id/" + LAW, "application/rdf+xml", 303, "text/plain", true, "data/" + LAW + ".rdf"),
                row("id/" + LAW, "text/turtle;q=0.5, application/ld+json;q=0.9", 303, "text/plain", true, "data/" + LAW + ".jsonld"),
                row("id/" + LAW, "text/html;q=0, */*", 303, "text/plain", true, "data/" + LAW + ".ttl"),
                row("id/" + LAW, "text/*;q=0.3, application/rdf+xml;q=0.4", 303, "text/plain", true, "data/" + LAW + ".rdf"),
                row("id/" + LAW, "image/png", 406, "text/plain", true, null),
                row("id/" + LAW + "?format=nt", "text/html", 303, "text/plain", true, "data/" + LAW + ".nt"),
                row("id/" + LAW + "?format=html", "text/turtle", 303, "text/plain", true, "page/" + LAW),
                row("id/" + LAW + "?format=ttl&lang=ar", "text/html", 303, "text/plain", true, "data/" + LAW + ".ttl?lang=ar"),
                row("id/" + LAW + "?format=xml", "text/turtle", 400, "text/plain", true, null),
                row("id/country/LB", "text/turtle", 303, "text/plain", true, "data/country/LB.ttl"),
                row("id/document/escwa-beirut-2018-report/p/21", "application/ld+json", 303, "text/plain", true,
                        "data/document/escwa-beirut-2018-report/p/21.jsonld"),
                row("id/country/XX", "text/turtle", 404, "text/plain", true, null),
                row("id/", "text/turtle", 404, "text/plain", false, null),
                row("data/" + LAW + ".ttl", "text/html", 200, "text/turtle", false, null),
                row("data/" + LAW + ".jsonld", null, 200, "application/ld+json", false, null),
                row("data/" + LAW + ".nt", null, 200, "application/n-triples", false, null),
                row("data/" + LAW + ".rdf", null, 200, "application/rdf+xml", false, null),
                row("data/" + LAW + ".html", null, 404, "text/plain", false, null),
                row("data/" + LAW, null, 404, "text/plain", false, null),
                row("data/country/XX.ttl", null, 404, "text/plain", false, null),
                row("ontology", "text/turtle", 200, "text/turtle", true, null),
                row("ontology", "application/ld+json", 200, "application/ld+json", true, null),
                row("ontology", "application/rdf+xml", 200, "application/rdf+xml", true, null),
                row("ontology", "text/html", 303, "text/plain", true, "page/ontology"),
                row("ontology", BROWSER, 303, "text/plain", true, "page/ontology"),
                row("ontology", "image/png", 406, "text/plain", true, null),
                row("data/ontology.ttl", null, 200, "text/turtle", false, null),
                row("data/ontology.rdf", null, 200, "application/rdf+xml", false, null),
                row("sparql", "text/turtle", 200, "text/turtle", true, null),
                row("sparql", "application/ld+json", 200, "application/ld+json", true, null));
    }

    private static Arguments row(String path, String accept, int status, String contentType, boolean varyAccept, String location) {
        return Arguments.of(path, accept, status, contentType, varyAccept, location);
    }

    @ParameterizedTest(name = "{0} Accept: {1} -> {2}")
    @MethodSource("matrix")
    void negotiates(String path, String accept, int status, String contentType, boolean varyAccept, String location) {
        List<String> headers = new ArrayList<>();
        if (accept != null) headers.addAll(List.of("Accept", accept));
        HttpResponse<String> r = TestServer.get(path, headers.toArray(String[]::new));
        String context = path + " [" + accept + "] -> " + r.statusCode() + " " + r.headers().map() + "\n" + r.body();
        assertEquals(status, r.statusCode(), context);
        if (contentType != null) {
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(contentType), context);
        }
        List<String> vary = r.headers().allValues("Vary").stream()
                .flatMap(v -> Arrays.stream(v.split(","))).map(String::trim).toList();
        assertEquals(varyAccept, vary.contains("Accept"), context);
        if (location == null) {
            assertFalse(r.headers().firstValue("Location").isPresent(), context);
        } else {
            assertEquals(TestServer.base() + location, r.headers().firstValue("Location").orElse(null), context);
        }
        if (status >= 400) assertFalse(r.body().isBlank(), "an error has a reason: " + context);
    }
}
