package org.w3id.sijill.server.observatory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.sijill.server.it.RealDataServer;

/**
 * The observatory on the real server over the store built from the project's {@code sources/}:
 * the matrix of the 22 states × the law topics, the map, dates ({@code asOf}), changes versus
 * disagreements, cited instruments with year and link, the API with its codes and languages,
 * downloads, ETags, and 400s with reasons in the page's language.
 */
class ObservatoryServerTest {
    static final String UNCTAD = "https://w3id.org/sijill/id/source/unctad-cyberlaw-tracker-2026";
    static final String REPORT = "https://w3id.org/sijill/id/document/escwa-beirut-2018-report";
    static final Pattern ARABIC = Pattern.compile("\\p{IsArabic}");
    static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{3,}");

    @RegisterExtension
    static final RealDataServer SERVER = new RealDataServer();

    static HttpResponse<byte[]> get(String path, String... headers) {
        return SERVER.getBytes(path, headers);
    }

    static Document page(String path) {
        HttpResponse<byte[]> r = get(path);
        assertEquals(200, r.statusCode(), path + ": " + Http.text(r));
        return Jsoup.parse(Http.text(r), SERVER.base() + path);
    }

    static JsonObject json(String path) {
        HttpResponse<byte[]> r = get(path);
        assertEquals(200, r.statusCode(), path + ": " + Http.text(r));
        return JsonParser.parseString(Http.text(r)).getAsJsonObject();
    }

    static List<JsonObject> rows(JsonObject table) {
        List<JsonObject> out = new ArrayList<>();
        for (JsonElement e : table.getAsJsonArray("rows")) out.add(e.getAsJsonObject());
        return out;
    }

    @Test
    void matrixShowsTheTwentyTwoStatesAcrossEveryTopic() {
        JsonArray topics = json("/api/topics").getAsJsonArray("rows");
        assertEquals(11, topics.size(), "the law-topic scheme has 11 topics");
        Document doc = page("/matrix?lang=en");
        assertEquals(22, doc.select("table.obs-matrix tbody tr").size(), "one row per Arab League state");
        assertEquals(topics.size(), doc.select("table.obs-matrix thead th.topic").size());
        for (Element tr : doc.select("table.obs-matrix tbody tr")) assertEquals(topics.size(), tr.select("td.cell").size(), tr.text());
        Element sy = doc.selectFirst("td.cell[data-country=SY][data-topic=personal-data-protection]");
        assertNotNull(sy);
        assertTrue(sy.hasClass("kind-change"), "Syria's personal-data protection changed from draft (2018) to enacted (2026): " + sy);
        assertTrue(sy.hasClass("status-enacted"), sy.className());
        assertEquals(2, sy.select("li.claim").size(), "both sources' claims are shown: " + sy);
        assertNotNull(sy.selectFirst("li.claim.status-draft a[href^=/id/status/SY/personal-data-protection/]"), "cells link to the claims");
        assertTrue(sy.text().contains("2024"), "the tracker's instrument with its year (Law No. 12 of 2024): " + sy.text());
        Element eg = doc.selectFirst("td.cell[data-country=EG][data-topic=personal-data-protection]");
        Element law151 = eg.selectFirst(".instr a[href*=Law_No_151_2020]");
        assertNotNull(law151, "Egypt's Law No. 151 of 2020, cited by UNCTAD, is linked: " + eg);
        assertTrue(law151.text().contains("Law No. 151 of 2020"), law151.text());
        assertTrue(eg.selectFirst(".instr").text().contains("(2020)"), eg.text());
        Element ye = doc.selectFirst("td.cell[data-country=YE][data-topic=cybercrime]");
        assertTrue(ye.hasClass("kind-differ"), "a draft in 2018, no legislation in 2026: a later claim that goes back is a disagreement");
        assertNotNull(ye.selectFirst(".mark-differ"));
        assertTrue(doc.selectFirst("td.cell[data-country=YE][data-topic=personal-data-protection]").hasClass("kind-change"));
        assertTrue(doc.select("a.download-xlsx").attr("href").contains("format=xlsx"));
    }

    @Test
    void asOf2019ShowsTheReportsClaimsAndNotTheTrackers() {
        JsonObject t = json("/api/v1/compare?asOf=2019&lang=en");
        assertEquals("2019-12-31", t.get("asOf").getAsString());
        List<JsonObject> rows = rows(t);
        assertFalse(rows.isEmpty(), "the 2018 report has claims");
        for (JsonObject r : rows) {
            assertEquals("escwa-beirut-2018-report", r.get("source").getAsString(), r.toString());
            assertTrue(r.get("asOf").getAsString().compareTo("2019-12-31") <= 0, r.toString());
        }
        JsonObject sy = rows.stream().filter(r -> r.get("country").getAsString().equals("SY")
                && r.get("topic").getAsString().equals("personal-data-protection")).findFirst().orElseThrow();
        assertEquals("draft", sy.get("status").getAsString());
        assertEquals("agree", sy.get("relation").getAsString(), "in 2019 only the report speaks");

        List<JsonObject> latest = rows(json("/api/v1/compare?country=SY&topic=personal-data-protection"));
        assertEquals(List.of("escwa-beirut-2018-report", "unctad-cyberlaw-tracker-2026"),
                latest.stream().map(r -> r.get("source").getAsString()).toList());
        assertTrue(latest.stream().allMatch(r -> r.get("relation").getAsString().equals("change")), latest.toString());

        Document m2019 = page("/matrix?asOf=2019&lang=en");
        assertTrue(m2019.select("li.claim a[href*=unctad-cyberlaw-tracker-2026]").isEmpty(), "no tracker claim in 2019");
        assertFalse(m2019.select("li.claim a[href*=escwa-beirut-2018-report]").isEmpty());
        Document c2019 = page("/compare?country=LB&country=SY&asOf=2019&lang=en");
        assertTrue(c2019.select(".claim-source a[href=/id/source/unctad-cyberlaw-tracker-2026]").isEmpty(), "the compare page is dated too");
        assertFalse(c2019.select(".claim-source a[href=/id/document/escwa-beirut-2018-report]").isEmpty());
        Document c2017 = page("/compare?country=LB&country=SY&asOf=2017-06&lang=en");
        assertTrue(c2017.select("li.claim").isEmpty(), "no source spoke before December 2018");
    }

    @Test
    void comparePageCitesInstrumentsWithYearAndLinkAndMarksChanges() {
        Document doc = page("/compare?country=EG&country=SY&lang=en");
        Element law151 = doc.selectFirst(".instrument.cited a[href*=Law_No_151_2020]");
        assertNotNull(law151, "Egypt's Law No. 151 of 2020 appears on /compare");
        assertEquals("(2020)", law151.parent().selectFirst(".year").text());
        assertFalse(doc.select("td.kind-change .change-badge").isEmpty(), "Syria's personal-data protection is a change");
        Document country = page("/page/country/EG?lang=en");
        Element timeline = country.selectFirst("#timeline");
        assertNotNull(timeline, "the country page has a timeline");
        Element y2020 = timeline.selectFirst("li.timeline-year[data-year=2020]");
        assertNotNull(y2020, timeline.text());
        assertTrue(y2020.text().contains("Law No. 151 of 2020"), y2020.text());
        List<String> years = timeline.select("li.timeline-year").eachAttr("data-year");
        List<String> sorted = new ArrayList<>(years);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertEquals(sorted, years, "newest year first");
        // the compact legend: numbered sources in the header row, descriptions below the table
        Element header = country.selectFirst("#status table thead");
        assertNotNull(header);
        assertTrue(header.select(".note").isEmpty(), "no whole source descriptions in the header row");
        assertFalse(header.select("sup.src").isEmpty());
        assertNotNull(country.selectFirst("#status ol.compact-legend li"));
    }

    @Test
    void apiAcceptsCodesNotationsAndIris() {
        String expected = Http.text(get("/api/v1/compare?country=LB&topic=cybercrime"));
        assertTrue(expected.contains("\"country\": \"LB\""), expected);
        for (String q : List.of("country=lb", "country=LBN", "country=422", "country=https://w3id.org/sijill/id/country/LB")) {
            assertEquals(expected, Http.text(get("/api/v1/compare?" + q + "&topic=cybercrime")), q);
        }
        assertEquals(expected, Http.text(get("/api/v1/compare?country=LB&topic=https://w3id.org/sijill/id/concept/law-topic/cybercrime")));
        assertEquals(expected, Http.text(get("/api/compare?country=LB&topic=CYBERCRIME")), "unversioned alias, folded case");
        assertEquals(22, rows(json("/api/countries")).size());
        List<JsonObject> sources = rows(json("/api/sources"));
        // the sources of legal-status claims: the 2018 report, Qatar's letter (its draft-stage claim) and the UNCTAD tracker
        assertEquals(3, sources.size(), sources.toString());
        assertTrue(sources.toString().contains("qa-mict-itu-internet-policy-letter"), sources.toString());
        List<JsonObject> eg = rows(json("/api/instruments?country=EG"));
        JsonObject law151 = eg.stream().filter(r -> r.get("instrument").getAsString().contains("Law No. 151 of 2020")).findFirst().orElseThrow();
        assertEquals("2020", law151.get("year").getAsString());
        assertTrue(law151.get("link").getAsString().startsWith("https://"), law151.toString());
        // Arabic labels
        List<JsonObject> ar = rows(json("/api/v1/compare?country=LB&topic=cybercrime&lang=ar"));
        assertEquals("لبنان", ar.get(0).get("countryName").getAsString());
        assertEquals("الجرائم الإلكترونية", ar.get(0).get("topicLabel").getAsString());
    }

    @Test
    void badInputIsA400WithTheReasonInThePagesLanguage() {
        StringBuilder fifty = new StringBuilder("/api/compare?");
        for (int i = 0; i < 50; i++) fifty.append("country=LB&");
        List<String> bad = List.of("/api/compare?country=XX", "/api/compare?country=FR", "/api/compare?topic=cyber",
                "/api/compare?asOf=2019-02-30", "/api/compare?asOf=yesterday", fifty.toString(), "/api/compare?format=pdf",
                "/api/instruments?topic=cybercrime", "/api/compare?lang=fr");
        for (String path : bad) {
            HttpResponse<byte[]> en = get(path + (path.contains("lang=") ? "" : "&lang=en"));
            assertEquals(400, en.statusCode(), path);
            String reason = JsonParser.parseString(Http.text(en)).getAsJsonObject().get("error").getAsString();
            assertFalse(reason.isBlank(), path);
            if (path.contains("lang=fr")) continue;
            HttpResponse<byte[]> ar = get(path + "&lang=ar");
            assertEquals(400, ar.statusCode(), path);
            String arReason = JsonParser.parseString(Http.text(ar)).getAsJsonObject().get("error").getAsString();
            assertTrue(ARABIC.matcher(arReason).find(), path + ": " + arReason);
            assertFalse(arReason.contains("unknown") || arReason.contains("not a"), arReason);
        }
        // pages: an Arabic error page for an Arabic request
        for (String path : List.of("/matrix?asOf=2019-99&lang=ar", "/map?topic=nothing&lang=ar", "/matrix?format=pdf&lang=ar",
                "/compare?country=LB&country=FR&format=csv&lang=ar", "/map?country=US&lang=ar")) {
            HttpResponse<byte[]> r = get(path);
            assertEquals(400, r.statusCode(), path);
            assertTrue(ARABIC.matcher(Http.text(r)).find(), path);
            assertFalse(Http.text(r).contains("Exception"), path);
        }
        Document d = Jsoup.parse(Http.text(get("/matrix?asOf=not-a-date&lang=ar")));
        String msg = d.selectFirst("article.error p bdi").text();
        assertTrue(msg.contains("not-a-date") && ARABIC.matcher(msg).find(), msg);
    }

    @Test
    void downloadsInEveryFormatWithFileNames() {
        HttpResponse<byte[]> csv = get("/matrix?format=csv&lang=ar");
        assertEquals(200, csv.statusCode());
        assertEquals("text/csv; charset=utf-8", csv.headers().firstValue("Content-Type").orElse(""));
        assertEquals((byte) 0xEF, csv.body()[0], "UTF-8 byte-order mark");
        assertEquals((byte) 0xBB, csv.body()[1]);
        assertEquals((byte) 0xBF, csv.body()[2]);
        assertEquals("attachment; filename=\"sijill-matrix-ar.csv\"", csv.headers().firstValue("Content-Disposition").orElse(""));
        String text = Http.text(csv);
        assertEquals(23, text.strip().split("\r\n").length, "a header and 22 states");
        assertTrue(text.contains("لبنان"), "Arabic state names");

        HttpResponse<byte[]> byAccept = get("/matrix?lang=en", "Accept", "text/csv");
        assertEquals("text/csv; charset=utf-8", byAccept.headers().firstValue("Content-Type").orElse(""));
        HttpResponse<byte[]> xlsx = get("/matrix?format=xlsx&asOf=2019");
        assertEquals(200, xlsx.statusCode());
        assertEquals('P', (char) xlsx.body()[0]);
        assertEquals('K', (char) xlsx.body()[1]);
        assertEquals("attachment; filename=\"sijill-matrix-2019-en.xlsx\"", xlsx.headers().firstValue("Content-Disposition").orElse(""));
        JsonObject ld = JsonParser.parseString(Http.text(get("/api/compare?country=EG&topic=personal-data-protection",
                "Accept", "application/ld+json"))).getAsJsonObject();
        assertEquals(SERVER.base() + "/context.jsonld", ld.get("@context").getAsString());
        JsonObject claim = ld.getAsJsonArray("@graph").get(0).getAsJsonObject();
        assertEquals("https://w3id.org/sijill/id/country/EG", claim.get("jurisdiction").getAsString());
        assertTrue(claim.toString().contains("Law_No_151_2020"), claim.toString());
        for (String p : List.of("/api/countries", "/api/topics", "/api/sources", "/api/instruments?country=EG", "/map", "/compare?country=LB&country=SY")) {
            for (String f : List.of("csv", "json", "jsonld")) {
                HttpResponse<byte[]> r = get(p + (p.contains("?") ? "&" : "?") + "format=" + f);
                assertEquals(200, r.statusCode(), p + " " + f + ": " + Http.text(r));
                assertTrue(r.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment; filename=\"sijill-"), p + " " + f);
            }
        }
    }

    @Test
    void versionedPathsAliasesAndEtagsTiedToTheRelease() {
        HttpResponse<byte[]> v1 = get("/api/v1/countries");
        HttpResponse<byte[]> alias = get("/api/countries");
        assertEquals(Http.text(v1), Http.text(alias));
        String etag = v1.headers().firstValue("ETag").orElseThrow();
        assertTrue(etag.contains(SERVER.server().site().release().id()), etag + " carries the release " + SERVER.server().site().release().id());
        assertEquals(304, get("/api/v1/countries", "If-None-Match", etag).statusCode());
        String matrixTag = get("/matrix?lang=en").headers().firstValue("ETag").orElseThrow();
        assertEquals(304, get("/matrix?lang=en", "If-None-Match", matrixTag).statusCode());
        assertEquals(404, get("/api/v1/nothing").statusCode());
    }

    @Test
    void mapIsAnSvgChoroplethWithLegendKeyboardLinksAndATable() {
        Document doc = page("/map?topic=personal-data-protection&lang=en");
        Element svg = doc.selectFirst("figure.obs-map svg");
        assertNotNull(svg);
        assertEquals(22, svg.select("g.states a.state").size(), "every League state is drawn");
        assertTrue(svg.select("g.background path").size() > 10, "neighbours for context");
        Element sy = svg.selectFirst("a.state[data-country=SY]");
        assertTrue(sy.hasClass("status-enacted"), sy.className());
        assertEquals("/id/country/SY", sy.attr("href"), "a focusable link");
        assertTrue(sy.selectFirst("title").text().startsWith("Syria"));
        assertNotNull(svg.selectFirst("a.state[data-country=BH] circle"), "Bahrain is too small to see and gets a marker");
        assertEquals(5, doc.select(".map-legend li").size(), "four statuses and no claim");
        assertEquals(22, doc.select("table.obs-map-table tbody tr").size(), "the table fallback");
        Document y2019 = page("/map?topic=personal-data-protection&asOf=2019&lang=en");
        assertTrue(y2019.selectFirst("a.state[data-country=SY]").hasClass("status-draft"), "as of 2019 Syria had a draft");
        Document overview = page("/map?lang=ar");
        assertEquals(4, overview.select(".map-legend li").size());
        assertTrue(overview.selectFirst("a.state[data-country=EG]").className().contains("count-"));
        Document onlyReport = page("/map?topic=personal-data-protection&source=escwa-beirut-2018-report&lang=en");
        assertTrue(onlyReport.selectFirst("a.state[data-country=SY]").hasClass("status-draft"), "the source selector");
    }

    @Test
    void arabicPagesHaveNoEnglishInterface() {
        for (String path : List.of("/matrix?lang=ar", "/map?lang=ar", "/map?topic=cybercrime&lang=ar")) {
            Document doc = page(path);
            assertEquals("rtl", doc.selectFirst("html").attr("dir"));
            Element main = doc.selectFirst("main").clone();
            // data that exists only in English (source titles, instrument titles, codes) is marked lang="en"
            main.select("[lang=en], [dir=ltr], svg, script, .code").remove();
            String text = main.text();
            var latin = LATIN_WORD.matcher(text);
            List<String> words = new ArrayList<>();
            while (latin.find()) words.add(latin.group());
            // format names are proper names
            words.removeAll(List.of("CSV", "JSON", "LD", "xlsx"));
            assertTrue(words.isEmpty(), path + " has English words " + words);
        }
    }
}
