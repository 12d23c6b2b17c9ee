package org.w3id.sijill.server.observatory;

import static org.w3id.sijill.server.observatory.StoreRows.select;
import static org.w3id.sijill.server.observatory.StoreRows.str;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;

/**
 * The observatory's snapshot as {@link SnapshotLoader} read it before issue 13's index scans: a
 * handful of SELECT queries over the union graph, with their ORDER BY. Kept as the specification
 * the scans must match ({@code SnapshotLoaderTest}).
 *
 * <pre>{@code
 * assertEquals(SparqlSnapshotLoader.load(dsg), SnapshotLoader.load(dsg));
 * }</pre>
 */
final class SparqlSnapshotLoader {
    private SparqlSnapshotLoader() {}

    private static final String PREFIXES = StoreRows.PREFIXES + """
            PREFIX foaf:    <http://xmlns.com/foaf/0.1/>
            """;
    private static final String SCHEME = "https://w3id.org/sijill/id/scheme/";

    private static final String COUNTRIES = PREFIXES + """
            SELECT ?c ?iso2 ?iso3 ?m49 ?member ?en ?ar WHERE { GRAPH <urn:x-arq:UnionGraph> {
              ?c a sijill:Country ; sijill:iso2 ?iso2 .
              OPTIONAL { ?c sijill:arabLeagueMember ?member }
              OPTIONAL { ?c sijill:iso3 ?iso3 } OPTIONAL { ?c sijill:m49 ?m49 }
              OPTIONAL { ?c rdfs:label ?en FILTER(lang(?en) = "en") }
              OPTIONAL { ?c rdfs:label ?ar FILTER(lang(?ar) = "ar") }
            } } ORDER BY ?iso2
            """;
    private static final String CONCEPTS = PREFIXES + """
            SELECT ?c ?code ?en ?ar WHERE { GRAPH <urn:x-arq:UnionGraph> {
              ?c skos:inScheme ?scheme ; skos:notation ?code .
              OPTIONAL { ?c skos:prefLabel ?en FILTER(lang(?en) = "en") }
              OPTIONAL { ?c skos:prefLabel ?ar FILTER(lang(?ar) = "ar") }
            } }
            """;
    private static final String TOPIC_GROUPS = PREFIXES + """
            SELECT ?t ?match ?g WHERE { GRAPH <urn:x-arq:UnionGraph> {
              ?t skos:inScheme <https://w3id.org/sijill/id/scheme/law-topic> ; ?match ?g .
              FILTER(?match IN (skos:closeMatch, skos:broadMatch))
              ?g skos:inScheme <https://w3id.org/sijill/id/scheme/escwa-cyber-legislation-area> .
            } }
            """;
    private static final String CLAIMS = PREFIXES + """
            SELECT ?claim ?iso2 ?topic ?status ?asOf ?src WHERE { GRAPH <urn:x-arq:UnionGraph> {
              ?claim a sijill:LegalStatus ; sijill:jurisdiction ?c ; sijill:topic ?t ;
                     sijill:status/skos:notation ?status ; sijill:asOf ?asOf ; prov:wasDerivedFrom ?src .
              ?c sijill:iso2 ?iso2 .
              ?t skos:notation ?topic .
            } } ORDER BY ?iso2 ?topic ?asOf ?claim
            """;
    private static final String NAMED = PREFIXES + """
            SELECT ?claim ?i ?en ?ar ?year WHERE { GRAPH <urn:x-arq:UnionGraph> {
              ?claim a sijill:LegalStatus ; sijill:instrument ?i .
              OPTIONAL { ?i rdfs:label ?en FILTER(lang(?en) = "en") }
              OPTIONAL { ?i rdfs:label ?ar FILTER(lang(?ar) = "ar") }
              OPTIONAL { ?i sijill:yearAdopted ?year }
            } } ORDER BY ?claim ?i
            """;
    private static final String CITED = PREFIXES + """
            SELECT ?claim ?title ?page ?n WHERE { GRAPH <urn:x-arq:UnionGraph> {
              ?claim a sijill:LegalStatus ; sijill:citedInstrument ?ci .
              ?ci dcterms:title ?title ; foaf:page ?page .
              OPTIONAL { ?ci sijill:ordinal ?n }
            } } ORDER BY ?claim ?n ?title
            """;
    private static final String QUOTES = PREFIXES + """
            SELECT ?claim ?q ?passage WHERE { GRAPH <urn:x-arq:UnionGraph> {
              ?claim a sijill:LegalStatus ; sijill:evidence ?e . ?e prov:value ?q .
              OPTIONAL { ?e prov:wasQuotedFrom ?passage }
            } } ORDER BY ?claim ?q
            """;
    private static final String SOURCES = PREFIXES + """
            SELECT DISTINCT ?src ?p ?l ?date WHERE { GRAPH <urn:x-arq:UnionGraph> {
              ?claim a sijill:LegalStatus ; prov:wasDerivedFrom ?src .
              OPTIONAL { ?src ?p ?l FILTER(?p IN (dcterms:title, rdfs:label) && lang(?l) IN ("en", "ar")) }
              OPTIONAL { ?src dcterms:date ?date }
            } }
            """;
    private static final String INSTRUMENTS = PREFIXES + """
            SELECT ?i ?iso2 ?en ?ar ?year ?topic WHERE { GRAPH <urn:x-arq:UnionGraph> {
              ?i sijill:jurisdiction ?c ; a ?cls .
              FILTER(?cls IN (sijill:LegalInstrument, sijill:Law, sijill:DraftLaw, sijill:Treaty, sijill:Policy,
                              sijill:Resolution, sijill:Declaration))
              ?c sijill:iso2 ?iso2 .
              OPTIONAL { ?i rdfs:label ?en FILTER(lang(?en) = "en") }
              OPTIONAL { ?i rdfs:label ?ar FILTER(lang(?ar) = "ar") }
              OPTIONAL { ?i sijill:yearAdopted ?year }
              OPTIONAL { ?i sijill:topic/skos:notation ?topic }
            } } ORDER BY ?iso2 ?year ?i ?topic
            """;

    /** The order of the legend and the progression of a law: none, draft, enacted. */
    private static final List<String> STATUS_ORDER = List.of("enacted", "draft", "none", "no-data");

    /** A year in a cited title: "Law No. 151 of 2020", "Law No. 81/2018", "Issued on 10/11/2020". */
    private static final Pattern CITED_YEAR = Pattern.compile("(?:\\bof\\s+|/)((?:19|20)\\d{2})\\b");

    /** @return the snapshot of the store */
    public static Snapshot load(DatasetGraph dataset) {
        return Txn.calculateRead(dataset, () -> read(dataset));
    }

    private static Snapshot read(DatasetGraph ds) {
        List<Snapshot.State> states = new ArrayList<>();
        List<Snapshot.State> others = new ArrayList<>();
        Map<String, String[]> countryRows = new LinkedHashMap<>();
        Map<String, Boolean> member = new HashMap<>();
        select(ds, COUNTRIES, b -> {
            String iri = str(b, "c");
            String[] row = countryRows.computeIfAbsent(iri, k -> new String[] {"", "", "", "", ""});
            fill(row, 0, str(b, "iso2"));
            fill(row, 1, str(b, "iso3"));
            fill(row, 2, str(b, "m49"));
            fill(row, 3, str(b, "en"));
            fill(row, 4, str(b, "ar"));
            if ("true".equals(str(b, "member"))) member.put(iri, true);
        });
        countryRows.forEach((iri, r) -> {
            Snapshot.State s = new Snapshot.State(iri, r[0], r[1], r[2], new Snapshot.Text(r[3], r[4]));
            (member.getOrDefault(iri, false) ? states : others).add(s);
        });

        Map<String, Snapshot.Text> groupLabels = new HashMap<>();
        Map<String, String> groupCodes = new HashMap<>();
        concepts(ds, "escwa-cyber-legislation-area", (iri, code, text) -> { groupLabels.put(iri, text); groupCodes.put(iri, code); });
        Map<String, String> groupOf = new HashMap<>();
        Map<String, String> groupMatch = new HashMap<>();
        select(ds, TOPIC_GROUPS, b -> {
            String t = str(b, "t");
            boolean close = str(b, "match").endsWith("closeMatch");
            // a closeMatch wins over a broadMatch; among equals, the first by IRI
            String g = str(b, "g");
            String had = groupOf.get(t);
            boolean hadClose = "close".equals(groupMatch.get(t));
            if (had == null || (close && !hadClose) || (close == hadClose && g.compareTo(had) < 0)) {
                groupOf.put(t, g);
                groupMatch.put(t, close ? "close" : "broad");
            }
        });
        List<Snapshot.Topic> topics = new ArrayList<>();
        concepts(ds, "law-topic", (iri, code, text) -> {
            String g = groupOf.get(iri);
            topics.add(new Snapshot.Topic(iri, code, text, g == null ? "" : groupCodes.getOrDefault(g, ""),
                    g == null ? new Snapshot.Text("", "") : groupLabels.getOrDefault(g, new Snapshot.Text("", ""))));
        });
        topics.sort(Comparator.comparing(Snapshot.Topic::code));
        List<Snapshot.Status> statuses = new ArrayList<>();
        concepts(ds, "legal-status", (iri, code, text) -> {
            int rank = switch (code) { case "none" -> 0; case "draft" -> 1; case "enacted" -> 2; default -> -1; };
            statuses.add(new Snapshot.Status(iri, code, text, rank));
        });
        statuses.sort(Comparator.comparingInt(s -> STATUS_ORDER.indexOf(s.code()) < 0 ? 99 : STATUS_ORDER.indexOf(s.code())));

        Map<String, List<Snapshot.Instrument>> named = new LinkedHashMap<>();
        select(ds, NAMED, b -> named.computeIfAbsent(str(b, "claim"), k -> new ArrayList<>()).add(
                new Snapshot.Instrument(str(b, "i"), new Snapshot.Text(str(b, "en"), str(b, "ar")), year(str(b, "year")),
                        str(b, "i"), "", List.of())));
        select(ds, CITED, b -> {
            String title = str(b, "title");
            Matcher m = CITED_YEAR.matcher(title);
            named.computeIfAbsent(str(b, "claim"), k -> new ArrayList<>()).add(new Snapshot.Instrument("",
                    new Snapshot.Text(title, ""), m.find() ? m.group(1) : "", str(b, "page"), "", List.of()));
        });
        Map<String, List<Snapshot.Quote>> quotes = new LinkedHashMap<>();
        select(ds, QUOTES, b -> StoreRows.addQuote(quotes, b));
        Set<String> leagueCodes = new LinkedHashSet<>();
        states.forEach(s -> leagueCodes.add(s.iso2()));
        List<Snapshot.Claim> claims = new ArrayList<>();
        select(ds, CLAIMS, b -> {
            if (!leagueCodes.contains(str(b, "iso2"))) return;
            String iri = str(b, "claim");
            claims.add(new Snapshot.Claim(iri, str(b, "iso2"), str(b, "topic"), str(b, "status"), str(b, "asOf"), str(b, "src"),
                    List.copyOf(named.getOrDefault(iri, List.of())), List.copyOf(quotes.getOrDefault(iri, List.of()))));
        });

        Map<String, String[]> sourceRows = new TreeMap<>();
        select(ds, SOURCES, b -> {
            String[] r = sourceRows.computeIfAbsent(str(b, "src"), k -> new String[] {"", "", "", ""});
            Node l = b.get("l");
            if (l != null) {
                boolean title = str(b, "p").endsWith("title");
                int i = "ar".equals(l.getLiteralLanguage()) ? 1 : 0;
                // a title wins over a label
                if (r[i].isEmpty() || title) r[i] = l.getLiteralLexicalForm();
            }
            fill(r, 2, str(b, "date"));
        });
        List<Snapshot.Source> sources = new ArrayList<>();
        sourceRows.forEach((iri, r) -> sources.add(new Snapshot.Source(iri, iri.substring(iri.lastIndexOf('/') + 1),
                new Snapshot.Text(r[0], r[1]), r[2])));

        Map<String, Object[]> instrumentRows = new LinkedHashMap<>();
        select(ds, INSTRUMENTS, b -> {
            if (!leagueCodes.contains(str(b, "iso2"))) return;
            Object[] r = instrumentRows.computeIfAbsent(str(b, "i"), k -> new Object[] {
                    str(b, "iso2"), str(b, "en"), str(b, "ar"), year(str(b, "year")), new LinkedHashSet<String>()});
            @SuppressWarnings("unchecked") Set<String> ts = (Set<String>) r[4];
            if (!str(b, "topic").isEmpty()) ts.add(str(b, "topic"));
        });
        List<Snapshot.Instrument> instruments = new ArrayList<>();
        instrumentRows.forEach((iri, r) -> {
            @SuppressWarnings("unchecked") Set<String> ts = (Set<String>) r[4];
            instruments.add(new Snapshot.Instrument(iri, new Snapshot.Text((String) r[1], (String) r[2]), (String) r[3], iri,
                    (String) r[0], List.copyOf(ts)));
        });
        return new Snapshot(List.copyOf(states), List.copyOf(others), List.copyOf(topics), List.copyOf(statuses),
                List.copyOf(sources), List.copyOf(claims), List.copyOf(instruments));
    }

    private interface ConceptSink { void accept(String iri, String code, Snapshot.Text label); }

    private static void concepts(DatasetGraph ds, String scheme, ConceptSink sink) {
        Map<String, String[]> rows = new LinkedHashMap<>();
        select(ds, CONCEPTS, Map.of("scheme", org.apache.jena.graph.NodeFactory.createURI(SCHEME + scheme)), b -> {
            String[] r = rows.computeIfAbsent(str(b, "c"), k -> new String[] {"", "", ""});
            fill(r, 0, str(b, "code"));
            fill(r, 1, str(b, "en"));
            fill(r, 2, str(b, "ar"));
        });
        rows.forEach((iri, r) -> sink.accept(iri, r[0], new Snapshot.Text(r[1], r[2])));
    }

    private static void fill(String[] row, int i, String value) {
        if (row[i].isEmpty() && !value.isEmpty()) row[i] = value;
    }

    private static String year(String gYear) {
        return gYear.length() >= 4 ? gYear.substring(0, 4) : gYear;
    }
}
