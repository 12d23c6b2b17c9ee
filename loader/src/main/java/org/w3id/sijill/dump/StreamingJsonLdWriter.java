package org.w3id.sijill.dump;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
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

    private final JsonLdContext context;
    private final ContextMode mode;
    private final Map<Node, String> keyCache = new HashMap<>();
    private final Map<String, String> datatypeCache = new HashMap<>();

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
            s.graph(null, dsg.getDefaultGraph().find());
            Iterator<Node> names = dsg.listGraphNodes();
            try {
                while (names.hasNext()) {
                    Node g = names.next();
                    s.graph(g, Iter.map(dsg.find(g, Node.ANY, Node.ANY, Node.ANY), Quad::asTriple));
                }
            } finally {
                Iter.close(names);
            }
            return s.count();
        }
    }

    /** Starts a document on {@code out}; add graphs with {@link Session#graph}, then close it. */
    public Session open(OutputStream out) {
        return new Session(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16));
    }

    /** One JSON-LD document being written. Closing it ends the document and flushes (it does not close the stream). */
    public final class Session implements AutoCloseable {
        private final Writer w;
        private boolean firstTop = true;
        private long count;
        private final List<Triple> subject = new ArrayList<>();

        private Session(Writer w) {
            this.w = w;
            try {
                w.write("{\n  \"@context\": ");
                if (mode == ContextMode.REFERENCE) {
                    string(context.url());
                } else {
                    w.write(embeddedContext());
                }
                w.write(",\n  \"@graph\": [");
            } catch (IOException e) {
                throw io(e);
            }
        }

        /** @return the number of triples written so far */
        public long count() { return count; }

        /**
         * Writes one graph ({@code graphName} {@code null} or the default-graph node for the
         * default graph). Triples should come grouped by subject. The iterator is closed.
         */
        public void graph(Node graphName, Iterator<Triple> triples) {
            try {
                if (!triples.hasNext()) return;
                boolean named = graphName != null && !Quad.isDefaultGraph(graphName);
                String indent = named ? "      " : "    ";
                if (named) {
                    topSeparator();
                    w.write("{\"@id\": ");
                    string(subjectId(graphName));
                    w.write(", \"@graph\": [");
                }
                boolean first = true;
                while (triples.hasNext()) {
                    Triple t = triples.next();
                    if (!subject.isEmpty() && !subject.get(0).getSubject().equals(t.getSubject())) {
                        first = node(first, named, indent);
                    }
                    subject.add(t);
                    count++;
                }
                node(first, named, indent);
                if (named) w.write("\n    ]}");
            } catch (IOException e) {
                throw io(e);
            } finally {
                Iter.close(triples);
            }
        }

        private void topSeparator() throws IOException {
            w.write(firstTop ? "\n    " : ",\n    ");
            firstTop = false;
        }

        private boolean node(boolean first, boolean named, String indent) throws IOException {
            if (subject.isEmpty()) return first;
            if (named) {
                w.write(first ? "\n" : ",\n");
                w.write(indent);
            } else {
                topSeparator();
            }
            writeNode(subject);
            subject.clear();
            return false;
        }

        private void writeNode(List<Triple> triples) throws IOException {
            w.write("{\"@id\": ");
            string(subjectId(triples.get(0).getSubject()));
            // @type: IRI classes only; anything else an rdf:type value (not expressible in @type)
            int types = 0;
            for (Triple t : triples) {
                if (t.getPredicate().equals(RDF.Nodes.type) && t.getObject().isURI()) {
                    w.write(types++ == 0 ? ", \"@type\": [" : ", ");
                    string(context.compactIri(t.getObject().getURI()));
                }
            }
            if (types > 0) w.write(']');
            // Other predicates: group all values of a predicate (in index order they are adjacent,
            // but grouping here keeps non-sorted input compact too).
            Map<Node, List<Node>> byPredicate = new java.util.LinkedHashMap<>();
            for (Triple t : triples) {
                if (t.getPredicate().equals(RDF.Nodes.type) && t.getObject().isURI()) continue;
                byPredicate.computeIfAbsent(t.getPredicate(), k -> new ArrayList<>(2)).add(t.getObject());
            }
            for (Map.Entry<Node, List<Node>> e : byPredicate.entrySet()) {
                Node p = e.getKey();
                JsonLdContext.Term term = p.isURI() ? context.termFor(p.getURI()) : null;
                w.write(", ");
                string(key(p, term));
                w.write(": ");
                List<Node> values = e.getValue();
                String coercion = term == null ? null : term.coercion();
                if (values.size() == 1) {
                    value(values.get(0), coercion);
                } else {
                    w.write('[');
                    for (int i = 0; i < values.size(); i++) {
                        if (i > 0) w.write(", ");
                        value(values.get(i), coercion);
                    }
                    w.write(']');
                }
            }
            w.write('}');
        }

        private String key(Node p, JsonLdContext.Term term) {
            String k = keyCache.get(p);
            if (k == null) {
                if (!p.isURI()) throw new SijillException(SijillException.Kind.INVALID_DATA, "predicate is not an IRI: " + p);
                k = term != null ? term.name() : context.compactIri(p.getURI());
                if (keyCache.size() < CACHE_LIMIT) keyCache.put(p, k);
            }
            return k;
        }

        private void value(Node o, String coercion) throws IOException {
            if (o.isURI() || o.isBlank()) {
                String id = o.isURI() ? context.compactIri(o.getURI()) : blankId(o);
                if ("@id".equals(coercion)) {
                    string(id);
                } else {
                    w.write("{\"@id\": ");
                    string(id);
                    w.write('}');
                }
                return;
            }
            if (!o.isLiteral()) {
                throw new SijillException(SijillException.Kind.INVALID_DATA, "cannot write " + o + " in JSON-LD");
            }
            String lex = o.getLiteralLexicalForm();
            String lang = o.getLiteralLanguage();
            if (lang != null && !lang.isEmpty()) {
                w.write("{\"@value\": ");
                string(lex);
                w.write(", \"@language\": ");
                string(lang);
                if (o.getLiteralBaseDirection() != null) {
                    w.write(", \"@direction\": ");
                    string(o.getLiteralBaseDirection().direction());
                }
                w.write('}');
                return;
            }
            String dt = o.getLiteralDatatypeURI();
            if (coercion == null ? XSD_STRING.equals(dt) : coercion.equals(dt)) {
                string(lex);
            } else if (XSD_STRING.equals(dt)) {
                w.write("{\"@value\": ");
                string(lex);
                w.write('}');
            } else {
                w.write("{\"@value\": ");
                string(lex);
                w.write(", \"@type\": ");
                string(datatype(dt));
                w.write('}');
            }
        }

        private String datatype(String dt) {
            String c = datatypeCache.get(dt);
            if (c == null) {
                c = context.compactIri(dt);
                if (datatypeCache.size() < CACHE_LIMIT) datatypeCache.put(dt, c);
            }
            return c;
        }

        private String subjectId(Node n) {
            if (n.isURI()) return context.compactIri(n.getURI());
            if (n.isBlank()) return blankId(n);
            throw new SijillException(SijillException.Kind.INVALID_DATA, "subject or graph name is not an IRI or blank node: " + n);
        }

        private void string(String s) throws IOException {
            JsonStrings.write(w, s);
        }

        @Override
        public void close() {
            try {
                if (!subject.isEmpty()) node(true, false, "    ");
                w.write(firstTop ? "]\n}\n" : "\n  ]\n}\n");
                w.flush();
            } catch (IOException e) {
                throw io(e);
            }
        }
    }

    /** Blank node labels made safe and injective: {@code _:b} + label, other characters as {@code _hex_}. */
    static String blankId(Node b) {
        String label = b.getBlankNodeLabel();
        StringBuilder sb = new StringBuilder(label.length() + 3).append("_:b");
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
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
