package org.w3id.sijill.server.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.apache.jena.sparql.core.DatasetGraph;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The landing page after a start on a large release: its store-wide counts are computed once per
 * release in the background (held here at their read transaction, as a release of 10^7 triples
 * holds them for a minute or more); the page does not wait for them more than 2 s. It is
 * answered without them, saying so, and marked partial (no-store, no validators), then with them.
 */
class LandingWhileCountingTest {

    @Test
    void theLandingPageIsAnsweredWithoutItsCountsWhileTheyAreCounted() throws Exception {
        DatasetGraph dsg = Fixture.dataset();
        // only the release's figures are computed on that thread; the page's own reads go on
        HeldReads counted = new HeldReads(dsg, t -> t.getName().equals("sijill-per-release"));
        SijillPages pages = new SijillPages(counted, null, new ExampleQueries(Fixture.resource("queries")), DownloadsInfo.NONE)
                .cachePerRelease(() -> "release-1").waitingForCountsAtMost(java.time.Duration.ofSeconds(2));

        long t0 = System.nanoTime();
        RenderedPage first = pages.landing(Fixture.request(PageLanguage.AR, "/"));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(200, first.status());
        assertTrue(first.partial(), "answered without its counts");
        assertTrue(ms < 15_000, "did not wait for the counts: " + ms + " ms");
        Document d = Fixture.parse(first);
        assertEquals("تُحصى أرقام هذا الإصدار الآن؛ أعد تحميل الصفحة بعد ثوانٍ.", d.selectFirst("#counts p.pending").text());
        assertNull(d.selectFirst("#counts table"), "no counts yet");
        assertFalse(d.select("a[href^=/id/country/]").isEmpty(), "the countries are listed all the same");

        counted.release();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        RenderedPage later = first;
        while (later.partial() && System.nanoTime() < deadline) later = pages.landing(Fixture.request(PageLanguage.EN, "/"));
        assertFalse(later.partial(), "the counts once counted");
        Document e = Fixture.parse(later);
        assertNotNull(e.selectFirst("#counts table.counts-table"), "with its counts");
        assertNull(e.selectFirst("#counts p.pending"));
    }
}
