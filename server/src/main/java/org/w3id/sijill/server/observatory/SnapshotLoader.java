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
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.util.NodeCmp;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;

/**
 * Reads a {@link Snapshot} from the union of the store's named graphs, in one read transaction,
 * every value copied into plain strings before the transaction ends (TDB2 rows resolve their nodes
 * lazily and must not be read after it): the countries, concepts and sources by small SELECT
 * queries, the claims and instruments (hundreds of thousands in a large store) by one index scan of
 * each predicate they use, joined and sorted here as the SELECT queries that read them before
 * joined and sorted them (see {@link #scan}).
 *
 * <pre>{@code
 * Snapshot s = SnapshotLoader.load(datasetGraph);
 * }</pre>
 */
public final class SnapshotLoader {
    private SnapshotLoader() {}

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SnapshotLoader.class);

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
    /** The titles, labels and date of one source (its IRI bound to ?src), as the observatory shows it. */
    private static final String SOURCE = PREFIXES + """
            SELECT DISTINCT ?p ?l ?date WHERE { GRAPH <urn:x-arq:UnionGraph> {
              OPTIONAL { ?src ?p ?l FILTER(?p IN (dcterms:title, rdfs:label) && lang(?l) IN ("en", "ar")) }
              OPTIONAL { ?src dcterms:date ?date }
            } }
            """;

    private static final Node TYPE = org.apache.jena.vocabulary.RDF.type.asNode();
    private static final Node LABEL = org.apache.jena.vocabulary.RDFS.label.asNode();
    private static final Node NOTATION = org.apache.jena.vocabulary.SKOS.notation.asNode();
    private static final Node LEGAL_STATUS = org.w3id.sijill.vocab.SIJILL.LegalStatus.asNode();
    private static final Node JURISDICTION = org.w3id.sijill.vocab.SIJILL.jurisdiction.asNode();
    private static final Node TOPIC = org.w3id.sijill.vocab.SIJILL.topic.asNode();
    private static final Node STATUS = org.w3id.sijill.vocab.SIJILL.status.asNode();
    private static final Node AS_OF = org.w3id.sijill.vocab.SIJILL.asOf.asNode();
    private static final Node ISO2 = org.w3id.sijill.vocab.SIJILL.iso2.asNode();
    private static final Node INSTRUMENT = org.w3id.sijill.vocab.SIJILL.instrument.asNode();
    private static final Node CITED_INSTRUMENT = org.w3id.sijill.vocab.SIJILL.citedInstrument.asNode();
    private static final Node EVIDENCE = org.w3id.sijill.vocab.SIJILL.evidence.asNode();
    private static final Node ORDINAL = org.w3id.sijill.vocab.SIJILL.ordinal.asNode();
    private static final Node YEAR_ADOPTED = org.w3id.sijill.vocab.SIJILL.yearAdopted.asNode();
    private static final Node DERIVED_FROM = uri("http://www.w3.org/ns/prov#wasDerivedFrom");
    private static final Node VALUE = uri("http://www.w3.org/ns/prov#value");
    private static final Node QUOTED_FROM = uri("http://www.w3.org/ns/prov#wasQuotedFrom");
    private static final Node TITLE = org.apache.jena.vocabulary.DCTerms.title.asNode();
    private static final Node PAGE = uri("http://xmlns.com/foaf/0.1/page");
    /** The classes of the legal instruments of a state. */
    private static final List<Node> INSTRUMENT_CLASSES = java.util.stream.Stream.of(org.w3id.sijill.vocab.SIJILL.LegalInstrument,
            org.w3id.sijill.vocab.SIJILL.Law, org.w3id.sijill.vocab.SIJILL.DraftLaw, org.w3id.sijill.vocab.SIJILL.Treaty,
            org.w3id.sijill.vocab.SIJILL.Policy, org.w3id.sijill.vocab.SIJILL.Resolution, org.w3id.sijill.vocab.SIJILL.Declaration)
            .map(org.apache.jena.rdf.model.Resource::asNode).toList();

    /** The order of the legend and the progression of a law: none, draft, enacted. */
    private static final List<String> STATUS_ORDER = List.of("enacted", "draft", "none", "no-data");

    /** A year in a cited title: "Law No. 151 of 2020", "Law No. 81/2018", "Issued on 10/11/2020". */
    static final Pattern CITED_YEAR = Pattern.compile("(?:\\bof\\s+|/)((?:19|20)\\d{2})\\b");

    /** @return the snapshot of the store */
    public static Snapshot load(DatasetGraph dataset) {
        return Txn.calculateRead(dataset, () -> read(dataset));
    }

    private static Snapshot read(DatasetGraph ds) {
        long t0 = System.nanoTime();
        StatesAndConcepts base = statesAndConcepts(ds);
        List<Snapshot.State> states = base.states();
        Set<String> leagueCodes = new LinkedHashSet<>();
        states.forEach(s -> leagueCodes.add(s.iso2()));
        Scanned scanned = new Scanned();
        long t1 = System.nanoTime();
        scan(ds, UnionScan.of(ds), leagueCodes, scanned);
        long t3 = System.nanoTime();

        Map<String, String[]> sourceRows = new TreeMap<>();
        for (Node src : scanned.sources) {
            // the source's own triples, as the union graph holds them
            select(ds, SOURCE, Map.of("src", src), b -> {
                String[] r = sourceRows.computeIfAbsent(text(src), k -> new String[] {"", "", "", ""});
                Node l = b.get("l");
                if (l != null) {
                    boolean title = str(b, "p").endsWith("title");
                    int i = "ar".equals(l.getLiteralLanguage()) ? 1 : 0;
                    // a title wins over a label
                    if (r[i].isEmpty() || title) r[i] = l.getLiteralLexicalForm();
                }
                fill(r, 2, str(b, "date"));
            });
        }
        List<Snapshot.Source> sources = new ArrayList<>();
        sourceRows.forEach((iri, r) -> sources.add(new Snapshot.Source(iri, iri.substring(iri.lastIndexOf('/') + 1),
                new Snapshot.Text(r[0], r[1]), r[2])));
        List<Snapshot.Claim> claims = scanned.claims;
        List<Snapshot.Instrument> instruments = scanned.instruments;
        long t4 = System.nanoTime();
        LOG.info("observatory snapshot read in {} ms ({} claims, {} instruments): states and concepts {} ms, index scans {} ms,"
                + " rows {} ms, sources {} ms", ms(t4 - t0), claims.size(), instruments.size(), ms(t1 - t0), ms(scanned.scanned - t1),
                ms(t3 - scanned.scanned), ms(t4 - t3));
        return new Snapshot(List.copyOf(states), List.copyOf(base.others()), List.copyOf(base.topics()), List.copyOf(base.statuses()),
                List.copyOf(sources), List.copyOf(claims), List.copyOf(instruments));
    }

    /** The states (League members and others), law topics and legal statuses: small SELECTs, in the snapshot's order. */
    record StatesAndConcepts(List<Snapshot.State> states, List<Snapshot.State> others, List<Snapshot.Topic> topics,
                             List<Snapshot.Status> statuses) {}

    /** @return the states and concepts of the store (the caller holds a read transaction) */
    static StatesAndConcepts statesAndConcepts(DatasetGraph ds) {
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

        return new StatesAndConcepts(states, others, topics, statuses);
    }

    /** What {@link #scan} reads: the claims about League states, their sources, the League states' instruments. */
    private static final class Scanned {
        List<Snapshot.Claim> claims;
        List<Snapshot.Instrument> instruments;
        /** When the predicates were scanned (System.nanoTime), the rows not yet made. */
        long scanned;
        /** The sources of every legal-status claim, each once. */
        final Set<Node> sources = new LinkedHashSet<>();
    }

    /**
     * Reads the claims and instruments from one scan of each predicate they use (see
     * {@link UnionScan}), joined here: the same rows, in the same order, as the SELECT queries over
     * the union graph that this replaces (kept in the tests as {@code SparqlSnapshotLoader}), whose
     * joins looked every claim's properties up one by one. Each kind of row is sorted as those
     * queries sorted it: by their ORDER BY keys compared as SPARQL compares values, then by every
     * variable in name order compared as RDF terms (ARQ's {@code BindingComparator}); a path's
     * hidden variable ({@code ??P0}) comes first.
     */
    private static <K> void scan(DatasetGraph ds, UnionScan<K> scan, Set<String> leagueCodes, Scanned out) {
        Decoder<K> nodes = new Decoder<>(scan);
        List<K> claimIds = scan.subjects(TYPE, LEGAL_STATUS);
        Set<K> claimSet = new java.util.HashSet<>(claimIds);
        Map<K, List<Node>> instrumentClasses = new HashMap<>();
        for (Node cls : INSTRUMENT_CLASSES) {
            for (K i : scan.subjects(TYPE, cls)) instrumentClasses.computeIfAbsent(i, k -> new ArrayList<>()).add(cls);
        }
        Set<K> claimsAndInstruments = new java.util.HashSet<>(claimSet);
        claimsAndInstruments.addAll(instrumentClasses.keySet());
        Map<K, List<K>> jurisdiction = scan.values(JURISDICTION, claimsAndInstruments);
        Map<K, List<K>> topic = scan.values(TOPIC, claimsAndInstruments);
        Map<K, List<K>> status = scan.values(STATUS, claimSet);
        Map<K, List<K>> asOf = scan.values(AS_OF, claimSet);
        Map<K, List<K>> source = scan.values(DERIVED_FROM, claimSet);
        Map<K, List<K>> iso2 = scan.values(ISO2, scan.subjectsAmong(jurisdiction));
        Set<K> concepts = scan.subjectsAmong(topic);
        concepts.addAll(scan.subjectsAmong(status));
        Map<K, List<K>> notation = scan.values(NOTATION, concepts);
        Map<K, List<K>> named = scan.values(INSTRUMENT, claimSet);
        Map<K, List<K>> cited = scan.values(CITED_INSTRUMENT, claimSet);
        Map<K, List<K>> evidence = scan.values(EVIDENCE, claimSet);
        Set<K> instrumentSet = scan.subjectsAmong(named);
        instrumentSet.addAll(instrumentClasses.keySet());
        Map<K, List<K>> labels = scan.values(LABEL, instrumentSet);
        Map<K, List<K>> year = scan.values(YEAR_ADOPTED, instrumentSet);
        Set<K> citedSet = scan.subjectsAmong(cited);
        Map<K, List<K>> citedTitle = scan.values(TITLE, citedSet);
        Map<K, List<K>> citedPage = scan.values(PAGE, citedSet);
        Map<K, List<K>> citedOrdinal = scan.values(ORDINAL, citedSet);
        Set<K> evidenceSet = scan.subjectsAmong(evidence);
        Map<K, List<K>> quoteValue = scan.values(VALUE, evidenceSet);
        Map<K, List<K>> quotedFrom = scan.values(QUOTED_FROM, evidenceSet);

        List<K> toDecode = new ArrayList<>(claimIds);
        toDecode.addAll(instrumentSet);
        for (K i : instrumentSet) toDecode.addAll(get(labels, i));
        nodes.prefetch(toDecode);
        out.scanned = System.nanoTime();

        // CLAIMS: ?P0 ?asOf ?c ?claim ?iso2 ?src ?status ?t ?topic, ORDER BY ?iso2 ?topic ?asOf ?claim
        Rows claimRows = new Rows(4, 8, 1, 3);
        Set<String> leagueClaims = new java.util.HashSet<>();
        for (K claim : claimIds) {
            Node claimNode = null;
            for (K src : get(source, claim)) out.sources.add(nodes.node(src));
            for (K c : get(jurisdiction, claim)) for (K code : get(iso2, c)) {
                Node codeNode = nodes.node(code);
                if (!leagueCodes.contains(text(codeNode))) continue;
                if (claimNode == null) claimNode = nodes.node(claim);
                for (K t : get(topic, claim)) for (K tn : get(notation, t)) for (K st : get(status, claim)) for (K sn : get(notation, st))
                    for (K d : get(asOf, claim)) for (K src : get(source, claim)) {
                        claimRows.add(nodes.node(st), nodes.node(d), nodes.node(c), claimNode, codeNode, nodes.node(src),
                                nodes.node(sn), nodes.node(t), nodes.node(tn));
                    }
            }
            if (claimNode != null) leagueClaims.add(text(claimNode));
        }
        // the instruments and quotes of the claims kept, by claim IRI ("" for every blank node, as before)
        java.util.function.Predicate<K> kept = claim -> leagueClaims.contains(text(nodes.node(claim)));

        // NAMED: ?ar ?claim ?en ?i ?year, ORDER BY ?claim ?i
        Rows namedRows = new Rows(1, 3);
        for (K claim : claimIds) {
            if (!named.containsKey(claim) || !kept.test(claim)) continue;
            Node claimNode = nodes.node(claim);
            for (K i : named.get(claim)) {
                List<Node> en = languaged(nodes, labels.get(i), "en");
                List<Node> ar = languaged(nodes, labels.get(i), "ar");
                for (Node a : ar) for (Node e : en) for (Node y : optional(nodes, year.get(i)))
                    namedRows.add(a, claimNode, e, nodes.node(i), y);
            }
        }
        Map<String, List<Snapshot.Instrument>> instrumentsOf = new HashMap<>();
        for (Node[] r : namedRows.sorted()) {
            instrumentsOf.computeIfAbsent(text(r[1]), k -> new ArrayList<>()).add(new Snapshot.Instrument(text(r[3]),
                    new Snapshot.Text(text(r[2]), text(r[0])), year(text(r[4])), text(r[3]), "", List.of()));
        }
        // CITED: ?ci ?claim ?n ?page ?title, ORDER BY ?claim ?n ?title
        Rows citedRows = new Rows(1, 2, 4);
        for (K claim : claimIds) {
            if (!cited.containsKey(claim) || !kept.test(claim)) continue;
            Node claimNode = nodes.node(claim);
            for (K ci : cited.get(claim)) for (K title : get(citedTitle, ci)) for (K page : get(citedPage, ci))
                for (Node n : optional(nodes, citedOrdinal.get(ci))) citedRows.add(nodes.node(ci), claimNode, n, nodes.node(page), nodes.node(title));
        }
        for (Node[] r : citedRows.sorted()) {
            String title = text(r[4]);
            Matcher m = CITED_YEAR.matcher(title);
            instrumentsOf.computeIfAbsent(text(r[1]), k -> new ArrayList<>()).add(new Snapshot.Instrument("",
                    new Snapshot.Text(title, ""), m.find() ? m.group(1) : "", text(r[3]), "", List.of()));
        }
        // QUOTES: ?claim ?e ?passage ?q, ORDER BY ?claim ?q
        Rows quoteRows = new Rows(0, 3);
        for (K claim : claimIds) {
            if (!evidence.containsKey(claim) || !kept.test(claim)) continue;
            Node claimNode = nodes.node(claim);
            for (K e : evidence.get(claim)) for (K q : get(quoteValue, e)) for (Node passage : optional(nodes, quotedFrom.get(e)))
                quoteRows.add(claimNode, nodes.node(e), passage, nodes.node(q));
        }
        Map<String, List<Snapshot.Quote>> quotes = new HashMap<>();
        for (Node[] r : quoteRows.sorted()) {
            Node q = r[3];
            quotes.computeIfAbsent(text(r[0]), k -> new ArrayList<>()).add(new Snapshot.Quote(q.getLiteralLexicalForm(),
                    q.getLiteralLanguage().isEmpty() ? "en" : q.getLiteralLanguage(), text(r[2])));
        }
        List<Snapshot.Claim> claims = new ArrayList<>();
        for (Node[] r : claimRows.sorted()) {
            String iri = text(r[3]);
            claims.add(new Snapshot.Claim(iri, text(r[4]), text(r[8]), text(r[6]), text(r[1]), text(r[5]),
                    List.copyOf(instrumentsOf.getOrDefault(iri, List.of())), List.copyOf(quotes.getOrDefault(iri, List.of()))));
        }
        out.claims = claims;

        // INSTRUMENTS: ?P0 ?ar ?c ?cls ?en ?i ?iso2 ?topic ?year, ORDER BY ?iso2 ?year ?i ?topic
        Rows instrumentRows = new Rows(6, 8, 5, 7);
        for (Map.Entry<K, List<Node>> e : instrumentClasses.entrySet()) {
            K i = e.getKey();
            Node iNode = null;
            for (K c : get(jurisdiction, i)) for (K code : get(iso2, c)) {
                Node codeNode = nodes.node(code);
                if (!leagueCodes.contains(text(codeNode))) continue;
                if (iNode == null) iNode = nodes.node(i);
                List<Node[]> topics = new ArrayList<>();
                for (K t : get(topic, i)) for (K tn : get(notation, t)) topics.add(new Node[] {nodes.node(t), nodes.node(tn)});
                if (topics.isEmpty()) topics.add(new Node[] {null, null});
                List<Node> en = languaged(nodes, labels.get(i), "en");
                List<Node> ar = languaged(nodes, labels.get(i), "ar");
                for (Node cls : e.getValue()) for (Node a : ar) for (Node en1 : en) for (Node y : optional(nodes, year.get(i))) for (Node[] t : topics)
                    instrumentRows.add(t[0], a, nodes.node(c), cls, en1, iNode, codeNode, t[1], y);
            }
        }
        Map<String, Object[]> byInstrument = new LinkedHashMap<>();
        for (Node[] r : instrumentRows.sorted()) {
            Object[] row = byInstrument.computeIfAbsent(text(r[5]), k -> new Object[] {
                    text(r[6]), text(r[4]), text(r[1]), year(text(r[8])), new LinkedHashSet<String>()});
            @SuppressWarnings("unchecked") Set<String> ts = (Set<String>) row[4];
            if (!text(r[7]).isEmpty()) ts.add(text(r[7]));
        }
        List<Snapshot.Instrument> instruments = new ArrayList<>();
        byInstrument.forEach((iri, r) -> {
            @SuppressWarnings("unchecked") Set<String> ts = (Set<String>) r[4];
            instruments.add(new Snapshot.Instrument(iri, new Snapshot.Text((String) r[1], (String) r[2]), (String) r[3], iri,
                    (String) r[0], List.copyOf(ts)));
        });
        out.instruments = instruments;
    }

    /**
     * The solutions of one of the replaced queries, each row its variables' values in the order of
     * their names ({@code null}: unbound), sorted as ARQ sorts them for the query's ORDER BY.
     */
    private static final class Rows {
        private record Row(Node[] vars, NodeValue[] keys) {}

        private final int[] keys;
        private final List<Row> rows = new ArrayList<>();
        private final Map<Node, NodeValue> values = new HashMap<>();

        /** @param keys the columns of the ORDER BY keys, in their order */
        Rows(int... keys) {
            this.keys = keys;
        }

        void add(Node... row) {
            NodeValue[] k = new NodeValue[keys.length];
            for (int i = 0; i < keys.length; i++) {
                Node n = row[keys[i]];
                k[i] = n == null ? null : values.computeIfAbsent(n, NodeValue::makeNode);
            }
            rows.add(new Row(row, k));
        }

        List<Node[]> sorted() {
            values.clear();
            rows.sort((a, b) -> {
                for (int k = 0; k < keys.length; k++) {
                    int x = compareValues(a.keys[k], b.keys[k]);
                    if (x != 0) return x;
                }
                for (int i = 0; i < a.vars.length; i++) {
                    int x = NodeCmp.compareRDFTerms(a.vars[i], b.vars[i]);
                    if (x != 0) return x;
                }
                return 0;
            });
            List<Node[]> out = new ArrayList<>(rows.size());
            for (Row r : rows) out.add(r.vars);
            rows.clear();
            return out;
        }

        /** As ARQ compares the values of an ORDER BY key: unbound first, then SPARQL's order of values. */
        private static int compareValues(NodeValue a, NodeValue b) {
            if (a == null) return b == null ? 0 : -1;
            if (b == null) return 1;
            return NodeValue.compareAlways(a, b);
        }
    }

    private static <K> List<K> get(Map<K, List<K>> values, K subject) {
        return values.getOrDefault(subject, List.of());
    }

    /** @return the values decoded, or one {@code null} (an OPTIONAL that matched nothing) */
    private static <K> List<Node> optional(Decoder<K> nodes, List<K> values) {
        if (values == null || values.isEmpty()) return java.util.Collections.singletonList(null);
        List<Node> out = new ArrayList<>(values.size());
        for (K v : values) out.add(nodes.node(v));
        return out;
    }

    /** @return the literals in the language ({@code FILTER(lang(?l) = "en")}), or one {@code null} when there is none */
    private static <K> List<Node> languaged(Decoder<K> nodes, List<K> values, String lang) {
        List<Node> out = new ArrayList<>(1);
        if (values != null) {
            for (K v : values) {
                Node n = nodes.node(v);
                if (n.isLiteral() && lang.equals(n.getLiteralLanguage())) out.add(n);
            }
        }
        if (out.isEmpty()) out.add(null);
        return out;
    }

    /**
     * Decodes keys into nodes, each once: those of the many claims, instruments and labels at once
     * ({@link #prefetch}), in the order of the store's node file rather than in the order rows
     * need them.
     */
    private static final class Decoder<K> {
        private final UnionScan<K> scan;
        private final Map<K, Node> decoded = new HashMap<>();

        Decoder(UnionScan<K> scan) {
            this.scan = scan;
        }

        Node node(K key) {
            // a TDB2 node id's hash and equality ignore its type: only IRIs, blank nodes and long literals (never inline) are kept
            if (!scan.maySubject(key)) return scan.node(key);
            Node n = decoded.get(key);
            if (n == null) {
                n = scan.node(key);
                decoded.put(key, n);
            }
            return n;
        }

        /** Decodes the keys at once (see {@link UnionScan#decode}). */
        void prefetch(java.util.Collection<K> keys) {
            List<K> todo = new ArrayList<>(keys.size());
            for (K k : keys) if (scan.maySubject(k) && !decoded.containsKey(k)) todo.add(k);
            scan.decode(todo, decoded::put);
        }
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

    static void fill(String[] row, int i, String value) {
        if (row[i].isEmpty() && !value.isEmpty()) row[i] = value;
    }

    /** @return the IRI or lexical form of a node, or "" (unbound or a blank node), as {@link StoreRows#str} */
    private static String text(Node n) {
        if (n == null) return "";
        if (n.isURI()) return n.getURI();
        if (n.isLiteral()) return n.getLiteralLexicalForm();
        return "";
    }

    private static Node uri(String iri) {
        return org.apache.jena.graph.NodeFactory.createURI(iri);
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000L;
    }

    static String year(String gYear) {
        return gYear.length() >= 4 ? gYear.substring(0, 4) : gYear;
    }
}
