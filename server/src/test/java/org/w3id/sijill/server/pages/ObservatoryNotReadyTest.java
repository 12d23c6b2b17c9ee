package org.w3id.sijill.server.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.server.observatory.Observatory;

/**
 * A release that takes long to read: while the observatory reads it (held here at its first read
 * transaction, as a release of 10^7 triples holds it for minutes), the pages that need it answer
 * "not ready" ({@code NOT_READY}, 503 with {@code Retry-After}) after a short wait instead of
 * holding the request, and the pages that do not need it (a law's) do not wait at all.
 */
class ObservatoryNotReadyTest {
    /** The server's default wait (the suite's own is longer: {@code sijill.ready.wait.seconds}). */
    private static final java.time.Duration WAIT = java.time.Duration.ofSeconds(2);


    @Test
    void pagesThatNeedTheObservatoryAnswerNotReadyWhileItIsReadAndTheOthersDoNotWait() throws Exception {
        DatasetGraph dsg = Fixture.dataset();
        HeldReads slow = new HeldReads(dsg, t -> true);
        SijillPages pages = new SijillPages(dsg, null, new ExampleQueries(Fixture.resource("queries")),
                DownloadsInfo.NONE).observing(new Observatory(slow, () -> "release-1", WAIT));

        RenderedPage law = pages.entity("law/lb/2018/law-81", 1, Fixture.request(PageLanguage.EN, "/page/law/lb/2018/law-81"));
        assertEquals(200, law.status());
        assertEquals(0, slow.reads(), "a law's page does not read the observatory");

        long t0 = System.nanoTime();
        SijillException country = assertThrows(SijillException.class,
                () -> pages.entity("country/LB", 1, Fixture.request(PageLanguage.EN, "/page/country/LB")));
        assertEquals(SijillException.Kind.NOT_READY, country.kind(), country.getMessage());
        assertEquals(200, pages.compare(Fixture.request(PageLanguage.AR, "/compare"), List.of()).status(), "the form alone does not wait");
        SijillException compare = assertThrows(SijillException.class,
                () -> pages.compare(Fixture.request(PageLanguage.AR, "/compare"), List.of("LB", "SY")));
        assertEquals(SijillException.Kind.NOT_READY, compare.kind());
        assertEquals(503, compare.kind().httpStatus());
        long waited = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(waited >= 2 * WAIT.toMillis() - 100 && waited < 20_000, "each waited about " + WAIT + ": " + waited + " ms for two");
        assertEquals(1, slow.reads(), "one read of the release, however many requests wait for it");

        slow.release();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        RenderedPage ready = null;
        while (ready == null && System.nanoTime() < deadline) {
            try {
                ready = pages.entity("country/LB", 1, Fixture.request(PageLanguage.EN, "/page/country/LB"));
            } catch (SijillException e) {
                assertEquals(SijillException.Kind.NOT_READY, e.kind());
            }
        }
        assertTrue(ready != null && ready.status() == 200, "the country's page once the observatory is read");
        SijillException unknown = assertThrows(SijillException.class,
                () -> pages.compare(Fixture.request(PageLanguage.AR, "/compare"), List.of("LB", "SY")));
        assertEquals(SijillException.Kind.BAD_INPUT, unknown.kind(), "once read, the fixture's countries are checked: " + unknown.getMessage());
    }
}
