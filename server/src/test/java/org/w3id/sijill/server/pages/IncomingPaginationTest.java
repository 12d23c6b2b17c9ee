package org.w3id.sijill.server.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDFS;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.w3id.sijill.core.SijillException;

/** A resource with more incoming links than one page holds is paged with ?page=. */
class IncomingPaginationTest {

    @Test
    void incomingLinksArePaged() {
        DatasetGraph dsg = Fixture.dataset();
        // A test-only graph of 130 things pointing to Lebanon (not Sijill data: urn:x-test IRIs).
        Node g = NodeFactory.createURI("urn:x-test:pagination");
        Node lb = NodeFactory.createURI(Fixture.LB);
        for (int i = 0; i < 130; i++) {
            dsg.add(g, NodeFactory.createURI("urn:x-test:thing-" + String.format("%03d", i)), RDFS.seeAlso.asNode(), lb);
        }
        SijillPages pages = new SijillPages(dsg, null, new ExampleQueries(Fixture.resource("queries")), DownloadsInfo.NONE);
        PageRequest first = new PageRequest(PageLanguage.EN, "/page/country/LB", Map.of(), "http://localhost:3030");
        Document p1 = Fixture.parse(pages.entity("country/LB", 1, first));
        assertEquals("(137)", p1.selectFirst("#incoming h2 small").text(), "130 test links and 7 from the fixture");
        assertEquals(SijillPages.INCOMING_PAGE_SIZE, p1.select("#incoming td li, #incoming td > a").size());
        assertEquals("/page/country/LB?page=2", p1.selectFirst(".pager a[rel=next]").attr("href"));
        assertNull(p1.selectFirst(".pager a[rel=prev]"));

        PageRequest second = new PageRequest(PageLanguage.EN, "/page/country/LB", Map.of("page", "2"), "http://localhost:3030");
        Document p2 = Fixture.parse(pages.entity("country/LB", 2, second));
        assertEquals(37, p2.select("#incoming td li, #incoming td > a").size());
        assertNotNull(p2.selectFirst(".pager a[rel=prev][href=/page/country/LB?page=1]"));
        assertNull(p2.selectFirst(".pager a[rel=next]"));

        assertThrows(SijillException.class, () -> pages.entity("country/LB", 0, first));
    }
}
