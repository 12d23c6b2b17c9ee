package org.w3id.sijill.server.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.text.TextHit;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.release.ReleaseLayout;
import org.w3id.sijill.search.SearchIndexDefinition;
import org.w3id.sijill.search.TextIndexBuilder;
import org.w3id.sijill.server.Release;
import org.w3id.sijill.server.ServedRelease;
import org.w3id.sijill.vocab.SIJILL;

/**
 * The index life cycle on real Lucene indexes on disk, written by the loader's
 * {@link TextIndexBuilder} into two release folders: a request keeps the index it started on
 * across a switch, the old index is closed when the last such request ends (also when its release
 * folder was deleted meanwhile), and leases taken on many threads across many switches all see
 * an open index.
 */
class ServedTextIndexTest {
    static final Graph NO_ONTOLOGY = GraphFactory.createDefaultGraph();

    @TempDir
    Path tmp;

    @Test
    void aRequestKeepsItsIndexAcrossASwitchAndTheOldOneClosesWhenItEnds() {
        Path a = release("a", "Alphaword Agency");
        Path b = release("b", "Betaword Agency");
        ServedTextIndex served = new ServedTextIndex(open(a));
        ReleaseBound<ReleaseTextIndex> old = served.bound();
        ReleaseBound.Lease<ReleaseTextIndex> inFlight = served.lease();
        assertEquals(1, old.leases());

        ServedRelease.Step step = served.switchTo(open(b));
        step.apply();
        assertEquals("b", served.release().id());
        assertFalse(old.isRetired(), "nothing is closed while requests are held");
        step.afterSwitch();
        assertTrue(old.isRetired());
        assertFalse(old.isClosed(), "the old index stays open while a request uses it");
        assertEquals(1, inFlight.get().search().search(SearchRequest.of("Alphaword", null, null, 1, 10)).total(),
                "the request in flight still reads its release");
        try (ReleaseBound.Lease<ReleaseTextIndex> next = served.lease()) {
            assertEquals(1, next.get().search().search(SearchRequest.of("Betaword", null, null, 1, 10)).total());
            assertEquals(0, next.get().search().search(SearchRequest.of("Alphaword", null, null, 1, 10)).total());
        }
        // text:query goes to the new release too
        List<TextHit> hits = served.query(RDFS.label.asNode(), "Betaword", null, null, 10);
        assertEquals(List.of(SIJILL.ID + "org/probe"), hits.stream().map(h -> h.getNode().getURI()).toList());
        assertEquals(List.of(), served.query(RDFS.label.asNode(), "Alphaword", null, null, 10));

        // a build prunes release A while the request still holds its index; then the request ends
        ReleaseLayout.deleteTree(a);
        assertFalse(Files.exists(a));
        inFlight.close();
        assertTrue(old.isClosed(), "closed when the last request using it ended");
        assertEquals(java.util.Optional.empty(), old.closeFailure(), "closing an index whose folder was removed does not fail");
        inFlight.close();  // a second close does nothing
        assertTrue(old.lease().isEmpty(), "a closed index is not leased again");

        ReleaseBound<ReleaseTextIndex> last = served.bound();
        served.close();
        assertTrue(last.isClosed());
        assertEquals(java.util.Optional.empty(), last.closeFailure());
        assertEquals(SijillException.Kind.ENVIRONMENT, assertThrows(SijillException.class, served::lease).kind());
    }

    @Test
    void manyRequestsAcrossManySwitchesAlwaysFindAnOpenIndex() throws Exception {
        Path a = release("a", "Alphaword Agency");
        Path b = release("b", "Betaword Agency");
        ServedTextIndex served = new ServedTextIndex(open(a));
        List<ReleaseBound<ReleaseTextIndex>> retired = new ArrayList<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger searches = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread th = new Thread(() -> {
                for (int i = 0; i < 2000 && !stop.get(); i++) {
                    try (ReleaseBound.Lease<ReleaseTextIndex> lease = served.lease()) {
                        String word = lease.get().release().id().equals("a") ? "Alphaword" : "Betaword";
                        int total = lease.get().search().search(SearchRequest.of(word, null, null, 1, 10)).total();
                        if (total != 1) failures.add(word + " in release " + lease.get().release().id() + ": " + total);
                        searches.incrementAndGet();
                    } catch (RuntimeException e) {
                        failures.add(e.toString());
                    }
                }
            });
            th.start();
            threads.add(th);
        }
        for (int s = 0; s < 20; s++) {
            while (searches.get() < 10 * (s + 1) && threads.stream().anyMatch(Thread::isAlive)) Thread.sleep(2);
            retired.add(served.bound());
            ServedRelease.Step step = served.switchTo(open(s % 2 == 0 ? b : a));
            step.apply();
            step.afterSwitch();
        }
        stop.set(true);
        for (Thread th : threads) th.join(60_000);
        assertEquals(List.of(), new ArrayList<>(failures).subList(0, Math.min(5, failures.size())), failures.size() + " failures");
        assertTrue(searches.get() >= 200, "the searches ran across the switches: " + searches.get());
        for (ReleaseBound<ReleaseTextIndex> r : retired) {
            assertTrue(r.isClosed(), "every replaced index is closed once its requests ended");
            assertEquals(java.util.Optional.empty(), r.closeFailure());
        }
        served.close();
    }

    @Test
    void aReleaseWithoutATextIndexIsRefusedWithTheReason() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        SijillException e = assertThrows(SijillException.class,
                () -> ReleaseTextIndex.open(new Release("empty", Instant.parse("2026-12-01T00:00:00Z")), empty,
                        DatasetGraphFactory.createTxnMem(), NO_ONTOLOGY));
        assertEquals(SijillException.Kind.ENVIRONMENT, e.kind());
        assertTrue(e.getMessage().contains("no text index"), e.getMessage());
        Files.createDirectories(empty.resolve(SearchIndexDefinition.FOLDER));
        SijillException e2 = assertThrows(SijillException.class,
                () -> ReleaseTextIndex.open(new Release("empty", Instant.parse("2026-12-01T00:00:00Z")), empty,
                        DatasetGraphFactory.createTxnMem(), NO_ONTOLOGY));
        assertTrue(e2.getMessage().contains("no committed Lucene index"), e2.getMessage());
        try (var files = Files.list(empty.resolve(SearchIndexDefinition.FOLDER))) {
            assertEquals(0, files.count(), "nothing is written into a release folder");
        }
    }

    private ReleaseTextIndex open(Path folder) {
        return ReleaseTextIndex.open(new Release(folder.getFileName().toString(), Instant.parse("2026-12-01T00:00:00Z")), folder,
                data(folder), NO_ONTOLOGY);
    }

    private final java.util.Map<Path, DatasetGraph> datasets = new java.util.HashMap<>();

    private DatasetGraph data(Path folder) {
        return datasets.get(folder);
    }

    /** A release folder with the text index of one organisation named {@code name}, as the loader writes it. */
    private Path release(String id, String name) {
        Path folder = tmp.resolve(id);
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        Node g = NodeFactory.createURI(SIJILL.BASE + "graph/test");
        Node s = NodeFactory.createURI(SIJILL.ID + "org/probe");
        Txn.executeWrite(dsg, () -> {
            dsg.add(g, s, RDF.type.asNode(), NodeFactory.createURI(SIJILL.NS + "Organization"));
            dsg.add(g, s, RDFS.label.asNode(), NodeFactory.createLiteralLang(name, "en"));
        });
        long docs = TextIndexBuilder.build(dsg, folder.resolve(SearchIndexDefinition.FOLDER));
        assertTrue(docs >= 1, "the index of release " + id + " has documents");
        datasets.put(folder, dsg);
        return folder;
    }
}
