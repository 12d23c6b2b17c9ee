package org.w3id.sijill.server.pages;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.w3id.sijill.tdb2.Tdb2Store;
import org.w3id.sijill.vocab.SIJILL;

/**
 * The SPARQL queries behind the page layouts that need more than a resource's own description:
 * the landing page's counts and countries, a country's instruments, claims, organizations and
 * initiatives, a document's passages, a concept's members, the ontology graph. Queries run over
 * the union of the named graphs ({@code urn:x-arq:UnionGraph}) in a read transaction; the focus
 * resource is bound with Jena's substitution, never spliced into the query text.
 *
 * <pre>{@code
 * PageQueries q = new PageQueries(datasetGraph);
 * Model m = q.countryFacts("https://w3id.org/sijill/id/country/LB", 100, 0).model();   // one page of 100
 * }</pre>
 */
public final class PageQueries {
    /** The named graph that holds the ontology. */
    public static final String ONTOLOGY_GRAPH = SIJILL.GRAPH + "ontology";

    private static final String PREFIXES = """
            PREFIX sijill:  <https://w3id.org/sijill/ontology#>
            PREFIX rdf:     <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            PREFIX rdfs:    <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos:    <http://www.w3.org/2004/02/skos/core#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX prov:    <http://www.w3.org/ns/prov#>
            """;

    /** Labels of a node ?n into ?nlp/?nl. */
    private static final String LABEL_PROPS = "(rdfs:label, skos:prefLabel, dcterms:title)";

    /**
     * Things linked to ?focus (by ?link, filtered by the caller), with all their own triples, the
     * labels of what they point to, their evidence with passage and document, and their sources.
     */
    private static String neighbourhood(String linkFilter) {
        return PREFIXES + """
                CONSTRUCT {
                  ?x ?p ?o .
                  ?o ?olp ?ol .
                  ?e ?ep ?eo .
                  ?passage dcterms:isPartOf ?doc . ?doc ?dlp ?dl .
                  ?src ?sp ?so .
                } WHERE { GRAPH <urn:x-arq:UnionGraph> {
                  ?x ?link ?focus .
                  """ + linkFilter + """
                  { ?x ?p ?o }
                  UNION { ?x ?p0 ?o . FILTER(isIRI(?o)) ?o ?olp ?ol . FILTER(?olp IN""" + LABEL_PROPS + """
                  ) }
                  UNION { ?x sijill:evidence ?e . ?e ?ep ?eo .
                          OPTIONAL { ?e prov:wasQuotedFrom ?passage . ?passage dcterms:isPartOf ?doc .
                                     ?doc ?dlp ?dl . FILTER(?dlp IN""" + LABEL_PROPS + """
                  ) } }
                  UNION { ?x prov:wasDerivedFrom ?src . ?src ?sp ?so . FILTER(isLiteral(?so)) }
                } }
                """;
    }

    private static final String COUNTRY_LINKS = "FILTER(?link IN (sijill:jurisdiction, sijill:country, sijill:participatingCountry, sijill:about))";

    /** The things ?x a country page lists (bound by VALUES, one page of {@link #COUNTRY_ITEMS}), described. */
    private static final String COUNTRY_FACTS = neighbourhood(COUNTRY_LINKS);

    /** The things linked to a country ?focus, in index order (paged with LIMIT/OFFSET: never all of them sorted). */
    private static final String COUNTRY_ITEMS = PREFIXES + "SELECT DISTINCT ?x WHERE { GRAPH <urn:x-arq:UnionGraph> { ?x ?link ?focus . "
            + COUNTRY_LINKS + " FILTER(isIRI(?x)) } }";

    private static final String MEMBERS = neighbourhood("FILTER(?link NOT IN (rdf:type, rdf:subject, rdf:predicate, rdf:object))");

    private static final String DOCUMENT_PASSAGES = PREFIXES + """
            CONSTRUCT {
              ?p a sijill:Passage ; dcterms:isPartOf ?focus ; sijill:ordinal ?n ; rdf:value ?text ;
                 sijill:mentions ?m .
              ?m ?mlp ?ml .
              ?x sijill:evidence ?e ; ?xlp ?xl ; a ?xt .
              ?e prov:wasQuotedFrom ?p ; prov:value ?q .
            } WHERE { GRAPH <urn:x-arq:UnionGraph> {
              ?p dcterms:isPartOf ?focus .
              { ?p sijill:ordinal ?n }
              UNION { ?p rdf:value ?text }
              UNION { ?p sijill:mentions ?m . OPTIONAL { ?m ?mlp ?ml . FILTER(?mlp IN""" + LABEL_PROPS + """
              ) } }
              UNION { ?e prov:wasQuotedFrom ?p ; prov:value ?q . ?x sijill:evidence ?e .
                      OPTIONAL { ?x ?xlp ?xl . FILTER(?xlp IN""" + LABEL_PROPS + """
              ) }
                      OPTIONAL { ?x a ?xt } }
            } }
            """;

    /**
     * The passages of a document ?focus in document order ({@code sijill:ordinal}; passages
     * without one last, then by IRI), paged with LIMIT/OFFSET: only the passage and its ordinal are
     * read for the whole document, never their text or what quotes them.
     */
    private static final String DOCUMENT_PASSAGE_ITEMS = PREFIXES + """
            SELECT ?p (MIN(?n) AS ?o) WHERE { GRAPH <urn:x-arq:UnionGraph> {
              ?p dcterms:isPartOf ?focus . FILTER(isIRI(?p))
              OPTIONAL { ?p sijill:ordinal ?n }
            } } GROUP BY ?p ORDER BY (!BOUND(?o)) ?o ?p
            """;

    private static final String CLASS_COUNTS = PREFIXES + """
            SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE {
              GRAPH <urn:x-arq:UnionGraph> { ?s a ?class }
              FILTER(STRSTARTS(STR(?class), STR(sijill:)) || ?class IN (skos:Concept, skos:ConceptScheme))
            } GROUP BY ?class
            """;

    private static final String COUNTRIES = PREFIXES + """
            CONSTRUCT { ?c a sijill:Country ; rdfs:label ?l ; sijill:iso2 ?iso2 ; sijill:arabLeagueMember ?member . }
            WHERE { GRAPH <urn:x-arq:UnionGraph> {
              ?c a sijill:Country .
              OPTIONAL { ?c rdfs:label ?l }
              OPTIONAL { ?c sijill:iso2 ?iso2 }
              OPTIONAL { ?c sijill:arabLeagueMember ?member }
            } }
            """;

    private static final String ONTOLOGY = """
            CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }
            """;

    /** Literal statements about the sources ?x (title, date, publisher, acknowledgement); ?x bound by VALUES. */
    private static final String SOURCE_DETAILS = PREFIXES + """
            CONSTRUCT { ?x ?p ?o } WHERE { GRAPH <urn:x-arq:UnionGraph> {
              ?x ?p ?o . FILTER(isLiteral(?o) || ?p = rdfs:seeAlso || ?p = rdf:type)
            } }
            """;

    /**
     * Legal-status claims ?x (bound by VALUES): their own triples, the labels of what they point
     * to, their evidence with the passage, its token and document title, and their sources'
     * literal statements (title, date, publisher, acknowledgement).
     */
    private static final String CLAIM_DETAILS = PREFIXES + """
            CONSTRUCT {
              ?x ?p ?o .
              ?o ?olp ?ol .
              ?e ?ep ?eo .
              ?passage dcterms:isPartOf ?doc ; dcterms:identifier ?pn . ?doc ?dlp ?dl .
              ?src ?sp ?so .
            } WHERE { GRAPH <urn:x-arq:UnionGraph> {
              { ?x ?p ?o }
              UNION { ?x ?p0 ?o . FILTER(isIRI(?o)) ?o ?olp ?ol . FILTER(?olp IN""" + LABEL_PROPS + """
              ) }
              UNION { ?x sijill:evidence ?e . ?e ?ep ?eo .
                      OPTIONAL { ?e prov:wasQuotedFrom ?passage . ?passage dcterms:isPartOf ?doc .
                                 OPTIONAL { ?passage dcterms:identifier ?pn }
                                 OPTIONAL { ?doc ?dlp ?dl . FILTER(?dlp IN""" + LABEL_PROPS + """
              ) } } }
              UNION { ?x prov:wasDerivedFrom ?src . ?src ?sp ?so . FILTER(isLiteral(?so) || ?sp = rdfs:seeAlso) }
            } }
            """;

    /**
     * The reified statements about the resources ?x (bound by VALUES): their own triples, their
     * evidence, the quoted passage's document and its title, the sources' titles.
     */
    private static final String STATEMENTS = PREFIXES + """
            CONSTRUCT {
              ?st ?p ?o .
              ?e ?ep ?eo .
              ?passage dcterms:isPartOf ?doc . ?doc ?dlp ?dl .
              ?src ?slp ?sl .
            } WHERE { GRAPH <urn:x-arq:UnionGraph> {
              ?st rdf:subject ?x ; a rdf:Statement .
              { ?st ?p ?o }
              UNION { ?st sijill:evidence ?e . ?e ?ep ?eo .
                      OPTIONAL { ?e prov:wasQuotedFrom ?passage . ?passage dcterms:isPartOf ?doc .
                                 OPTIONAL { ?doc ?dlp ?dl . FILTER(?dlp IN""" + LABEL_PROPS + """
              ) } } }
              UNION { ?st prov:wasDerivedFrom ?src . ?src ?slp ?sl . FILTER(?slp IN""" + LABEL_PROPS + """
              ) }
            } }
            """;

    /**
     * What a passage ?focus supports: the evidence quoting it, the statements citing that evidence
     * with the labels of their subjects and objects, its document with title and address, and the
     * editors' corrected reading of it with their note.
     */
    private static final String PASSAGE_FACTS = PREFIXES + """
            PREFIX schema: <http://schema.org/>
            CONSTRUCT {
              ?e prov:value ?q ; prov:wasQuotedFrom ?focus .
              ?st a rdf:Statement ; sijill:evidence ?e ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
              ?s ?slp ?sl . ?o ?olp ?ol .
              ?focus dcterms:isPartOf ?doc . ?doc schema:url ?url ; ?dlp ?dl .
              ?focus sijill:editorialReading ?reading ; skos:editorialNote ?note .
            } WHERE { GRAPH <urn:x-arq:UnionGraph> {
              { ?e prov:wasQuotedFrom ?focus ; prov:value ?q }
              UNION { ?e prov:wasQuotedFrom ?focus . ?st sijill:evidence ?e ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }
              UNION { ?e prov:wasQuotedFrom ?focus . ?st sijill:evidence ?e ; rdf:subject ?s .
                      ?s ?slp ?sl . FILTER(?slp IN""" + LABEL_PROPS + """
              ) }
              UNION { ?e prov:wasQuotedFrom ?focus . ?st sijill:evidence ?e ; rdf:object ?o . FILTER(isIRI(?o))
                      ?o ?olp ?ol . FILTER(?olp IN""" + LABEL_PROPS + """
              ) }
              UNION { ?focus sijill:editorialReading ?reading . OPTIONAL { ?focus skos:editorialNote ?note } }
              UNION { ?focus dcterms:isPartOf ?doc . OPTIONAL { ?doc schema:url ?url }
                      OPTIONAL { ?doc ?dlp ?dl . FILTER(?dlp IN""" + LABEL_PROPS + """
              ) } }
            } }
            """;

    /** Labels and notations of the resources ?x (bound by VALUES). */
    private static final String LABELS = PREFIXES + """
            CONSTRUCT { ?x ?lp ?l } WHERE { GRAPH <urn:x-arq:UnionGraph> {
              ?x ?lp ?l . FILTER(?lp IN (rdfs:label, skos:prefLabel, dcterms:title, skos:notation))
            } }
            """;

    private final DatasetGraph dataset;

    public PageQueries(DatasetGraph dataset) {
        this.dataset = dataset;
    }

    /** @return the dataset queried */
    public DatasetGraph dataset() { return dataset; }

    /**
     * One page of the things linked to a country, described.
     *
     * @param model the legal instruments, status claims, organizations, initiatives and events of the page
     * @param more  whether more pages follow
     */
    public record CountryFactsPage(Model model, boolean more) {}

    /** A read transaction several queries join; {@link #close()} ends it. */
    public interface Read extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Opens one read transaction that the queries run until it is closed join (each query begins
     * its own otherwise), so the queries of one page see one snapshot of the store.
     *
     * @return the transaction to close, or a no-op when the thread is in a transaction already
     */
    public Read read() {
        if (dataset.isInTransaction()) return () -> { };
        dataset.begin(org.apache.jena.query.TxnType.READ);
        return dataset::end;
    }

    /**
     * @param limit  how many linked things (at most) the page describes
     * @param offset how many to skip (in index order)
     * @return the page of {@code limit} things linked to the country after {@code offset}
     */
    public CountryFactsPage countryFacts(String countryIri, int limit, long offset) {
        Node focus = NodeFactory.createURI(countryIri);
        // the page's items and their facts in one read transaction (one snapshot)
        return Txn.calculateRead(dataset, () -> {
            java.util.List<Node> items = pageItems(COUNTRY_ITEMS, "x", focus, limit, offset);
            boolean more = items.size() > limit;
            if (more) items = items.subList(0, limit);
            if (items.isEmpty()) return new CountryFactsPage(ModelFactory.createDefaultModel(), false);
            return new CountryFactsPage(constructWith(COUNTRY_FACTS, "x", items, focus), more);
        });
    }

    /**
     * @return the values of {@code var} in rows {@code offset} to {@code offset + limit} of the
     *         SELECT {@code queryText} with {@code focus} for {@code ?focus}: one more than
     *         {@code limit} when a further page follows
     */
    private java.util.List<Node> pageItems(String queryText, String var, Node focus, int limit, long offset) {
        org.apache.jena.query.Query page = org.apache.jena.query.QueryFactory.create(queryText);
        page.setLimit(limit + 1L);
        page.setOffset(offset);
        return Txn.calculateRead(dataset, () -> {
            try (QueryExec qe = QueryExec.dataset(dataset).query(page).substitution("focus", focus).build()) {
                java.util.List<Node> xs = new java.util.ArrayList<>();
                qe.select().forEachRemaining(b -> xs.add(b.get(var)));
                return xs;
            }
        });
    }

    /**
     * @return the CONSTRUCT {@code queryText} for the values {@code items} of {@code var} (a VALUES
     *         block, which ARQ evaluates first) and {@code focus} substituted for {@code ?focus}
     */
    private Model constructWith(String queryText, String var, java.util.List<Node> items, Node focus) {
        org.apache.jena.query.Query q = org.apache.jena.query.QueryFactory.create(queryText);
        org.apache.jena.sparql.core.Var x = org.apache.jena.sparql.core.Var.alloc(var);
        q.setValuesDataBlock(java.util.List.of(x), items.stream()
                .map(n -> org.apache.jena.sparql.engine.binding.BindingFactory.binding(x, n)).toList());
        return Txn.calculateRead(dataset, () -> {
            try (QueryExec qe = QueryExec.dataset(dataset).query(q).substitution("focus", focus).build()) {
                Model m = ModelFactory.createDefaultModel();
                m.getGraph().getPrefixMapping().setNsPrefixes(TermLabels.PREFIXES);
                qe.construct(m.getGraph());
                return m;
            }
        });
    }

    /** @return everything that points to {@code iri} (other than by rdf:type), described */
    public Model members(String iri) {
        return construct(MEMBERS, "focus", NodeFactory.createURI(iri));
    }

    /**
     * One page of a document's passages, described.
     *
     * @param passages the IRIs of the page's passages, in document order
     * @param model    the passages, what they mention, and the facts that quote them
     * @param more     whether more pages follow
     */
    public record PassagesPage(java.util.List<String> passages, Model model, boolean more) {}

    /**
     * @return every passage of the document in document order (by ordinal, then IRI): what a
     *         page of its passages is cut from, read once and kept for the release by the caller
     */
    public java.util.List<Node> documentOrder(String documentIri) {
        return pageItems(DOCUMENT_PASSAGE_ITEMS, "p", NodeFactory.createURI(documentIri), Integer.MAX_VALUE - 1, 0);
    }

    /**
     * @param order the document's passages in document order ({@link #documentOrder})
     * @return the page of {@code limit} passages after {@code offset}, described
     */
    public PassagesPage documentPassages(String documentIri, java.util.List<Node> order, int limit, long offset) {
        int from = (int) Math.min(offset, order.size());
        int to = (int) Math.min((long) from + limit, order.size());
        java.util.List<Node> items = order.subList(from, to);
        boolean more = to < order.size();
        Node focus = NodeFactory.createURI(documentIri);
        java.util.List<String> iris = items.stream().map(Node::getURI).toList();
        if (items.isEmpty()) return new PassagesPage(iris, ModelFactory.createDefaultModel(), false);
        return new PassagesPage(iris, constructWith(DOCUMENT_PASSAGES, "p", items, focus), more);
    }

    /** @return the literal statements, {@code rdfs:seeAlso} and types of the given sources */
    public Model sourceDetails(java.util.Collection<String> sourceIris) {
        return constructFor(SOURCE_DETAILS, sourceIris);
    }

    /** @return the claims' triples, the labels of what they name, their evidence and sources */
    public Model claimDetails(java.util.Collection<String> claimIris) {
        return constructFor(CLAIM_DETAILS, claimIris);
    }

    /** @return what a passage supports: quotes, the statements citing them, its document and the document's address */
    public Model passageFacts(String passageIri) {
        return construct(PASSAGE_FACTS, "focus", NodeFactory.createURI(passageIri));
    }

    /** @return the reified statements about the given resources, with evidence, passages and source titles */
    public Model statements(java.util.Collection<String> subjectIris) {
        return constructFor(STATEMENTS, subjectIris);
    }

    /** @return the labels ({@code rdfs:label}, {@code skos:prefLabel}, {@code dcterms:title}) and notations of resources */
    public Model labels(java.util.Collection<String> iris) {
        return constructFor(LABELS, iris);
    }

    /**
     * Runs a SELECT query (e.g. a bound named query) over the union of the named graphs.
     *
     * @return the rows
     */
    public java.util.List<org.apache.jena.sparql.engine.binding.Binding> select(org.apache.jena.query.Query query) {
        return Txn.calculateRead(dataset, () -> {
            try (QueryExec qe = QueryExec.dataset(dataset).query(query)
                    .set(org.apache.jena.tdb2.TDB2.symUnionDefaultGraph, true).build()) {
                java.util.List<org.apache.jena.sparql.engine.binding.Binding> rows = new java.util.ArrayList<>();
                // TDB2 bindings resolve their nodes lazily from the node table, which needs the
                // transaction: copy every value out while it is open.
                qe.select().forEachRemaining(b -> rows.add(materialize(b)));
                return rows;
            }
        });
    }

    /** @return a binding holding its values itself, readable after the transaction closes */
    static org.apache.jena.sparql.engine.binding.Binding materialize(org.apache.jena.sparql.engine.binding.Binding b) {
        org.apache.jena.sparql.engine.binding.BindingBuilder copy = org.apache.jena.sparql.engine.binding.Binding.builder();
        b.vars().forEachRemaining(v -> {
            Node n = b.get(v);
            if (n != null) copy.add(v, n);
        });
        return copy.build();
    }

    private Model constructFor(String queryText, java.util.Collection<String> iris) {
        if (iris.isEmpty()) return ModelFactory.createDefaultModel();
        org.apache.jena.query.Query q = org.apache.jena.query.QueryFactory.create(queryText);
        org.apache.jena.sparql.core.Var x = org.apache.jena.sparql.core.Var.alloc("x");
        q.setValuesDataBlock(java.util.List.of(x), iris.stream()
                .map(iri -> org.apache.jena.sparql.engine.binding.BindingFactory.binding(x, NodeFactory.createURI(iri))).toList());
        return Txn.calculateRead(dataset, () -> {
            try (QueryExec qe = QueryExec.dataset(dataset).query(q).build()) {
                Model m = ModelFactory.createDefaultModel();
                m.getGraph().getPrefixMapping().setNsPrefixes(TermLabels.PREFIXES);
                qe.construct(m.getGraph());
                return m;
            }
        });
    }

    /** @return the countries with their labels, ISO codes and Arab League membership */
    public Model countries() {
        return construct(COUNTRIES, null, null);
    }

    /** @return the ontology graph (empty when the store holds none) */
    public Model ontology() {
        return construct(ONTOLOGY, "g", NodeFactory.createURI(ONTOLOGY_GRAPH));
    }

    /**
     * @return how many resources each Sijill class (and SKOS concept/scheme) has, by class IRI: in
     *         a TDB2 store from one scan of its {@code rdf:type} triples on node ids
     *         ({@link Tdb2Store#subjectsPerObject}), otherwise by the query {@code CLASS_COUNTS}
     */
    public Map<String, Long> classCounts() {
        return Txn.calculateRead(dataset, () -> {
            Tdb2Store tdb = Tdb2Store.within(dataset);
            if (tdb == null) return classCountsByQuery();
            Map<String, Long> counts = new LinkedHashMap<>();
            tdb.subjectsPerObject(RDF.Nodes.type).forEach((c, n) -> {
                // the query's filter; only IRIs are counted under their IRI
                if (c.isURI() && (c.getURI().startsWith(SIJILL.NS) || COUNTED_SKOS.contains(c))) counts.put(c.getURI(), n);
            });
            return counts;
        });
    }

    private static final java.util.Set<Node> COUNTED_SKOS = java.util.Set.of(
            org.apache.jena.vocabulary.SKOS.Concept.asNode(), org.apache.jena.vocabulary.SKOS.ConceptScheme.asNode());

    /** @return {@link #classCounts()} by the query {@code CLASS_COUNTS} over the union graph, whatever the dataset */
    Map<String, Long> classCountsByQuery() {
        return Txn.calculateRead(dataset, () -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            try (QueryExec qe = QueryExec.dataset(dataset).query(CLASS_COUNTS).build()) {
                RowSet rows = qe.select();
                rows.forEachRemaining(b -> counts.put(b.get("class").getURI(),
                        ((Number) b.get("n").getLiteralValue()).longValue()));
            }
            return counts;
        });
    }

    private Model construct(String query, String var, Node value) {
        return Txn.calculateRead(dataset, () -> {
            var builder = QueryExec.dataset(dataset).query(query);
            if (var != null) builder = builder.substitution(var, value);
            try (QueryExec qe = builder.build()) {
                Model m = ModelFactory.createDefaultModel();
                m.getGraph().getPrefixMapping().setNsPrefixes(TermLabels.PREFIXES);
                qe.construct(m.getGraph());
                return m;
            }
        });
    }
}
