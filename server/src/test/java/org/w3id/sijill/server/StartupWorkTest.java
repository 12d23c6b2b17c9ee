package org.w3id.sijill.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.jena.dboe.transaction.txn.TransactionCoordinator;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.sijill.core.ProjectPaths;

/**
 * Issue 13 (start to first answer): building the server — every module's {@code prepare} and
 * {@code configured} step, the work done before the port opens — begins no transaction on the
 * store. What the pages and the search read from it once (the store's ontology graph and its term
 * labels, the search's class and country names, the landing counts) is read after the port opened,
 * by the warm-up or by the first request that needs it, whichever comes first. The real server with
 * every standard module, on a TDB2 store on disk; the store's own transaction counter is the witness.
 *
 * <pre>{@code
 * mvn -pl loader,server test -Dtest=StartupWorkTest -Dsurefire.failIfNoSpecifiedTests=false
 * }</pre>
 */
class StartupWorkTest {

    @Test
    void theStoreIsFirstReadOnceThePortIsOpen(@TempDir Path tmp) throws Exception {
        ProjectPaths paths = ProjectPaths.locate();
        Path store = TestStores.fixtureStore();
        MalformedRequestFuzzTest.writeRelease(store);
        TransactionCoordinator transactions = TDBInternal.getTransactionCoordinator(DatabaseMgr.connectDatasetGraph(store.toString()));
        long before = transactions.countBegin();

        SijillServer server = SijillServer.builder().config(TestStores.CONFIG).store(store)
                .ontology(paths.ontology().resolve("sijill.ttl")).port(0).timeout(Duration.ofSeconds(5))
                .addModules(StandardModules.of(paths, Duration.ofSeconds(5), tmp.resolve("dumps"), null))
                .build();
        try {
            assertEquals(0, transactions.countBegin() - before, "transactions begun on the store while the server was built (before its port opens)");

            server.start();
            // the pages and the search answer with what they read after the start: class names from the
            // store's ontology graph and the ontology, country names from the index
            HttpResponse<String> search = get(server, "search?q=NTRA&lang=en");
            assertEquals(200, search.statusCode(), search.body());
            HttpResponse<String> ontology = get(server, "page/ontology");
            assertEquals(200, ontology.statusCode());
            assertTrue(ontology.body().contains("Country"), "the ontology page names the classes");
            assertTrue(transactions.countBegin() > before, "the store was read once the server was asked");
        } finally {
            server.stop();
        }
    }

    private static HttpResponse<String> get(SijillServer server, String path) {
        return TestServer.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/" + path))
                .header("Accept-Language", "en").timeout(Duration.ofSeconds(60)).GET().build());
    }
}
