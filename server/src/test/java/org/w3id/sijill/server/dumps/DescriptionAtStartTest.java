package org.w3id.sijill.server.dumps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.sijill.core.ProjectPaths;
import org.w3id.sijill.dump.DatasetDescription;
import org.w3id.sijill.dump.DumpSettings;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.w3id.sijill.server.SijillServer;
import org.w3id.sijill.vocab.SIJILL;

/**
 * The dataset description's VoID statistics (a pass over the whole store) are computed when the
 * server starts, once per release, not on the first request: on a store with {@value #ITEMS}
 * extra laws, triples added to the same release after start are not counted by the first
 * {@code /.well-known/void} (before, the first request counted the store then, 47.6 s at 10^7).
 */
class DescriptionAtStartTest {
    private static final int ITEMS = 5_000;
    private static final String VOID = "http://rdfs.org/ns/void#";

    @TempDir
    static Path tmp;

    static SijillServer server;
    static DatasetDescriptionModule description;
    static DatasetGraph store;

    @BeforeAll
    static void start() {
        org.apache.jena.sys.JenaSystem.init();
        Path dir = tmp.resolve("store");
        store = SampleStore.create(dir, DumpServingTest.RELEASE);
        add(store, "many", ITEMS);
        DumpSettings settings = SampleStore.settings(new ProjectPaths(DumpServingTest.home()));
        List<FusekiModule> modules = DumpModules.forServe(tmp.resolve("dumps"), settings);
        description = modules.stream().filter(m -> m instanceof DatasetDescriptionModule).map(m -> (DatasetDescriptionModule) m)
                .findFirst().orElseThrow();
        server = SijillServer.builder().config(DumpServingTest.home().resolve("fuseki-config/sijill.ttl")).store(dir).port(0)
                .timeout(Duration.ofSeconds(5)).addModules(modules).build().start();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop();
    }

    private static void add(DatasetGraph dsg, String name, int n) {
        Node g = NodeFactory.createURI("urn:x-test:" + name);
        Txn.executeWrite(dsg, () -> {
            for (int i = 0; i < n; i++) {
                Node law = NodeFactory.createURI(SIJILL.ID + "law/x-test-" + name + "-" + i);
                dsg.add(g, law, RDF.Nodes.type, SIJILL.Law.asNode());
                dsg.add(g, law, RDFS.label.asNode(), NodeFactory.createLiteralLang("Law " + i, "en"));
            }
        });
    }

    @Test
    void theStatisticsAreComputedAtStartNotOnTheFirstRequest() throws Exception {
        assertTrue(description.awaitStatistics(Duration.ofSeconds(60)), "statistics computed after start, before any request");
        long atStart = Txn.calculateRead(store, () -> store.getUnionGraph().find().toList().size());
        assertTrue(atStart > 2L * ITEMS, atStart + " triples");
        add(store, "later", 1_000);

        org.w3id.sijill.server.DumpsReady.await(server.port(), Duration.ofSeconds(120));
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/.well-known/void"))
                .header("Accept", "text/turtle").timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(new ByteArrayInputStream(r.body())).lang(Lang.TURTLE).parse(g);
        List<Triple> triples = g.find(NodeFactory.createURI(DatasetDescription.DATASET), NodeFactory.createURI(VOID + "triples"), Node.ANY).toList();
        assertEquals(1, triples.size(), "one void:triples of the dataset");
        assertEquals(atStart, Long.parseLong(triples.get(0).getObject().getLiteralLexicalForm()),
                "the statistics are those of the store at start (the 1 000 laws added later in the same release are not counted)");
    }
}
