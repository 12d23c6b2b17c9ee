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
    void aCellHashesWithoutReadingItsClaimsButComparesThem() {
        // /compare keys a map by cell per request; at 10^7 triples a cell holds tens of thousands of earlier claims
        Snapshot.Claim[] claims = new Snapshot.Claim[20_000];
        for (int i = 0; i < claims.length; i++) {
            claims[i] = claim("urn:c" + i, i % 2 == 0 ? "draft" : "enacted", LocalDate.of(2000, 1, 1).plusDays(i).toString(), "urn:s1");
        }
        Matrix.Cell many = cell(snapshot(claims), null);
        assertEquals(claims.length - 1, many.earlier().size(), "the source's claims but its latest were replaced");
        Matrix.Cell bare = new Matrix.Cell(many.state(), many.topic(), List.of(), List.of(), many.kind(), many.summary());
        assertEquals(bare.hashCode(), many.hashCode(), "the hash does not depend on the claims");
        assertTrue(!bare.equals(many) && !many.equals(bare), "cells with other claims are not equal");
        assertEquals(many, new Matrix.Cell(many.state(), many.topic(), List.copyOf(many.current()), List.copyOf(many.earlier()),
                many.kind(), many.summary()));
        assertEquals(many, cell(snapshot(claims), null), "the same claims make an equal cell");
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
    void theMatrixOfEveryClaimIsMadeOncePerSnapshotAndACellListsAFewOfItsClaims() {
        Snapshot.Claim[] many = new Snapshot.Claim[40];
        for (int i = 0; i < many.length; i++) {
            // stored newest first: the index puts each cell in date order
            many[i] = claim("urn:m" + i, i % 2 == 0 ? "enacted" : "draft", LocalDate.of(2000, 1, 1).plusDays(40L - i).toString(),
                    i % 3 == 0 ? "urn:s2" : "urn:s1");
        }
        Snapshot s = snapshot(many);
        assertEquals(40, s.index().cell("XA", "t").size());
        List<String> dates = s.index().cell("XA", "t").stream().map(Snapshot.Claim::asOf).toList();
        assertEquals(dates.stream().sorted().toList(), dates, "a cell's claims oldest first");
        Matrix all = Matrix.of(s, Selection.of(s, Map.of()));
        assertTrue(all == Matrix.of(s, Selection.of(s, Map.of())), "the matrix of every claim is made once");
        Matrix early = Matrix.of(s, Selection.of(s, Map.of("asOf", List.of("2000-01-20"))));
        assertTrue(all != early, "a selection's is its own");
        assertTrue(early == Matrix.of(s, Selection.of(s, Map.of("asOf", List.of("2000-01-20")))), "and kept while it is asked for");
        for (int d = 1; d <= Snapshot.Index.RECENT; d++) Matrix.of(s, Selection.of(s, Map.of("asOf", List.of("1999-01-" + (10 + d)))));
        assertTrue(early != Matrix.of(s, Selection.of(s, Map.of("asOf", List.of("2000-01-20")))),
                "only the " + Snapshot.Index.RECENT + " most recent selections are kept");

        ObservatoryViews.Listed listed = ObservatoryViews.listed(all.cell("XA", "t"));
        assertEquals(ObservatoryViews.CELL_CLAIMS, listed.claims().size());
        assertEquals(40 - ObservatoryViews.CELL_CLAIMS, listed.more());
        assertEquals(List.of("urn:m0", "urn:m1"), listed.claims().stream().map(Snapshot.Claim::iri)
                .filter(iri -> !listed.earlier().contains(iri)).sorted().toList(), "both sources' latest claims are listed");
        List<String> shown = listed.claims().stream().map(Snapshot.Claim::asOf).toList();
        assertEquals(shown.stream().sorted().toList(), shown, "listed oldest first");
        assertEquals(LocalDate.of(2000, 1, 1).plusDays(40L - (ObservatoryViews.CELL_CLAIMS - 1)).toString(), shown.get(0),
                "the newest claims are the ones listed");
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
