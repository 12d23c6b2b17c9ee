package org.w3id.sijill.dump;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.w3id.sijill.tdb2.Tdb2Store;
import org.w3id.sijill.vocab.SIJILL;

/**
 * The description of the Sijill dataset as RDF, in DCAT 3 and VoID terms (with SPDX checksums and
 * DCMI terms).
 * <ul>
 * <li>{@link #provenance}: what every dump carries in its graph {@link #GRAPH}: the dataset, its
 * release ({@code dcterms:hasVersion}), licence, and sources — each external source with its
 * licence and the acknowledgement it asks for ({@code dcterms:rights}).</li>
 * <li>{@link #full}: that plus one {@code dcat:Distribution} per dump file (download URL, IANA
 * media type, compression, byte size, SHA-256), the SPARQL {@code dcat:DataService}, and VoID
 * statistics computed from the store: triples, entities, class and property partitions,
 * vocabularies, and one {@code void:Linkset} per external target and link predicate.</li>
 * </ul>
 *
 * <pre>{@code
 * Graph g = Txn.calculateRead(store, () -> DatasetDescription.full(release, settings, store, catalog));
 * }</pre>
 */
public final class DatasetDescription {
    private DatasetDescription() {}

    /** The dataset's IRI. */
    public static final String DATASET = SIJILL.BASE + "dataset";
    /** The named graph holding the description inside the dumps. */
    public static final String GRAPH = SIJILL.GRAPH + "dataset-description";
    /** The namespace of entity IRIs, {@code void:uriSpace}. */
    public static final String URI_SPACE = SIJILL.ID;

    static final String VOID = "http://rdfs.org/ns/void#";
    static final String SPDX = "http://spdx.org/rdf/terms#";

    /** External datasets the links point into: name → (title, URI space, landing page). */
    static final List<String[]> TARGETS = List.of(
            new String[] {"wikidata", "Wikidata", "http://www.wikidata.org/entity/", "https://www.wikidata.org/"},
            new String[] {"geonames", "GeoNames", "http://sws.geonames.org/", "https://www.geonames.org/"});
    static final List<Node> LINK_PREDICATES = List.of(OWL.sameAs.asNode(), SKOS.closeMatch.asNode());

    /** The dataset-description graph every dump carries. The caller holds a read transaction on {@code store}. */
    public static Graph provenance(Release release, DumpSettings settings, DatasetGraph store) {
        return provenance(release.id(), release.built(), settings, store);
    }

    /**
     * The dataset-description graph of release {@code releaseId} built at {@code built}: all it
     * needs of a release, so dumps can be written before the release's counts are known. The
     * caller holds a read transaction on {@code store}.
     */
    public static Graph provenance(String releaseId, String built, DumpSettings settings, DatasetGraph store) {
        Graph g = GraphFactory.createDefaultGraph();
        Node ds = uri(DATASET);
        g.add(ds, RDF.Nodes.type, DCAT.Dataset.asNode());
        g.add(ds, RDF.Nodes.type, v("Dataset"));
        g.add(ds, DCTerms.title.asNode(), NodeFactory.createLiteralLang("Sijill: register of Arab cyber law and internet-governance actors", "en"));
        g.add(ds, DCTerms.title.asNode(), NodeFactory.createLiteralLang("سجل: سجل القوانين السيبرانية العربية والجهات الفاعلة في حوكمة الإنترنت", "ar"));
        g.add(ds, DCTerms.description.asNode(), NodeFactory.createLiteralLang(
                "Arab cyber law, the institutions that make and enforce it, and the internet-governance initiatives around them, "
                        + "as linked data; every fact with its source.", "en"));
        g.add(ds, DCTerms.hasVersion.asNode(), NodeFactory.createLiteralString(releaseId));
        // the release's date (from its id), not the build time: the same release gives the same bytes
        g.add(ds, DCTerms.issued.asNode(), issued(releaseDate(releaseId, built)));
        g.add(ds, DCTerms.license.asNode(), uri(settings.licence()));
        g.add(ds, v("uriSpace"), NodeFactory.createLiteralString(URI_SPACE));
        // sources: the documents in the store, and the external sources of the register
        Iterator<Node> docs = Iter.map(store.find(Node.ANY, Node.ANY, RDF.Nodes.type, SIJILL.SourceDocument.asNode()),
                q -> q.getSubject());
        java.util.Set<Node> documents = new java.util.TreeSet<>(java.util.Comparator.comparing(Node::toString));
        docs.forEachRemaining(documents::add);
        documents.forEach(d -> g.add(ds, DCTerms.source.asNode(), d));
        for (ExternalSource s : settings.sources()) {
            Node src = uri(s.iri());
            g.add(ds, DCTerms.source.asNode(), src);
            g.add(src, DCTerms.title.asNode(), NodeFactory.createLiteralLang(s.title(), "en"));
            g.add(src, RDFS.seeAlso.asNode(), uri(s.address()));
            if (!s.publisher().isEmpty()) {
                // a label made from the source: the same release gives the same dump bytes
                Node agent = NodeFactory.createBlankNode("publisher-"
                        + java.util.UUID.nameUUIDFromBytes(s.iri().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                g.add(src, DCTerms.publisher.asNode(), agent);
                g.add(agent, RDF.Nodes.type, DCTerms.Agent.asNode());
                g.add(agent, RDFS.label.asNode(), NodeFactory.createLiteralLang(s.publisher(), "en"));
            }
            if (!s.date().isEmpty()) g.add(src, DCTerms.date.asNode(), dateLiteral(s.date()));
            if (!s.licence().isEmpty()) g.add(src, DCTerms.license.asNode(), uri(s.licence()));
            if (!s.acknowledgement().isEmpty()) {
                Node ack = NodeFactory.createLiteralLang(s.acknowledgement(), "en");
                g.add(src, DCTerms.rights.asNode(), ack);
                g.add(ds, DCTerms.rights.asNode(), ack);
            }
        }
        return g;
    }

    /** The full DCAT + VoID description. The caller holds a read transaction on {@code store}. */
    public static Graph full(Release release, DumpSettings settings, DatasetGraph store, DumpCatalog catalog) {
        return full(release, settings, store, catalog, statistics(store));
    }

    /**
     * The full DCAT + VoID description with statistics computed before ({@link #statistics(DatasetGraph)},
     * once per release: they take a pass over the whole store). The caller holds a read transaction on {@code store}.
     */
    public static Graph full(Release release, DumpSettings settings, DatasetGraph store, DumpCatalog catalog, Graph statistics) {
        Graph g = provenance(release, settings, store);
        Node ds = uri(DATASET);
        // distributions
        for (DumpCatalog.DumpFile f : catalog.files()) {
            Node dist = uri(DATASET + "/distribution/" + f.name());
            Node download = uri(settings.downloadUrl(f.name()));
            g.add(ds, DCAT.distribution.asNode(), dist);
            g.add(ds, v("dataDump"), download);
            g.add(dist, RDF.Nodes.type, DCAT.Distribution.asNode());
            g.add(dist, DCTerms.title.asNode(), NodeFactory.createLiteralLang(f.format().description(), "en"));
            g.add(dist, DCAT.downloadURL.asNode(), download);
            g.add(dist, DCAT.accessURL.asNode(), download);
            g.add(dist, DCAT.mediaType.asNode(), uri(f.format().mediaTypeIri()));
            if (f.format().gzip()) g.add(dist, DCAT.compressFormat.asNode(), uri(DumpFormat.IANA + "application/gzip"));
            g.add(dist, DCAT.byteSize.asNode(), NodeFactory.createLiteralDT(Long.toString(f.bytes()), XSDDatatype.XSDnonNegativeInteger));
            g.add(dist, DCTerms.license.asNode(), uri(settings.licence()));
            g.add(dist, DCTerms.hasVersion.asNode(), NodeFactory.createLiteralString(catalog.release()));
            Node sum = NodeFactory.createBlankNode();
            g.add(dist, uri(SPDX + "checksum"), sum);
            g.add(sum, RDF.Nodes.type, uri(SPDX + "Checksum"));
            g.add(sum, uri(SPDX + "algorithm"), uri(SPDX + "checksumAlgorithm_sha256"));
            g.add(sum, uri(SPDX + "checksumValue"), NodeFactory.createLiteralDT(f.sha256(), XSDDatatype.XSDhexBinary));
        }
        // the SPARQL service
        Node endpoint = uri(settings.sparqlEndpoint());
        Node service = uri(DATASET + "/sparql-service");
        g.add(service, RDF.Nodes.type, DCAT.DataService.asNode());
        g.add(service, DCTerms.title.asNode(), NodeFactory.createLiteralLang("Sijill SPARQL endpoint", "en"));
        g.add(service, DCAT.endpointURL.asNode(), endpoint);
        g.add(service, DCAT.servesDataset.asNode(), ds);
        g.add(service, DCTerms.conformsTo.asNode(), uri("https://www.w3.org/TR/sparql11-protocol/"));
        g.add(service, DCTerms.license.asNode(), uri(settings.licence()));
        g.add(ds, v("sparqlEndpoint"), endpoint);
        statistics.find().forEachRemaining(g::add);
        return g;
    }

    /**
     * The VoID statistics of the store (triples, entities, class and property partitions, links),
     * about {@value #DATASET}: one pass over the union of its graphs; in a TDB2 store over its SPOG
     * index on node ids, decoding only the subjects (a block of the node file at a time, in its
     * order), predicates, classes and link objects. The caller holds a read transaction on {@code store}.
     */
    public static Graph statistics(DatasetGraph store) {
        Graph g = GraphFactory.createDefaultGraph();
        statistics(g, uri(DATASET), store);
        return g;
    }

    /** What the statistics count, by node. */
    private static final class Counts {
        final Map<Node, long[]> perProperty = new HashMap<>();
        final Map<Node, long[]> perClass = new HashMap<>();
        final Map<String, long[]> links = new TreeMap<>();
        long triples;
        long entities;

        void subject(Node s) {
            if (s.isURI() && s.getURI().startsWith(URI_SPACE)) entities++;
        }

        /** Counts a triple of the union; {@code newSubject}: its subject was not counted before. */
        void triple(Triple t, boolean newSubject) {
            triples++;
            if (newSubject) subject(t.getSubject());
            perProperty.computeIfAbsent(t.getPredicate(), k -> new long[1])[0]++;
            if (t.getPredicate().equals(RDF.Nodes.type) && t.getObject().isURI()) perClass.computeIfAbsent(t.getObject(), k -> new long[1])[0]++;
            if (LINK_PREDICATES.contains(t.getPredicate()) && t.getObject().isURI()) link(t.getPredicate(), t.getObject(), 1);
        }

        void link(Node predicate, Node object, long n) {
            for (String[] target : TARGETS) {
                if (object.getURI().startsWith(target[2])) links.computeIfAbsent(target[0] + " " + predicate.getURI(), k -> new long[1])[0] += n;
            }
        }
    }

    /** VoID statistics over the union of the store's graphs (one pass, subject order). */
    private static void statistics(Graph g, Node ds, DatasetGraph store) {
        Counts counts = new Counts();
        Graph union = store.getUnionGraph();
        Tdb2Store tdb = Tdb2Store.within(store);
        Iterator<Tuple<NodeId>> spog = tdb == null ? null : tdb.index("SPOG");
        // a subject's triples are adjacent in the index; in any other dataset (small, in memory) the
        // subjects already counted are kept
        java.util.Set<Node> seen = spog == null ? new java.util.HashSet<>() : null;
        if (spog != null) countIds(tdb, spog, counts);
        else union.find().forEachRemaining(t -> counts.triple(t, seen.add(t.getSubject())));
        // The default graph (empty in Sijill, where every triple is in its source's graph) counts
        // only for what the named graphs do not already have.
        Node[] last = {null};
        store.getDefaultGraph().find().forEachRemaining(t -> {
            if (union.contains(t)) return;
            Node s = t.getSubject();
            if (seen != null) {
                counts.triple(t, seen.add(s));
                return;
            }
            if (union.find(s, Node.ANY, Node.ANY).hasNext()) last[0] = s;
            counts.triple(t, !s.equals(last[0]));
            last[0] = s;
        });
        describe(g, ds, counts.triples, counts.entities, counts.perClass, counts.perProperty, counts.links);
    }

    /**
     * Writes counted statistics as VoID: the dataset's figures, its class and property partitions,
     * vocabularies and linksets (also what the tests' reference counting is written with).
     */
    static void describe(Graph g, Node ds, long triples, long entities, Map<Node, long[]> perClass, Map<Node, long[]> perProperty,
                         Map<String, long[]> links) {
        g.add(ds, v("triples"), integer(triples));
        g.add(ds, v("entities"), integer(entities));
        g.add(ds, v("classes"), integer(perClass.size()));
        g.add(ds, v("properties"), integer(perProperty.size()));
        java.util.Set<String> vocabularies = new java.util.TreeSet<>();
        JsonLdContext ctx = JsonLdContext.published();
        sorted(perClass).forEach((c, n) -> {
            Node part = NodeFactory.createBlankNode();
            g.add(ds, v("classPartition"), part);
            g.add(part, v("class"), c);
            g.add(part, v("entities"), integer(n[0]));
            vocabulary(ctx, c, vocabularies);
        });
        sorted(perProperty).forEach((p, n) -> {
            Node part = NodeFactory.createBlankNode();
            g.add(ds, v("propertyPartition"), part);
            g.add(part, v("property"), p);
            g.add(part, v("triples"), integer(n[0]));
            vocabulary(ctx, p, vocabularies);
        });
        vocabularies.forEach(ns -> g.add(ds, v("vocabulary"), uri(ns)));
        for (String[] target : TARGETS) {
            Node t = uri(DATASET + "/target/" + target[0]);
            boolean used = false;
            for (Node p : LINK_PREDICATES) {
                long[] n = links.get(target[0] + " " + p.getURI());
                if (n == null) continue;
                used = true;
                Node ls = uri(DATASET + "/linkset/" + target[0] + "-" + p.getLocalName().toLowerCase(java.util.Locale.ROOT));
                g.add(ds, v("subset"), ls);
                g.add(ls, RDF.Nodes.type, v("Linkset"));
                g.add(ls, v("linkPredicate"), p);
                g.add(ls, v("subjectsTarget"), ds);
                g.add(ls, v("objectsTarget"), t);
                g.add(ls, v("triples"), integer(n[0]));
            }
            if (used) {
                g.add(t, RDF.Nodes.type, v("Dataset"));
                g.add(t, DCTerms.title.asNode(), NodeFactory.createLiteralLang(target[1], "en"));
                g.add(t, v("uriSpace"), NodeFactory.createLiteralString(target[2]));
                g.add(t, DCAT.landingPage.asNode(), uri(target[3]));
            }
        }
    }

    /**
     * Counts the union of a TDB2 store's named graphs from one pass over its SPOG index, on node
     * ids: a triple's copies in several graphs, and a subject's triples, are adjacent there, and
     * subjects come in the order of the node file, so each is decoded once, a block at a time. Only
     * the predicates, the classes and the objects of link predicates are decoded besides, each once.
     */
    private static void countIds(Tdb2Store tdb, Iterator<Tuple<NodeId>> spog, Counts counts) {
        NodeId type = tdb.id(RDF.Nodes.type);
        List<NodeId> linkIds = new ArrayList<>();
        for (Node p : LINK_PREDICATES) linkIds.add(tdb.id(p));
        Map<NodeId, long[]> perProperty = new HashMap<>();
        // objects that may be IRIs (never inline) of rdf:type and of each link predicate
        Map<NodeId, long[]> perClass = new HashMap<>();
        List<Map<NodeId, long[]>> linkObjects = new ArrayList<>();
        for (int i = 0; i < linkIds.size(); i++) linkObjects.add(new HashMap<>());
        Tdb2Store.Reader subjects = tdb.reader();
        NodeId s0 = null, p0 = null, o0 = null;
        long triples = 0;
        try {
            while (spog.hasNext()) {
                Tuple<NodeId> t = spog.next();
                NodeId s = t.get(1), p = t.get(2), o = t.get(3);
                boolean newSubject = !Tdb2Store.same(s, s0);
                if (!newSubject && Tdb2Store.same(p, p0) && Tdb2Store.same(o, o0)) continue;  // the triple in another graph
                if (newSubject) counts.subject(subjects.node(s));
                s0 = s;
                p0 = p;
                o0 = o;
                triples++;
                perProperty.computeIfAbsent(p, k -> new long[1])[0]++;
                if (o.isInline()) continue;
                if (Tdb2Store.same(p, type)) perClass.computeIfAbsent(o, k -> new long[1])[0]++;
                for (int i = 0; i < linkIds.size(); i++) {
                    if (Tdb2Store.same(p, linkIds.get(i))) linkObjects.get(i).computeIfAbsent(o, k -> new long[1])[0]++;
                }
            }
        } finally {
            Iter.close(spog);
        }
        counts.triples += triples;
        tdb.decode(perProperty.keySet(), (id, p) -> counts.perProperty.computeIfAbsent(p, k -> new long[1])[0] += perProperty.get(id)[0]);
        tdb.decode(perClass.keySet(), (id, c) -> {
            if (c.isURI()) counts.perClass.computeIfAbsent(c, k -> new long[1])[0] += perClass.get(id)[0];
        });
        for (int i = 0; i < linkIds.size(); i++) {
            Node p = LINK_PREDICATES.get(i);
            Map<NodeId, long[]> objects = linkObjects.get(i);
            tdb.decode(objects.keySet(), (id, o) -> {
                if (o.isURI()) counts.link(p, o, objects.get(id)[0]);
            });
        }
    }

    private static void vocabulary(JsonLdContext ctx, Node term, java.util.Set<String> out) {
        if (!term.isURI()) return;
        String best = null;
        for (String ns : ctx.prefixes().values()) {
            if (term.getURI().startsWith(ns) && (best == null || ns.length() > best.length())) best = ns;
        }
        // entity and graph namespaces of Sijill are not vocabularies
        if (best != null && !best.equals(SIJILL.ID) && !best.equals(SIJILL.GRAPH)) out.add(best);
    }

    private static <V> Map<Node, V> sorted(Map<Node, V> m) {
        Map<Node, V> out = new TreeMap<>(java.util.Comparator.comparing(Node::toString));
        out.putAll(m);
        return out;
    }

    /** @return the date of a release id {@code yyyy-MM-dd-…}, else its build time */
    static String releaseDate(String id, String built) {
        return id.length() >= 10 && XSDDatatype.XSDdate.isValid(id.substring(0, 10)) ? id.substring(0, 10) : built;
    }

    private static Node issued(String built) {
        // the loader writes an ISO timestamp; keep it typed when it is one, as a plain string otherwise
        if (XSDDatatype.XSDdateTime.isValid(built)) return NodeFactory.createLiteralDT(built, XSDDatatype.XSDdateTime);
        if (XSDDatatype.XSDdate.isValid(built)) return NodeFactory.createLiteralDT(built, XSDDatatype.XSDdate);
        return NodeFactory.createLiteralString(built);
    }

    private static Node dateLiteral(String d) {
        if (XSDDatatype.XSDdate.isValid(d)) return NodeFactory.createLiteralDT(d, XSDDatatype.XSDdate);
        if (XSDDatatype.XSDgYearMonth.isValid(d)) return NodeFactory.createLiteralDT(d, XSDDatatype.XSDgYearMonth);
        if (XSDDatatype.XSDgYear.isValid(d)) return NodeFactory.createLiteralDT(d, XSDDatatype.XSDgYear);
        return NodeFactory.createLiteralString(d);
    }

    private static Node integer(long n) { return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger); }

    private static Node v(String local) { return uri(VOID + local); }

    private static Node uri(String s) { return NodeFactory.createURI(s); }

    /** @return every predicate and class (object of {@code rdf:type}) a description graph uses */
    public static List<Node> termsUsed(Graph g) {
        List<Node> out = new ArrayList<>();
        g.find().forEachRemaining(t -> {
            if (!out.contains(t.getPredicate())) out.add(t.getPredicate());
            if (t.getPredicate().equals(RDF.Nodes.type) && !out.contains(t.getObject())) out.add(t.getObject());
        });
        return out;
    }
}
