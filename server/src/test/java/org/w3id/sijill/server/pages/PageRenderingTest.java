package org.w3id.sijill.server.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Entity pages rendered from the fixture and parsed with jsoup. */
class PageRenderingTest {
    static SijillPages pages;

    @BeforeAll
    static void setUp() {
        pages = Fixture.pages(DownloadsInfo.NONE);
    }

    static Document entity(String path, PageLanguage lang) {
        RenderedPage p = pages.entity(path, 1, Fixture.request(lang, "/page/" + path));
        assertEquals(200, p.status(), p.html());
        return Fixture.parse(p);
    }

    @Test
    void countryPageInArabicIsRightToLeftWithArabicName() {
        Document doc = entity("country/LB", PageLanguage.AR);
        System.out.println(doc.outerHtml());
        assertEquals("ar", doc.selectFirst("html").attr("lang"));
        assertEquals("rtl", doc.selectFirst("html").attr("dir"));
        Element h1 = doc.selectFirst("h1 bdi");
        assertEquals("لبنان", h1.text());
        assertEquals("ar", h1.attr("lang"));
    }
}
