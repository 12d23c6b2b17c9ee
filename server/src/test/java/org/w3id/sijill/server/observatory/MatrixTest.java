package org.w3id.sijill.server.observatory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3id.sijill.server.pages.PageLanguage;

/**
 * Dates and how claims relate, on a small snapshot made here: a year or month means its last day;
 * per source the latest claim on or before the date counts; statuses that progress over time are a
 * change, different statuses on one date or a later claim that goes back are a disagreement; and
 * the outlines of the world-atlas package decode to the 22 League states where they are.
 */
class MatrixTest {
    static final Snapshot.Text T = new Snapshot.Text("x", "س");
    static final Snapshot.State XA = new Snapshot.State("urn:xa", "XA", "XAA", "001", new Snapshot.Text("Xa", "إكس"));
    static final Snapshot.Topic TOPIC = new Snapshot.Topic("urn:t", "t", T, "", new Snapshot.Text("", ""));
    static final List<Snapshot.Status> STATUSES = List.of(new Snapshot.Status("urn:e", "enacted", T, 2),
            new Snapshot.Status("urn:d", "draft", T, 1), new Snapshot.Status("urn:n", "none", T, 0),
            new Snapshot.Status("urn:nd", "no-data", T, -1));

    static Snapshot.Claim claim(String iri, String status, String date, String source) {
        return new Snapshot.Claim(iri, "XA", "t", status, date, source, List.of(), List.of());
    }

    static Snapshot snapshot(Snapshot.Claim... claims) {
        return new Snapshot(List.of(XA), List.of(), List.of(TOPIC), STATUSES,
                List.of(new Snapshot.Source("urn:s1", "s1", T, ""), new Snapshot.Source("urn:s2", "s2", T, "")), List.of(claims), List.of());
    }

    static Matrix.Cell cell(Snapshot s, String asOf) {
        return Matrix.of(s, Selection.of(s, asOf == null ? Map.of() : Map.of("asOf", List.of(asOf)))).cell("XA", "t");
    }

    @Test
    void asOfMeansTheLastDayOfAYearOrMonth() {
        assertEquals(LocalDate.of(2019, 12, 31), AsOf.parse("2019").date());
        assertEquals(LocalDate.of(2020, 2, 29), AsOf.parse("2020-02").date());
        assertEquals(LocalDate.of(2019, 6, 30), AsOf.parse(" 2019-06-30 ").date());
        assertNull(AsOf.parse(""));
        for (String bad : List.of("2019-13", "2019-02-30", "19", "2019/06", "yesterday", "2019-6")) {
            BadRequest e = assertThrows(BadRequest.class, () -> AsOf.parse(bad), bad);
            assertTrue(e.message(PageLanguage.AR).contains(bad), e.message(PageLanguage.AR));
        }
    }

    @Test
    void progressionIsAChangeAndGoingBackIsADisagreement() {
        Snapshot s = snapshot(claim("urn:c1", "draft", "2018-12-06", "urn:s1"), claim("urn:c2", "enacted", "2026-04-27", "urn:s2"));
        Matrix.Cell latest = cell(s, null);
        assertEquals(Matrix.Kind.CHANGE, latest.kind());
        assertEquals("enacted", latest.summary());
        Matrix.Cell y2019 = cell(s, "2019");
        assertEquals(Matrix.Kind.AGREE, y2019.kind());
        assertEquals("draft", y2019.summary());
        assertEquals(List.of("urn:c1"), y2019.current().stream().map(Snapshot.Claim::iri).toList());
        Matrix.Cell y2017 = cell(s, "2017");
        assertEquals(Matrix.Kind.NONE, y2017.kind());
        assertEquals("", y2017.summary());

        Snapshot back = snapshot(claim("urn:c1", "draft", "2018-12-06", "urn:s1"), claim("urn:c2", "none", "2026-04-27", "urn:s2"));
        assertEquals(Matrix.Kind.DIFFER, cell(back, null).kind());
        Snapshot sameDay = snapshot(claim("urn:c1", "enacted", "2020-01-01", "urn:s1"), claim("urn:c2", "draft", "2020-01-01", "urn:s2"));
        assertEquals(Matrix.Kind.DIFFER, cell(sameDay, null).kind());
        Snapshot noData = snapshot(claim("urn:c1", "enacted", "2018-12-06", "urn:s1"), claim("urn:c2", "no-data", "2026-04-27", "urn:s2"));
        assertEquals(Matrix.Kind.AGREE, cell(noData, null).kind(), "no-data contradicts nothing");
        assertEquals("enacted", cell(noData, null).summary());
    }

    @Test
    void aSourcesLaterClaimReplacesItsEarlierOne() {
        Snapshot s = snapshot(claim("urn:c1", "draft", "2018-12-06", "urn:s1"), claim("urn:c3", "enacted", "2022-01-01", "urn:s1"));
        Matrix.Cell now = cell(s, null);
        assertEquals(List.of("urn:c3"), now.current().stream().map(Snapshot.Claim::iri).toList());
        assertEquals(List.of("urn:c1"), now.earlier().stream().map(Snapshot.Claim::iri).toList());
        assertEquals(Matrix.Kind.CHANGE, now.kind());
        assertEquals(List.of("urn:c1"), cell(s, "2021-12").current().stream().map(Snapshot.Claim::iri).toList());
    }

    @Test
    void countriesByCodeNotationOrIriAndBadInputInBothLanguages() {
        Snapshot s = snapshot();
        for (String c : List.of("xa", "XAA", "001", "urn:xa")) assertEquals(XA, Selection.country(s, c), c);
        BadRequest e = assertThrows(BadRequest.class, () -> Selection.country(s, "ZZ"));
        assertTrue(e.message(PageLanguage.AR).contains("دولة غير معروفة"), e.message(PageLanguage.AR));
        assertTrue(e.getMessage().contains("unknown country"), e.getMessage());
        assertThrows(BadRequest.class, () -> Selection.of(s, Map.of("country", java.util.Collections.nCopies(50, "XA"))));
        assertThrows(BadRequest.class, () -> Selection.of(s, Map.of("asOf", List.of("2019", "2020"))));
    }

    @Test
    void worldAtlasOutlinesDecodeToTheLeagueStatesWhereTheyAre() {
        WorldAtlas atlas = WorldAtlas.load();
        List<String> league = List.of("012", "048", "174", "262", "818", "368", "400", "414", "422", "434", "478", "504", "512",
                "275", "634", "682", "706", "729", "760", "788", "784", "887");
        for (String m49 : league) assertTrue(atlas.rings().containsKey(m49), "outline of " + m49);
        assertEquals("Lebanon", atlas.names().get("422"));
        for (double[][] ring : atlas.rings().get("422")) {
            for (double[] p : ring) {
                assertTrue(p[0] > 35 && p[0] < 37 && p[1] > 33 && p[1] < 35, "Lebanon's points lie in Lebanon: " + p[0] + "," + p[1]);
            }
        }
        List<MapRenderer.Shape> shapes = new MapRenderer(atlas).shapes(league);
        assertEquals(22, shapes.size());
        assertTrue(shapes.stream().filter(x -> x.m49().equals("048")).findFirst().orElseThrow().marker() != null, "Bahrain gets a marker");
        assertNull(shapes.stream().filter(x -> x.m49().equals("818")).findFirst().orElseThrow().marker(), "Egypt needs none");
    }
}
