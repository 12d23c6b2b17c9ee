package org.w3id.sijill.server.ld;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.shared.PrefixMapping;
import java.util.Iterator;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.vocab.SIJILL;

/**
 * Everything needed to render or serve one resource, gathered in one go from a dataset whose
 * facts live in named graphs (one per source; the Sijill store's default graph is their union).
 *
 * <p>For a canonical IRI it collects, with a handful of SPARQL queries (parameters bound by Jena
 * substitution, never by string templating):
 * <ul>
 *   <li>the resource's own triples, with the blank nodes they lead to (two levels: evidence nodes
 *       and what they hold);</li>
 *   <li>one page of the triples pointing to it (ordered by property, then subject, for up to
 *       {@link #SORTED_INCOMING} of them, else in the store's order; {@code limit} and {@code offset}),
 *       plus their count up to {@link #INCOMING_COUNT_CAP}; a blank-node subject is given with its own
 *       triples and the triple that owns it (e.g. the statement an evidence quote supports);</li>
 *   <li>{@code rdf:type}, {@code rdfs:label}, {@code skos:prefLabel} and {@code dcterms:title}
 *       (all languages) of every IRI it links to or is linked from;</li>
 *   <li>the labels ({@code rdfs:label}, {@code skos:definition}, {@code rdfs:comment}) of the
 *       properties and classes used, from the store and from the ontology graph if one is given;</li>
 *   <li>the reified statements about it ({@code rdf:Statement} with {@code rdf:subject} the
 *       resource: their source, {@code sijill:row}, evidence or derivation method); statements are
 *       not counted as incoming links;</li>
 *   <li>its provenance: the {@code prov:wasDerivedFrom} sources (titles come with the labels), the
 *       {@code sijill:evidence} nodes ({@code prov:value}, {@code prov:wasQuotedFrom}) and, for each
 *       quoted passage, its {@code dcterms:isPartOf} document (with title), {@code rdf:value} text
 *       and {@code sijill:ordinal}.</li>
 * </ul>
 * The result is one Jena {@link Model} (with the usual prefixes set), so a single call is enough
 * to render a page or write {@code /data/...}.
 *
 * <pre>{@code
 * ResourceDescriber describer = new ResourceDescriber(dataset).withOntology(ontologyGraph);
 * ResourceDescriber.Description d =
 *         describer.describe("https://w3id.org/sijill/id/country/LB", 100, 0);
 * if (d.isEmpty()) { ... 404 ... }
 * Model m = d.model();                       // own + incoming page + labels + provenance
 * long total = d.incomingCount();            // all incoming links, for the pager
 * boolean more = d.hasMoreIncoming();
 * }</pre>
 *
 * Thread-safe: each call runs in its own read transaction.
 */
public final class ResourceDescriber {

    /** Default number of incoming links in one page. */
    public static final int DEFAULT_INCOMING_LIMIT = 200;
    /** Largest page of incoming links a caller may ask for. */
    public static final int MAX_INCOMING_LIMIT = 5000;
    /** Incoming links counted at most; a resource with more is described as having "more than" this many. */
    public static final int INCOMING_COUNT_CAP = 10_000;
    /** Up to this many incoming links, pages are sorted by property and subject. */
    public static final int SORTED_INCOMING = 1_000;

    private static final String PREFIXES = """
            PREFIX rdf:     <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            PREFIX rdfs:    <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos:    <http://www.w3.org/2004/02/skos/core#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX prov:    <http://www.w3.org/ns/prov#>
            PREFIX sijill:  <https://w3id.org/sijill/ontology#>
            """;

    /** The resource's own triples and the blank nodes below them (two levels). */
    private static final Query OUTGOING = QueryFactory.create(PREFIXES + """
            CONSTRUCT { ?r ?p ?o . ?o ?p2 ?o2 . ?o2 ?p3 ?o3 }
            WHERE { GRAPH ?g {
              ?r ?p ?o
              OPTIONAL { ?o ?p2 ?o2 FILTER(isBlank(?o))
                OPTIONAL { ?o2 ?p3 ?o3 FILTER(isBlank(?o2)) } }
            } }""");

    /**
     * One page of incoming links; blank subjects come with their owner and their triples. Sorted by
     * property and subject when the resource has at most {@link #SORTED_INCOMING} of them; beyond,
     * in the store's index order (stable for a release), so a page is read without sorting them all.
     */
    private static final Query INCOMING = QueryFactory.create(PREFIXES + """
            CONSTRUCT { ?s ?p ?r . ?owner ?op ?s . ?s ?sp ?so }
            WHERE {
              { SELECT DISTINCT ?s ?p WHERE { GRAPH ?g { ?s ?p ?r } FILTER(?p NOT IN (rdf:subject, rdf:predicate, rdf:object)) }
                ORDER BY ?p ?s LIMIT 200 }
              OPTIONAL { GRAPH ?g2 { ?owner ?op ?s . ?s ?sp ?so } FILTER(isBlank(?s)) }
            }""");

    /** Counts incoming links up to the cap, so a hub costs no more than the cap. */
    private static final Query INCOMING_COUNT = QueryFactory.create(PREFIXES + """
            SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p WHERE { GRAPH ?g { ?s ?p ?r }
                FILTER(?p NOT IN (rdf:subject, rdf:predicate, rdf:object)) } LIMIT """ + (INCOMING_COUNT_CAP + 1) + " }");

    /** The reified statements about the resource (rdf:subject), with their evidence nodes. */
    private static final Query STATEMENTS = QueryFactory.create(PREFIXES + """
            CONSTRUCT { ?st ?p ?o . ?e ?ep ?eo }
            WHERE { GRAPH ?g { ?st rdf:subject ?r ; a rdf:Statement ; ?p ?o
              OPTIONAL { ?st sijill:evidence ?e . ?e ?ep ?eo } } }""");

    private static final Query EXISTS = QueryFactory.create("""
            ASK { GRAPH ?g { { ?r ?p ?o } UNION { ?s ?p ?r } } }""");

    /** Labels and types of linked things; ?x is bound by a VALUES block. */
    private static final Query LINKED_LABELS = QueryFactory.create(PREFIXES + """
            CONSTRUCT { ?x ?lp ?l }
            WHERE { VALUES ?lp { rdf:type rdfs:label skos:prefLabel dcterms:title } GRAPH ?g { ?x ?lp ?l } }""");

    /** Labels of the vocabulary terms used; ?x is bound by a VALUES block. */
    private static final Query TERM_LABELS = QueryFactory.create(PREFIXES + """
            CONSTRUCT { ?x ?lp ?l }
            WHERE { VALUES ?lp { rdfs:label skos:prefLabel skos:definition rdfs:comment } GRAPH ?g { ?x ?lp ?l } }""");

    /** Quoted passages: document, text, ordinal, document title; ?x is bound by a VALUES block. */
    private static final Query PASSAGES = QueryFactory.create(PREFIXES + """
            CONSTRUCT { ?x dcterms:isPartOf ?doc ; rdf:value ?text ; sijill:ordinal ?n ; a ?t .
                        ?doc dcterms:title ?title ; a ?dt }
            WHERE { GRAPH ?g { ?x dcterms:isPartOf ?doc
                OPTIONAL { ?x rdf:value ?text } OPTIONAL { ?x sijill:ordinal ?n } OPTIONAL { ?x a ?t } }
              OPTIONAL { GRAPH ?g2 { ?doc dcterms:title ?title } }
              OPTIONAL { GRAPH ?g3 { ?doc a ?dt } } }""");

    private static final Var X = Var.alloc("x");
    private static final Node QUOTED_FROM = NodeFactory.createURI("http://www.w3.org/ns/prov#wasQuotedFrom");

    private final DatasetGraph dataset;
    private final Graph ontology;

    /** @param dataset the store; facts are read from its named graphs */
    public ResourceDescriber(DatasetGraph dataset) {
        this(dataset, null);
    }

    private ResourceDescriber(DatasetGraph dataset, Graph ontology) {
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.ontology = ontology;
    }

    /**
     * @param ontologyGraph the ontology (and concept schemes) to take term labels from, in
     *                      addition to the store; may be {@code null}
     * @return a describer that also reads term labels from that graph
     */
    public ResourceDescriber withOntology(Graph ontologyGraph) {
        return new ResourceDescriber(dataset, ontologyGraph);
    }

    /** @return the dataset this describer reads */
    public DatasetGraph dataset() { return dataset; }

    /**
     * @param iri a canonical IRI
     * @return whether the store says anything about it (as subject or object)
     */
    public boolean exists(String iri) {
        Node r = iri(iri);
        return Txn.calculateRead(dataset, () -> QueryExec.dataset(dataset).query(EXISTS).substitution("r", r).ask());
    }

    /**
     * Describes a resource with the first {@link #DEFAULT_INCOMING_LIMIT} incoming links.
     *
     * @param iri a canonical IRI
     * @return the description (empty when the store knows nothing of the IRI)
     */
    public Description describe(String iri) {
        return describe(iri, DEFAULT_INCOMING_LIMIT, 0);
    }

    /**
     * @param iri            a canonical IRI
     * @param incomingLimit  page size for incoming links, 0..{@link #MAX_INCOMING_LIMIT}
     * @param incomingOffset how many incoming links to skip (ordered by property, then subject)
     * @return the description (empty when the store knows nothing of the IRI)
     * @throws SijillException {@code BAD_INPUT} when limit or offset are out of range
     */
    public Description describe(String iri, int incomingLimit, long incomingOffset) {
        return describe(iri, incomingLimit, incomingOffset, INCOMING_COUNT_CAP);
    }

    /**
     * Like {@link #describe(String, int, long)}, counting the incoming links only up to
     * {@code countCap} + 1 (at least as far as this page and the choice of order need): enough to
     * tell whether a next page follows, at a cost that does not grow with the resource's links.
     *
     * @param countCap where counting the incoming links may stop (it goes on to the end of the page
     *                 asked for, and to {@link #SORTED_INCOMING} + 1, whatever the cap)
     */
    public Description describe(String iri, int incomingLimit, long incomingOffset, long countCap) {
        if (incomingLimit < 0 || incomingLimit > MAX_INCOMING_LIMIT) {
            throw new SijillException(SijillException.Kind.BAD_INPUT,
                    "limit must be between 0 and " + MAX_INCOMING_LIMIT + ", got " + incomingLimit);
        }
        if (incomingOffset < 0) {
            throw new SijillException(SijillException.Kind.BAD_INPUT, "offset must not be negative, got " + incomingOffset);
        }
        Node r = iri(iri);
        return Txn.calculateRead(dataset, () -> {
            Graph out = QueryExec.dataset(dataset).query(OUTGOING).substitution("r", r).construct();
            Model model = ModelFactory.createDefaultModel();
            model.setNsPrefixes(prefixes());
            GraphUtil.addInto(model.getGraph(), out);
            long outgoing = out.size();
            GraphUtil.addInto(model.getGraph(), QueryExec.dataset(dataset).query(STATEMENTS).substitution("r", r).construct());

            // at least as far as the order (sorted or not) and this page's next link need
            long cap = Math.max(countCap, Math.max(SORTED_INCOMING, incomingOffset + incomingLimit));
            long incomingCount = count(r, cap);
            Graph in = null;
            if (incomingLimit > 0 && incomingOffset < incomingCount) {
                Query page = INCOMING.cloneQuery();
                // The paging sits in the sub-select; set it on the parsed query object.
                Query sub = ((org.apache.jena.sparql.syntax.ElementSubQuery)
                        ((org.apache.jena.sparql.syntax.ElementGroup) page.getQueryPattern()).get(0)).getQuery();
                sub.setLimit(incomingLimit);
                sub.setOffset(incomingOffset);
                if (incomingCount > SORTED_INCOMING) sub.getOrderBy().clear();
                in = QueryExec.dataset(dataset).query(page).substitution("r", r).construct();
                GraphUtil.addInto(model.getGraph(), in);
            }

            Set<Node> linked = new LinkedHashSet<>();
            Set<Node> terms = new LinkedHashSet<>();
            Set<Node> passages = new LinkedHashSet<>();
            model.getGraph().find().forEachRemaining(t -> collect(t, linked, terms, passages));
            linked.remove(r);
            linked.add(r);  // its own type and labels come again harmlessly; keeps one query
            if (!passages.isEmpty()) {
                Graph p = QueryExec.dataset(dataset).query(withValues(PASSAGES, passages)).construct();
                GraphUtil.addInto(model.getGraph(), p);
                p.find().forEachRemaining(t -> collect(t, linked, terms, new LinkedHashSet<>()));
            }
            if (!linked.isEmpty()) {
                Graph labels = QueryExec.dataset(dataset).query(withValues(LINKED_LABELS, linked)).construct();
                GraphUtil.addInto(model.getGraph(), labels);
                labels.find().forEachRemaining(t -> { if (t.getPredicate().equals(RDF.Nodes.type)) terms.add(t.getObject()); });
            }
            if (!terms.isEmpty()) {
                GraphUtil.addInto(model.getGraph(), QueryExec.dataset(dataset).query(withValues(TERM_LABELS, terms)).construct());
                if (ontology != null) {
                    for (Node term : terms) {
                        for (Node lp : List.of(RDFS.Nodes.label, RDFS.Nodes.comment,
                                NodeFactory.createURI("http://www.w3.org/2004/02/skos/core#definition"))) {
                            ontology.find(term, lp, Node.ANY).forEachRemaining(model.getGraph()::add);
                        }
                    }
                }
            }
            return new Description(iri, model, outgoing, incomingCount, incomingOffset, incomingLimit,
                    in == null ? 0 : in.size());
        });
    }

    /** @return the distinct (subject, property) pairs pointing to {@code r}, at most {@code cap} + 1 */
    private long count(Node r, long cap) {
        NodeTupleTable quads = quadTable(dataset);
        return quads != null ? countInIndex(quads, r, cap) : countByQuery(dataset, r, cap);
    }

    /** @return the TDB2 quad table under the dataset (through wrappers), or null for another store */
    static NodeTupleTable quadTable(DatasetGraph dataset) {
        DatasetGraph d = dataset;
        while (!TDBInternal.isTDB2(d) && d instanceof DatasetGraphWrapper w) d = w.getWrapped();
        DatasetGraphTDB tdb = TDBInternal.isTDB2(d) ? TDBInternal.getDatasetGraphTDB(d) : null;
        return tdb == null ? null : tdb.getQuadTable().getNodeTupleTable();
    }

    /**
     * What {@link #INCOMING_COUNT} counts, read from the quad index with the object first on node
     * ids: no node is decoded (through the query, each pair's nodes were decoded to tell them apart,
     * which made the count most of a document page's time at 10^7 triples). In a read transaction.
     */
    static long countInIndex(NodeTupleTable quads, Node r, long cap) {
        NodeTable nodes = quads.getNodeTable();
        Set<NodeId> reification = new java.util.HashSet<>();
        for (Node p : List.of(RDF.Nodes.subject, RDF.Nodes.predicate, RDF.Nodes.object)) {
            NodeId id = nodes.getNodeIdForNode(p);
            if (!NodeId.isDoesNotExist(id)) reification.add(id);
        }
        Set<List<NodeId>> pairs = new java.util.HashSet<>();
        Iterator<Tuple<NodeId>> it = quads.findAsNodeIds(Node.ANY, Node.ANY, Node.ANY, r);
        while (it.hasNext() && pairs.size() <= cap) {
            Tuple<NodeId> q = it.next();  // graph, subject, predicate, object
            if (!reification.contains(q.get(2))) pairs.add(List.of(q.get(1), q.get(2)));
        }
        return pairs.size();
    }

    /** @return what {@link #INCOMING_COUNT} counts, by the query (a store other than TDB2) */
    static long countByQuery(DatasetGraph dataset, Node r, long cap) {
        Query q = INCOMING_COUNT.cloneQuery();
        // the parser gives WHERE { SELECT ... } as the sub-query itself
        org.apache.jena.sparql.syntax.Element where = q.getQueryPattern();
        if (where instanceof org.apache.jena.sparql.syntax.ElementGroup g) where = g.get(0);
        ((org.apache.jena.sparql.syntax.ElementSubQuery) where).getQuery().setLimit(cap + 1);
        try (QueryExec qe = QueryExec.dataset(dataset).query(q).substitution("r", r).build()) {
            RowSet rs = qe.select();
            return rs.hasNext() ? ((Number) rs.next().get("n").getLiteralValue()).longValue() : 0;
        }
    }

    private static void collect(Triple t, Set<Node> linked, Set<Node> terms, Set<Node> passages) {
        if (t.getSubject().isURI()) linked.add(t.getSubject());
        terms.add(t.getPredicate());
        if (t.getPredicate().equals(RDF.Nodes.type)) {
            terms.add(t.getObject());
        } else if (t.getObject().isURI()) {
            linked.add(t.getObject());
        }
        if (t.getPredicate().equals(QUOTED_FROM) && t.getObject().isURI()) passages.add(t.getObject());
    }

    private static Query withValues(Query template, Set<Node> values) {
        Query q = template.cloneQuery();
        List<Binding> rows = new ArrayList<>(values.size());
        for (Node n : values) rows.add(BindingFactory.binding(X, n));
        q.setValuesDataBlock(List.of(X), rows);
        return q;
    }

    private static Node iri(String iri) {
        if (iri == null || iri.isBlank()) {
            throw new SijillException(SijillException.Kind.BAD_INPUT, "no IRI given");
        }
        return NodeFactory.createURI(iri);
    }

    /** @return the prefixes set on every description (standard vocabularies and {@code sijill:}) */
    public static PrefixMapping prefixes() {
        PrefixMapping pm = PrefixMapping.Factory.create();
        pm.setNsPrefixes(PrefixMapping.Standard);
        pm.setNsPrefix("sijill", SIJILL.NS);
        pm.setNsPrefix("skos", "http://www.w3.org/2004/02/skos/core#");
        pm.setNsPrefix("dcterms", "http://purl.org/dc/terms/");
        pm.setNsPrefix("prov", "http://www.w3.org/ns/prov#");
        pm.setNsPrefix("foaf", "http://xmlns.com/foaf/0.1/");
        pm.setNsPrefix("org", "http://www.w3.org/ns/org#");
        pm.setNsPrefix("eli", "http://data.europa.eu/eli/ontology#");
        pm.setNsPrefix("schema", "http://schema.org/");
        pm.setNsPrefix("qb", "http://purl.org/linked-data/cube#");
        pm.removeNsPrefix("dc");
        pm.removeNsPrefix("rss");
        pm.removeNsPrefix("vcard");
        pm.removeNsPrefix("ja");
        pm.removeNsPrefix("eg");
        return pm;
    }

    /**
     * What {@link #describe} found.
     *
     * @param iri               the described IRI
     * @param model             own triples, the page of incoming links, labels and provenance
     * @param outgoingCount     triples with the resource (or its blank nodes) as subject
     * @param incomingCount     the distinct (subject, property) pairs pointing to the resource, counted up to
     *                          {@link #INCOMING_COUNT_CAP} + 1 ({@link #incomingCountCapped()}), or up to
     *                          the lower cap the caller gave + 1
     * @param incomingOffset    offset of this page of incoming links
     * @param incomingLimit     size asked for this page
     * @param incomingPageTriples triples the incoming page contributed
     */
    public record Description(String iri, Model model, long outgoingCount, long incomingCount,
                              long incomingOffset, int incomingLimit, long incomingPageTriples) {

        /** @return whether the store knows nothing of the IRI */
        public boolean isEmpty() { return outgoingCount == 0 && incomingCount == 0; }

        /** @return whether more incoming links follow this page */
        public boolean hasMoreIncoming() { return incomingOffset + incomingLimit < incomingCount; }

        /** @return whether the resource has more than {@link #INCOMING_COUNT_CAP} incoming links (counting stopped there) */
        public boolean incomingCountCapped() { return incomingCount > INCOMING_COUNT_CAP; }
    }
}
