package org.w3id.sijill.dump;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.w3id.sijill.vocab.SIJILL;

/**
 * The VoID statistics as {@link DatasetDescription#statistics} computed them before they were
 * counted on node ids (a copy of that code, the reference the new way is compared with): one pass
 * over the union's triples, every node decoded through TDB2's node table.
 */
final class FormerStatistics {
    private FormerStatistics() {}

    private static final String DATASET = DatasetDescription.DATASET;
    private static final String URI_SPACE = DatasetDescription.URI_SPACE;
    private static final List<String[]> TARGETS = List.of(
            new String[] {"wikidata", "Wikidata", "http://www.wikidata.org/entity/", "https://www.wikidata.org/"},
            new String[] {"geonames", "GeoNames", "http://sws.geonames.org/", "https://www.geonames.org/"});
    private static final List<Node> LINK_PREDICATES = List.of(OWL.sameAs.asNode(), SKOS.closeMatch.asNode());

    /** @return the statistics of {@code store} (the caller holds a read transaction) */
    static Graph statistics(DatasetGraph store) {
        Graph g = GraphFactory.createDefaultGraph();
        statistics(g, uri(DATASET), store);
        return g;
    }

    /** VoID statistics over the union of the store's graphs (one pass, subject order), as {@code DatasetDescription} computed them before. */
    static void statistics(Graph g, Node ds, DatasetGraph store) {
        Map<Node, long[]> perProperty = new HashMap<>();
        Map<Node, long[]> perClass = new HashMap<>();
        Map<String, long[]> links = new TreeMap<>();
        long[] triples = {0};
        long[] entities = {0};
        Node[] last = {null};
        // on TDB2 in one pass over its SPOG index: the union graph's find() keeps every triple it
        // has seen in a set to drop the copies in several graphs (gigabytes at 10^7 triples)
        java.util.Iterator<Triple> spog = union(store);
        // a subject's triples are adjacent in the index; in any other dataset (small, in memory) the
        // subjects already counted are kept
        java.util.Set<Node> seen = spog == null ? new java.util.HashSet<>() : null;
        java.util.function.Consumer<Triple> count = t -> {
            triples[0]++;
            Node s = t.getSubject();
            if (seen != null ? seen.add(s) : !s.equals(last[0])) {
                last[0] = s;
                if (s.isURI() && s.getURI().startsWith(URI_SPACE)) entities[0]++;
            }
            perProperty.computeIfAbsent(t.getPredicate(), k -> new long[1])[0]++;
            if (t.getPredicate().equals(RDF.Nodes.type) && t.getObject().isURI()) perClass.computeIfAbsent(t.getObject(), k -> new long[1])[0]++;
            if (LINK_PREDICATES.contains(t.getPredicate()) && t.getObject().isURI()) {
                for (String[] target : TARGETS) {
                    if (t.getObject().getURI().startsWith(target[2])) {
                        links.computeIfAbsent(target[0] + " " + t.getPredicate().getURI(), k -> new long[1])[0]++;
                    }
                }
            }
        };
        Graph union = store.getUnionGraph();
        if (spog != null) spog.forEachRemaining(count);
        else union.find().forEachRemaining(count);
        // The default graph (empty in Sijill, where every triple is in its source's graph) counts
        // only for what the named graphs do not already have.
        last[0] = null;
        store.getDefaultGraph().find().forEachRemaining(t -> {
            if (union.contains(t)) return;
            if (union.find(t.getSubject(), Node.ANY, Node.ANY).hasNext()) last[0] = t.getSubject();
            count.accept(t);
        });

        g.add(ds, v("triples"), integer(triples[0]));
        g.add(ds, v("entities"), integer(entities[0]));
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

    /** The former {@code Tdb2Quads.unionTriples}: the union's triples from the SPOG index, every node decoded through the node table. */
    private static java.util.Iterator<Triple> union(DatasetGraph store) {
        Tdb2Quads quads = Tdb2Quads.overIndex(store, "SPOG");
        return quads == null ? null : Iter.distinctAdjacent(Iter.map(quads, org.apache.jena.sparql.core.Quad::asTriple));
    }

    private static Node integer(long n) { return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger); }

    private static Node v(String local) { return uri(DatasetDescription.VOID + local); }

    private static Node uri(String s) { return NodeFactory.createURI(s); }
}
