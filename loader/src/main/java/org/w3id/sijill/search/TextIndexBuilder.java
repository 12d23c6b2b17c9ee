package org.w3id.sijill.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.naming.Labels;
import org.w3id.sijill.naming.PassageNames;
import org.w3id.sijill.vocab.SIJILL;

/**
 * Writes the search index of a built store: one Lucene document per indexed literal of a Sijill
 * resource ({@link IndexedText}), in the layout of {@link SearchIndexDefinition}, with the
 * resource's class, countries and display names so that a search needs nothing else. Evidence
 * quotes are indexed on the resource that cites them, with the passage they come from.
 *
 * <pre>{@code
 * long docs = TextIndexBuilder.build(datasetGraph, storeDir.resolve(SearchIndexDefinition.FOLDER));
 * }</pre>
 */
public final class TextIndexBuilder {
    private TextIndexBuilder() {}

    /** The broad classes results are grouped by, in display order; the first a resource has is its group. */
    public static final List<String> GROUPS = List.of(
            SIJILL.NS + "Country", SIJILL.NS + "Organization", "http://xmlns.com/foaf/0.1/Person",
            SIJILL.NS + "LegalInstrument", SIJILL.NS + "LegalStatus", SIJILL.NS + "Initiative", SIJILL.NS + "Event",
            SIJILL.NS + "Presentation", SIJILL.NS + "Recommendation", SIJILL.NS + "SourceDocument", SIJILL.NS + "Passage",
            "http://www.w3.org/2004/02/skos/core#Concept");

    private static final Node ISO2 = NodeFactory.createURI(SIJILL.NS + "iso2");
    private static final List<Node> COUNTRY_LINKS = List.of(NodeFactory.createURI(SIJILL.NS + "country"),
            NodeFactory.createURI(SIJILL.NS + "jurisdiction"), NodeFactory.createURI(SIJILL.NS + "participatingCountry"));
    private static final Node EVIDENCE = NodeFactory.createURI(SIJILL.NS + "evidence");
    private static final Node PROV_VALUE = NodeFactory.createURI("http://www.w3.org/ns/prov#value");
    private static final Node QUOTED_FROM = NodeFactory.createURI("http://www.w3.org/ns/prov#wasQuotedFrom");
    private static final Node IS_PART_OF = NodeFactory.createURI("http://purl.org/dc/terms/isPartOf");
    private static final Node IDENTIFIER = NodeFactory.createURI("http://purl.org/dc/terms/identifier");
    private static final Node IN_SCHEME = NodeFactory.createURI("http://www.w3.org/2004/02/skos/core#inScheme");
    private static final Node RECOMMENDATION_TEXT = NodeFactory.createURI(SIJILL.NS + "text");
    /** What names a resource that has no name: the names of these, joined. */
    private static final List<Node> NAME_LINKS = List.of(NodeFactory.createURI(SIJILL.NS + "jurisdiction"),
            NodeFactory.createURI(SIJILL.NS + "topic"), NodeFactory.createURI(SIJILL.NS + "status"),
            NodeFactory.createURI("http://www.w3.org/ns/org#member"), NodeFactory.createURI("http://www.w3.org/ns/org#organization"));
    private static final List<Node> NAME_PREDICATES = List.of(RDFS.label.asNode(),
            NodeFactory.createURI("http://www.w3.org/2004/02/skos/core#prefLabel"),
            NodeFactory.createURI("http://xmlns.com/foaf/0.1/name"), NodeFactory.createURI("http://purl.org/dc/terms/title"));

    /**
     * @param dsg the built store (read in its own read transaction)
     * @param dir the index folder to create (normally {@code {store}/text-index})
     * @return the number of documents written
     * @throws SijillException {@code ENVIRONMENT} when the index cannot be written
     */
    public static long build(DatasetGraph dsg, Path dir) {
        TextIndexLucene index = SearchIndexDefinition.open(dir);
        try {
            IndexWriter writer = index.getIndexWriter();
            long n = Txn.calculateRead(dsg, () -> write(dsg, writer));
            index.commit();
            return n;
        } catch (SijillException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "cannot build the text index at " + dir + ": " + e.getMessage(), e);
        } finally {
            index.close();
        }
    }

    private static long write(DatasetGraph dsg, IndexWriter writer) {
        Graph union = dsg.getUnionGraph();
        Resources resources = new Resources(union);
        long n = 0;
        try {
            for (IndexedText kind : IndexedText.values()) {
                if (kind == IndexedText.QUOTE) continue;
                for (String p : kind.predicates()) {
                    Set<Triple> seen = new LinkedHashSet<>();
                    union.find(Node.ANY, NodeFactory.createURI(p), Node.ANY).forEachRemaining(t -> {
                        if (t.getSubject().isURI() && t.getSubject().getURI().startsWith(SIJILL.ID) && t.getObject().isLiteral()) seen.add(t);
                    });
                    for (Triple t : seen) {
                        writer.addDocument(document(kind, t.getSubject(), t.getObject(), null, resources));
                        n++;
                    }
                }
            }
            Set<List<Node>> quotes = new LinkedHashSet<>();
            union.find(Node.ANY, EVIDENCE, Node.ANY).forEachRemaining(t -> {
                if (!t.getSubject().isURI()) return;
                Node passage = first(union, t.getObject(), QUOTED_FROM);
                union.find(t.getObject(), PROV_VALUE, Node.ANY).forEachRemaining(q -> {
                    if (q.getObject().isLiteral()) {
                        quotes.add(java.util.Arrays.asList(t.getSubject(), q.getObject(), passage));
                    }
                });
            });
            for (List<Node> q : quotes) {
                writer.addDocument(document(IndexedText.QUOTE, q.get(0), q.get(1), q.get(2), resources));
                n++;
            }
        } catch (IOException e) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "cannot write the text index: " + e.getMessage(), e);
        }
        return n;
    }

    private static Document document(IndexedText kind, Node owner, Node literal, Node passage, Resources resources) {
        Resource r = resources.of(owner);
        String value = literal.getLiteralLexicalForm();
        String lang = literal.getLiteralLanguage();
        Document doc = new Document();
        doc.add(new Field(SearchIndexDefinition.URI, owner.getURI(), TextIndexLucene.ftIRI));
        doc.add(new Field(kind.field(), value, TextField.TYPE_STORED));
        if (lang != null && !lang.isEmpty()) {
            doc.add(new StringField(SearchIndexDefinition.LANG, lang, Field.Store.YES));
            doc.add(new Field(kind.field() + "_" + lang, value, TextField.TYPE_NOT_STORED));
            String primary = SearchAnalyzers.primaryLanguage(lang);
            if (!primary.equals(lang)) doc.add(new Field(kind.field() + "_" + primary, value, TextField.TYPE_NOT_STORED));
        }
        doc.add(new StringField(SearchIndexDefinition.KIND, kind.name(), Field.Store.YES));
        if (kind.isName()) doc.add(new StringField(SearchIndexDefinition.EXACT, SearchAnalyzers.exactKey(value), Field.Store.NO));
        if (kind.isName() && "en".equals(SearchAnalyzers.primaryLanguage(lang))) {
            SearchAnalyzers.initialsKey(value).ifPresent(k -> doc.add(new StringField(SearchIndexDefinition.EXACT, k, Field.Store.NO)));
        }
        doc.add(new StringField(SearchIndexDefinition.GROUP, r.group, Field.Store.YES));
        doc.add(new StoredField(SearchIndexDefinition.TYPE, r.type));
        for (String c : r.countries) doc.add(new StringField(SearchIndexDefinition.COUNTRY, c, Field.Store.YES));
        if (r.nameEn != null) doc.add(new StoredField(SearchIndexDefinition.NAME_EN, r.nameEn));
        if (r.nameAr != null) doc.add(new StoredField(SearchIndexDefinition.NAME_AR, r.nameAr));
        if (passage != null && passage.isURI()) doc.add(new StoredField(SearchIndexDefinition.PASSAGE, passage.getURI()));
        if (r.schemeEn != null) doc.add(new StoredField(SearchIndexDefinition.SCHEME_EN, r.schemeEn));
        if (r.schemeAr != null) doc.add(new StoredField(SearchIndexDefinition.SCHEME_AR, r.schemeAr));
        return doc;
    }

    private static Node first(Graph g, Node s, Node p) {
        var it = g.find(s, p, Node.ANY);
        try {
            return it.hasNext() ? it.next().getObject() : null;
        } finally {
            it.close();
        }
    }

    /** What the index stores about a resource. */
    private record Resource(String group, String type, Set<String> countries, String nameEn, String nameAr,
                            String schemeEn, String schemeAr) {}

    /** Looks up, once per resource, its class, countries and names. */
    private static final class Resources {
        private final Graph g;
        private final Map<Node, Resource> cache = new HashMap<>();
        private final Map<Node, Integer> depth = new HashMap<>();

        Resources(Graph g) { this.g = g; }

        Resource of(Node s) {
            return cache.computeIfAbsent(s, this::describe);
        }

        private Resource describe(Node s) {
            List<Node> types = new ArrayList<>();
            g.find(s, RDF.type.asNode(), Node.ANY).forEachRemaining(t -> { if (t.getObject().isURI()) types.add(t.getObject()); });
            String group = "";
            for (String gr : GROUPS) {
                if (types.stream().anyMatch(t -> t.getURI().equals(gr))) { group = gr; break; }
            }
            List<Node> sijillTypes = types.stream().filter(t -> t.getURI().startsWith(SIJILL.NS)).toList();
            Node type = (sijillTypes.isEmpty() ? types : sijillTypes).stream()
                    .max(java.util.Comparator.comparingInt(this::depth).thenComparing(Node::getURI)).orElse(null);
            if (group.isEmpty() && type != null) group = type.getURI();
            Set<String> countries = new TreeSet<>();
            Node own = first(g, s, ISO2);
            if (own != null && own.isLiteral()) countries.add(own.getLiteralLexicalForm());
            for (Node link : COUNTRY_LINKS) {
                g.find(s, link, Node.ANY).forEachRemaining(t -> {
                    Node code = first(g, t.getObject(), ISO2);
                    if (code != null && code.isLiteral()) countries.add(code.getLiteralLexicalForm());
                });
            }
            String en = name(s, "en");
            String ar = name(s, "ar");
            if (en == null && ar == null) {
                // a passage: named as its page names it, by its document and its place in it
                Node docNode = first(g, s, IS_PART_OF);
                Node id = first(g, s, IDENTIFIER);
                if (docNode != null && id != null && id.isLiteral()) {
                    en = PassageNames.of(g, s, "en").orElse(null);
                    ar = PassageNames.of(g, s, "ar").orElse(null);
                    for (Node link : COUNTRY_LINKS) {
                        g.find(docNode, link, Node.ANY).forEachRemaining(t -> {
                            Node code = first(g, t.getObject(), ISO2);
                            if (code != null && code.isLiteral()) countries.add(code.getLiteralLexicalForm());
                        });
                    }
                }
            }
            if (en == null && ar == null) {
                // a resource without a name of its own (a legal-status claim, a membership): the names of what it links
                en = composedName(s, "en");
                ar = composedName(s, "ar");
            }
            if (en == null && ar == null) {
                // a recommendation: the start of its text
                Node text = first(g, s, RECOMMENDATION_TEXT);
                if (text != null && text.isLiteral()) {
                    String t = text.getLiteralLexicalForm();
                    String cut = t.length() <= 120 ? t : t.substring(0, 120) + "…";
                    if (SearchAnalyzers.primaryLanguage(text.getLiteralLanguage()).equals("en")) en = cut; else ar = cut;
                }
            }
            // a concept: its scheme's name, which tells apart concepts of the same name in several schemes
            Node scheme = first(g, s, IN_SCHEME);
            String schemeEn = scheme == null ? null : Labels.label(g, scheme, "en").map(Labels.Name::text).orElse(null);
            String schemeAr = scheme == null ? null : Labels.label(g, scheme, "ar").map(Labels.Name::text).orElse(null);
            return new Resource(group, type == null ? "" : type.getURI(), countries, en, ar, schemeEn, schemeAr);
        }

        private String composedName(Node s, String lang) {
            List<String> parts = new ArrayList<>();
            for (Node p : NAME_LINKS) {
                Node o = first(g, s, p);
                if (o == null || !o.isURI()) continue;
                String n = name(o, lang);
                if (n == null) n = name(o, lang.equals("en") ? "ar" : "en");
                if (n != null) parts.add(n);
            }
            return parts.isEmpty() ? null : String.join(" · ", parts);
        }

        private String name(Node s, String lang) {
            String untagged = null;
            for (Node p : NAME_PREDICATES) {
                var it = g.find(s, p, Node.ANY);
                try {
                    while (it.hasNext()) {
                        Node o = it.next().getObject();
                        if (!o.isLiteral()) continue;
                        String l = SearchAnalyzers.primaryLanguage(o.getLiteralLanguage());
                        if (l.equals(lang)) return o.getLiteralLexicalForm();
                        if (l.isEmpty() && untagged == null) untagged = o.getLiteralLexicalForm();
                    }
                } finally {
                    it.close();
                }
            }
            return untagged;
        }

        private int depth(Node cls) {
            Integer d = depth.get(cls);
            if (d != null) return d;
            depth.put(cls, 0); // guards against cycles
            int max = 0;
            var it = g.find(cls, RDFS.subClassOf.asNode(), Node.ANY);
            List<Node> supers = new ArrayList<>();
            it.forEachRemaining(t -> { if (t.getObject().isURI()) supers.add(t.getObject()); });
            for (Node sup : supers) max = Math.max(max, depth(sup) + 1);
            depth.put(cls, max);
            return max;
        }
    }
}
