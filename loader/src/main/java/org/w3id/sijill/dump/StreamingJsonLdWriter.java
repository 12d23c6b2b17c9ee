package org.w3id.sijill.dump;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.w3id.sijill.core.SijillException;

/**
 * Writes RDF as compacted JSON-LD 1.1 in one pass, holding only the current subject in memory.
 * The document references its context by URL (or embeds it, see {@link ContextMode}); named graphs
 * are kept as {@code {"@id": graph, "@graph": [...]}} objects inside the top-level {@code @graph},
 * default-graph nodes stand directly in it.
 *
 * <p>Each graph is read with {@code find} — for TDB2 the SPO / GSPO index order — and consecutive
 * triples with the same subject become one node object: {@code @id}, {@code @type} (IRI classes,
 * compacted), then one key per predicate: its context term when the context defines one, else a
 * compact IRI, else the absolute IRI. Values are written in their shortest form that expands back
 * to exactly the same RDF term: a bare string when the term's coercion matches (an IRI under an
 * {@code @id} term, a literal of the coerced datatype, an {@code xsd:string} under an uncoerced
 * term), otherwise an explicit {@code {"@id"}} or {@code {"@value", "@type"|"@language"}} object.
 * Numbers and booleans are never written as JSON natives, so lexical forms survive exactly.
 * Blank nodes keep their store label as {@code _:b…}; RDF lists are written as their
 * {@code rdf:first}/{@code rdf:rest} nodes. Input that is not sorted by subject is still correct
 * (JSON-LD merges node objects with the same {@code @id}), only less compact.
 *
 * <pre>{@code
 * try (OutputStream out = Files.newOutputStream(file)) {
 *     Txn.executeRead(dsg, () -> new StreamingJsonLdWriter(JsonLdContext.published()).write(dsg, out));
 * }
 * }</pre>
 */
public final class StreamingJsonLdWriter {

    /** How the document refers to its context. */
    public enum ContextMode {
        /** {@code "@context": "https://w3id.org/sijill/context.jsonld"} (readers resolve or cache it). */
        REFERENCE,
        /** The context object copied into the document: self-contained, no resolution needed. */
        EMBED
    }

    private static final String XSD_STRING = XSDDatatype.XSDstring.getURI();
    private static final int CACHE_LIMIT = 100_000;
    /** Above this many triples a subject's predicates are grouped with a map, below by scanning. */
    private static final int SCAN_GROUPING_LIMIT = 256;

    private static final byte[] OPEN_ID = Utf8JsonOutput.ascii("{\"@id\": ");
    private static final byte[] OPEN_TYPES = Utf8JsonOutput.ascii(", \"@type\": [");
    private static final byte[] COMMA = Utf8JsonOutput.ascii(", ");
    private static final byte[] OPEN_VALUE = Utf8JsonOutput.ascii("{\"@value\": ");
    private static final byte[] LANGUAGE = Utf8JsonOutput.ascii(", \"@language\": ");
    private static final byte[] DIRECTION = Utf8JsonOutput.ascii(", \"@direction\": ");
    private static final byte[] TYPE = Utf8JsonOutput.ascii(", \"@type\": ");
    private static final byte[] OPEN_GRAPH = Utf8JsonOutput.ascii(", \"@graph\": [");
    private static final byte[] END_NAMED_GRAPH = Utf8JsonOutput.ascii("\n    ]}");
    private static final byte[] FIRST_TOP = Utf8JsonOutput.ascii("\n    ");
    private static final byte[] NEXT_TOP = Utf8JsonOutput.ascii(",\n    ");
    private static final byte[] FIRST_IN_GRAPH = Utf8JsonOutput.ascii("\n      ");
    private static final byte[] NEXT_IN_GRAPH = Utf8JsonOutput.ascii(",\n      ");

    /** A predicate as written: its key with separators ({@code , "key": }) and its term's coercion. */
    private record Predicate(byte[] key, String coercion) {}

    private final JsonLdContext context;
    private final ContextMode mode;
    private final Map<Node, Predicate> predicateCache = new HashMap<>();
    /** IRI values and classes → their compacted IRI as JSON string bytes; cleared when full. */
    private final Map<Node, byte[]> iriCache = new HashMap<>();
    private final Map<String, byte[]> datatypeCache = new HashMap<>();

    /** A writer referencing the context by its URL. */
    public StreamingJsonLdWriter(JsonLdContext context) {
        this(context, ContextMode.REFERENCE);
    }

    public StreamingJsonLdWriter(JsonLdContext context, ContextMode mode) {
        this.context = context;
        this.mode = mode;
    }

    /**
     * Writes a whole dataset: the default graph, then every named graph. The caller holds a read
     * transaction when the dataset is transactional.
     *
     * @return the number of quads written
     */
    public long write(DatasetGraph dsg, OutputStream out) {
        try (Session s = open(out)) {
            s.dataset(dsg);
            return s.count();
        }
    }

    /**
     * Writes one small graph (e.g. a resource's description) as a document, its triples sorted by
     * subject first so that each subject is one node object. Holds the graph's triples in memory:
     * for whole stores use {@link #write(DatasetGraph, OutputStream)}.
     *
     * @return the number of triples written
     */
    public long writeGraph(org.apache.jena.graph.Graph graph, OutputStream out) {
        List<Triple> triples = new ArrayList<>();
        graph.find().forEachRemaining(triples::add);
        triples.sort(java.util.Comparator.comparing((Triple t) -> t.getSubject().toString()));
        try (Session s = open(out)) {
            s.graph(null, triples.iterator());
            return s.count();
        }
    }

    /** Starts a document on {@code out}; add graphs with {@link Session#graph}, then close it. */
    public Session open(OutputStream out) {
        return new Session(new Utf8JsonOutput(out, 1 << 16));
    }

    /** One JSON-LD document being written. Closing it ends the document and flushes (it does not close the stream). */
    public final class Session implements AutoCloseable {
        private final Utf8JsonOutput w;
        private boolean firstTop = true;
        private long count;
        private final List<Triple> subject = new ArrayList<>();
        private boolean[] written = new boolean[SCAN_GROUPING_LIMIT];

        private Session(Utf8JsonOutput w) {
            this.w = w;
            try {
                w.text("{\n  \"@context\": ");
                if (mode == ContextMode.REFERENCE) {
                    w.string(context.url());
                } else {
                    w.text(embeddedContext());
                }
                w.text(",\n  \"@graph\": [");
            } catch (IOException e) {
                throw io(e);
            }
        }

        /** @return the number of triples written so far */
        public long count() { return count; }

        /**
         * Writes every graph of a dataset: the default graph, then the named graphs. The named
         * graphs of a TDB2 store are read in one pass over its GSPO index ({@link Tdb2Quads}: the
         * same quads in the same order as graph by graph); other datasets graph by graph.
         * The caller holds a read transaction when the dataset is transactional.
         */
        public void dataset(DatasetGraph dsg) {
            Tdb2Quads quads = Tdb2Quads.namedGraphs(dsg);
            if (quads != null) {
                graph(null, dsg.getDefaultGraph().find());
                try {
                    QuadRuns runs = new QuadRuns(quads);
                    while (runs.hasNextGraph()) {
                        graph(runs.nextGraph(), runs);
                    }
                } finally {
                    quads.close();
                }
                return;
            }
            graphByGraph(dsg);
        }

        /** The default graph, then each named graph with its own {@code find}: for any dataset. */
        void graphByGraph(DatasetGraph dsg) {
            graph(null, dsg.getDefaultGraph().find());
            Iterator<Node> names = dsg.listGraphNodes();
            try {
                while (names.hasNext()) {
                    Node g = names.next();
                    graph(g, Iter.map(dsg.find(g, Node.ANY, Node.ANY, Node.ANY), Quad::asTriple));
                }
            } finally {
                Iter.close(names);
            }
        }

        /**
         * Writes one graph ({@code graphName} {@code null} or the default-graph node for the
         * default graph). Triples should come grouped by subject. The iterator is closed.
         */
        public void graph(Node graphName, Iterator<Triple> triples) {
            try {
                if (!triples.hasNext()) return;
                boolean named = graphName != null && !Quad.isDefaultGraph(graphName);
                if (named) {
                    topSeparator();
                    w.raw(OPEN_ID);
                    w.string(subjectId(graphName));
                    w.raw(OPEN_GRAPH);
                }
                boolean first = true;
                List<Triple> subject = this.subject;
                while (triples.hasNext()) {
                    Triple t = triples.next();
                    if (!subject.isEmpty() && !subject.get(0).getSubject().equals(t.getSubject())) {
                        first = node(first, named);
                    }
                    subject.add(t);
                    count++;
                }
                node(first, named);
                if (named) w.raw(END_NAMED_GRAPH);
            } catch (IOException e) {
                throw io(e);
            } finally {
                Iter.close(triples);
            }
        }

        private void topSeparator() throws IOException {
            w.raw(firstTop ? FIRST_TOP : NEXT_TOP);
            firstTop = false;
        }

        private boolean node(boolean first, boolean named) throws IOException {
            if (subject.isEmpty()) return first;
            if (named) {
                w.raw(first ? FIRST_IN_GRAPH : NEXT_IN_GRAPH);
            } else {
                topSeparator();
            }
            writeNode(subject);
            subject.clear();
            return false;
        }

        private void writeNode(List<Triple> triples) throws IOException {
            w.raw(OPEN_ID);
            w.string(subjectId(triples.get(0).getSubject()));
            int n = triples.size();
            // @type: IRI classes only; anything else an rdf:type value (not expressible in @type)
            int types = 0;
            for (int i = 0; i < n; i++) {
                Triple t = triples.get(i);
                if (isClass(t)) {
                    w.raw(types++ == 0 ? OPEN_TYPES : COMMA);
                    w.raw(iri(t.getObject()));
                }
            }
            if (types > 0) w.ascii(']');
            // Other predicates: all values of a predicate under one key, keys in the order of their
            // first triple (in index order values are adjacent; grouping keeps unsorted input compact).
            if (n > SCAN_GROUPING_LIMIT) {
                writeGroupedByMap(triples);
            } else {
                writeGroupedByScan(triples, n);
            }
            w.ascii('}');
        }

        private void writeGroupedByScan(List<Triple> triples, int n) throws IOException {
            boolean[] done = written;
            java.util.Arrays.fill(done, 0, n, false);
            for (int i = 0; i < n; i++) {
                if (done[i]) continue;
                Triple t = triples.get(i);
                if (isClass(t)) continue;
                Node p = t.getPredicate();
                Predicate pred = predicate(p);
                int more = 0;
                for (int j = i + 1; j < n; j++) {
                    Triple u = triples.get(j);
                    if (!done[j] && u.getPredicate().equals(p) && !isClass(u)) more++;
                }
                w.raw(pred.key());
                if (more == 0) {
                    value(t.getObject(), pred.coercion());
                    continue;
                }
                w.ascii('[');
                value(t.getObject(), pred.coercion());
                for (int j = i + 1; j < n && more > 0; j++) {
                    Triple u = triples.get(j);
                    if (!done[j] && u.getPredicate().equals(p) && !isClass(u)) {
                        done[j] = true;
                        more--;
                        w.raw(COMMA);
                        value(u.getObject(), pred.coercion());
                    }
                }
                w.ascii(']');
            }
        }

        private void writeGroupedByMap(List<Triple> triples) throws IOException {
            Map<Node, List<Node>> byPredicate = new java.util.LinkedHashMap<>();
            for (Triple t : triples) {
                if (isClass(t)) continue;
                byPredicate.computeIfAbsent(t.getPredicate(), k -> new ArrayList<>(2)).add(t.getObject());
            }
            for (Map.Entry<Node, List<Node>> e : byPredicate.entrySet()) {
                Predicate pred = predicate(e.getKey());
                w.raw(pred.key());
                List<Node> values = e.getValue();
                if (values.size() == 1) {
                    value(values.get(0), pred.coercion());
                } else {
                    w.ascii('[');
                    for (int i = 0; i < values.size(); i++) {
                        if (i > 0) w.raw(COMMA);
                        value(values.get(i), pred.coercion());
                    }
                    w.ascii(']');
                }
            }
        }

        private Predicate predicate(Node p) {
            Predicate pred = predicateCache.get(p);
            if (pred == null) {
                if (!p.isURI()) throw new SijillException(SijillException.Kind.INVALID_DATA, "predicate is not an IRI: " + p);
                JsonLdContext.Term term = context.termFor(p.getURI());
                String k = term != null ? term.name() : context.compactIri(p.getURI());
                byte[] quoted = Utf8JsonOutput.encodeString(k);
                byte[] key = new byte[quoted.length + 4];
                key[0] = ',';
                key[1] = ' ';
                System.arraycopy(quoted, 0, key, 2, quoted.length);
                key[key.length - 2] = ':';
                key[key.length - 1] = ' ';
                pred = new Predicate(key, term == null ? null : term.coercion());
                if (predicateCache.size() < CACHE_LIMIT) predicateCache.put(p, pred);
            }
            return pred;
        }

        /** @return the compacted IRI of an IRI node as a JSON string */
        private byte[] iri(Node o) {
            byte[] b = iriCache.get(o);
            if (b == null) {
                b = Utf8JsonOutput.encodeString(context.compactIri(o.getURI()));
                if (iriCache.size() >= CACHE_LIMIT) iriCache.clear();
                iriCache.put(o, b);
            }
            return b;
        }

        private void value(Node o, String coercion) throws IOException {
            if (o.isURI() || o.isBlank()) {
                boolean bare = "@id".equals(coercion);
                if (!bare) w.raw(OPEN_ID);
                if (o.isURI()) {
                    w.raw(iri(o));
                } else {
                    w.string(blankId(o));
                }
                if (!bare) w.ascii('}');
                return;
            }
            if (!o.isLiteral()) {
                throw new SijillException(SijillException.Kind.INVALID_DATA, "cannot write " + o + " in JSON-LD");
            }
            String lex = o.getLiteralLexicalForm();
            String lang = o.getLiteralLanguage();
            if (lang != null && !lang.isEmpty()) {
                w.raw(OPEN_VALUE);
                w.string(lex);
                w.raw(LANGUAGE);
                w.string(lang);
                if (o.getLiteralBaseDirection() != null) {
                    w.raw(DIRECTION);
                    w.string(o.getLiteralBaseDirection().direction());
                }
                w.ascii('}');
                return;
            }
            String dt = o.getLiteralDatatypeURI();
            if (coercion == null ? XSD_STRING.equals(dt) : coercion.equals(dt)) {
                w.string(lex);
            } else if (XSD_STRING.equals(dt)) {
                w.raw(OPEN_VALUE);
                w.string(lex);
                w.ascii('}');
            } else {
                w.raw(OPEN_VALUE);
                w.string(lex);
                w.raw(TYPE);
                w.raw(datatype(dt));
                w.ascii('}');
            }
        }

        private byte[] datatype(String dt) {
            byte[] c = datatypeCache.get(dt);
            if (c == null) {
                c = Utf8JsonOutput.encodeString(context.compactIri(dt));
                if (datatypeCache.size() < CACHE_LIMIT) datatypeCache.put(dt, c);
            }
            return c;
        }

        private String subjectId(Node n) {
            if (n.isURI()) return context.compactIri(n.getURI());
            if (n.isBlank()) return blankId(n);
            throw new SijillException(SijillException.Kind.INVALID_DATA, "subject or graph name is not an IRI or blank node: " + n);
        }

        @Override
        public void close() {
            try {
                if (!subject.isEmpty()) node(true, false);
                w.text(firstTop ? "]\n}\n" : "\n  ]\n}\n");
                w.flush();
            } catch (IOException e) {
                throw io(e);
            }
        }
    }

    private static boolean isClass(Triple t) {
        return t.getPredicate().equals(RDF.Nodes.type) && t.getObject().isURI();
    }

    /**
     * The quads of one pass, cut into runs of the same graph: {@link #nextGraph} starts the next
     * run, and the run itself is an iterator of its triples that stops where the graph changes.
     * Closing a run does not close the quads.
     */
    private static final class QuadRuns implements Iterator<Triple>, org.apache.jena.atlas.lib.Closeable {
        private final Iterator<Quad> quads;
        private Quad pending;
        private Node graph;

        QuadRuns(Iterator<Quad> quads) {
            this.quads = quads;
        }

        boolean hasNextGraph() {
            while (pending != null && graph != null && pending.getGraph().equals(graph)) {
                pending = quads.hasNext() ? quads.next() : null;  // the rest of a run not read
            }
            if (pending == null && quads.hasNext()) pending = quads.next();
            return pending != null;
        }

        Node nextGraph() {
            graph = pending.getGraph();
            return graph;
        }

        @Override
        public boolean hasNext() {
            if (pending == null && quads.hasNext()) pending = quads.next();
            return pending != null && pending.getGraph().equals(graph);
        }

        @Override
        public Triple next() {
            if (!hasNext()) throw new java.util.NoSuchElementException();
            Triple t = pending.asTriple();
            pending = null;
            return t;
        }

        @Override
        public void close() {
            // the quads are closed by whoever opened them
        }
    }

    /** Blank node labels made safe and injective: {@code _:b} + label; characters other than letters, digits and {@code -} as {@code _hex_}. */
    static String blankId(Node b) {
        String label = b.getBlankNodeLabel();
        StringBuilder sb = new StringBuilder(label.length() + 3).append("_:b");
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-') {
                sb.append(c);
            } else {
                sb.append('_').append(Integer.toHexString(c)).append('_');
            }
        }
        return sb.toString();
    }

    private String embeddedContext() {
        String json = context.json().strip();
        // The context document is {"@context": {...}}: embed the inner object.
        org.apache.jena.atlas.json.JsonObject doc = org.apache.jena.atlas.json.JSON.parse(json);
        return org.apache.jena.atlas.json.JSON.toStringFlat(doc.get("@context"));
    }

    private static UncheckedIOException io(IOException e) {
        return new UncheckedIOException(e);
    }
}
