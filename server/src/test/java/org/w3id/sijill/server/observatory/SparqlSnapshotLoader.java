package org.w3id.sijill.server.observatory;

import static org.w3id.sijill.server.observatory.StoreRows.select;
import static org.w3id.sijill.server.observatory.StoreRows.str;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;

/**
 * The observatory's snapshot as {@link SnapshotLoader} read it before issue 13's index scans: a
 * handful of SELECT queries over the union graph, with their ORDER BY. Kept as the specification
 * the scans must match ({@code SnapshotLoaderTest}); the states and concepts, which the scans did not
 * change, are read by {@link SnapshotLoader#statesAndConcepts} for both.
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

    /** @return the snapshot of the store */
    public static Snapshot load(DatasetGraph dataset) {
        return Txn.calculateRead(dataset, () -> read(dataset));
    }

    private static Snapshot read(DatasetGraph ds) {
        // the states and concepts are read as SnapshotLoader reads them (small SELECTs, unchanged by the scans)
        SnapshotLoader.StatesAndConcepts base = SnapshotLoader.statesAndConcepts(ds);
        List<Snapshot.State> states = base.states();
        Map<String, List<Snapshot.Instrument>> named = new LinkedHashMap<>();
        select(ds, NAMED, b -> named.computeIfAbsent(str(b, "claim"), k -> new ArrayList<>()).add(
                new Snapshot.Instrument(str(b, "i"), new Snapshot.Text(str(b, "en"), str(b, "ar")), SnapshotLoader.year(str(b, "year")),
                        str(b, "i"), "", List.of())));
        select(ds, CITED, b -> {
            String title = str(b, "title");
            Matcher m = SnapshotLoader.CITED_YEAR.matcher(title);
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
            SnapshotLoader.fill(r, 2, str(b, "date"));
        });
        List<Snapshot.Source> sources = new ArrayList<>();
        sourceRows.forEach((iri, r) -> sources.add(new Snapshot.Source(iri, iri.substring(iri.lastIndexOf('/') + 1),
                new Snapshot.Text(r[0], r[1]), r[2])));

        Map<String, Object[]> instrumentRows = new LinkedHashMap<>();
        select(ds, INSTRUMENTS, b -> {
            if (!leagueCodes.contains(str(b, "iso2"))) return;
            Object[] r = instrumentRows.computeIfAbsent(str(b, "i"), k -> new Object[] {
                    str(b, "iso2"), str(b, "en"), str(b, "ar"), SnapshotLoader.year(str(b, "year")), new LinkedHashSet<String>()});
            @SuppressWarnings("unchecked") Set<String> ts = (Set<String>) r[4];
            if (!str(b, "topic").isEmpty()) ts.add(str(b, "topic"));
        });
        List<Snapshot.Instrument> instruments = new ArrayList<>();
        instrumentRows.forEach((iri, r) -> {
            @SuppressWarnings("unchecked") Set<String> ts = (Set<String>) r[4];
            instruments.add(new Snapshot.Instrument(iri, new Snapshot.Text((String) r[1], (String) r[2]), (String) r[3], iri,
                    (String) r[0], List.copyOf(ts)));
        });
        return new Snapshot(List.copyOf(states), List.copyOf(base.others()), List.copyOf(base.topics()), List.copyOf(base.statuses()),
                List.copyOf(sources), List.copyOf(claims), List.copyOf(instruments));
    }
}
