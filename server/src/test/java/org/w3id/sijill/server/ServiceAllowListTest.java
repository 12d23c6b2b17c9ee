package org.w3id.sijill.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Federated SERVICE: refused by default; with an allow-list, a second real Fuseki on loopback is reachable. */
class ServiceAllowListTest {
    static FusekiServer external;
    static SijillServer federating;
    static String externalEndpoint;
    static String local;
    static final String PUBLIC_BASE = "https://sijill.example.org/";

    @BeforeAll
    static void start() {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        dsg.getDefaultGraph().add(NodeFactory.createURI("urn:x-test:ext"), NodeFactory.createURI("urn:x-test:says"),
                NodeFactory.createLiteralString("hello from the external endpoint"));
        external = FusekiServer.create().port(0).loopback(true).fusekiModules(FusekiModules.empty()).add("/ext", dsg).build().start();
        externalEndpoint = "http://localhost:" + external.getHttpPort() + "/ext/sparql";
        federating = SijillServer.builder().config(TestStores.CONFIG).store(TestStores.fixtureStore()).port(0)
                .serviceAllow(List.of(externalEndpoint)).publicBase(PUBLIC_BASE).build().start();
        local = "http://localhost:" + federating.port() + "/";
    }

    @AfterAll
    static void stop() {
        if (federating != null) federating.stop();
        if (external != null) external.stop();
    }

    static HttpResponse<String> query(String base, String query) {
        return TestServer.send(HttpRequest.newBuilder(URI.create(base + "sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .header("Accept", "text/csv").timeout(Duration.ofSeconds(20)).build());
    }

    static String serviceQuery(String endpoint) {
        return "SELECT ?o WHERE { SERVICE <" + endpoint + "> { <urn:x-test:ext> <urn:x-test:says> ?o } }";
    }

    @Test
    void serviceIsRefusedByDefault() {
        HttpResponse<String> r = query(TestServer.base(), serviceQuery(externalEndpoint));
        assertEquals(403, r.statusCode(), r.body());
        assertTrue(r.body().contains("SERVICE <" + externalEndpoint + "> is not allowed"), r.body());
        HttpResponse<String> v = query(TestServer.base(), "SELECT * WHERE { VALUES ?e { <" + externalEndpoint + "> } SERVICE ?e { ?s ?p ?o } }");
        assertEquals(403, v.statusCode(), v.body());
    }

    @Test
    void aPublicBaseIsUsedInRedirectsAndTheServiceDescription() {
        HttpResponse<String> r = TestServer.send(HttpRequest.newBuilder(URI.create(local + "id/country/LB"))
                .header("Accept", "text/turtle").build());
        assertEquals(303, r.statusCode());
        assertEquals(PUBLIC_BASE + "data/country/LB.ttl", r.headers().firstValue("Location").orElse(null));
        HttpResponse<String> sd = TestServer.send(HttpRequest.newBuilder(URI.create(local + "sparql")).build());
        assertTrue(sd.body().contains("<" + PUBLIC_BASE + "sparql>"), sd.body());
        assertTrue(sd.body().contains("BasicFederatedQuery"), "the allow-list is announced: " + sd.body());
        assertEquals(PUBLIC_BASE, federating.baseUrl());
    }

    @Test
    void anAllowedEndpointIsQueriedAndOthersAreNot() {
        HttpResponse<String> r = query(local, serviceQuery(externalEndpoint));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("o\r\nhello from the external endpoint\r\n", r.body());
        String other = "http://localhost:" + external.getHttpPort() + "/other/sparql";
        HttpResponse<String> refused = query(local, serviceQuery(other));
        assertEquals(403, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("not on this server's allow-list"), refused.body());
    }
}
