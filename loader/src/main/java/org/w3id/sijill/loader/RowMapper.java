package org.w3id.sijill.loader;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import org.apache.jena.graph.Triple;
import java.util.Set;
import java.util.List;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.util.FmtUtils;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryException;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.syntax.ElementAssign;
import org.apache.jena.sparql.syntax.ElementBind;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;
import org.w3id.sijill.core.SourceDataException;

/**
 * Runs a table's mapping (a SPARQL CONSTRUCT) once per row, with the row's values put in for the
 * query's variables by Jena's syntactic substitution (in the template and the pattern alike):
 * {@code ?about}, {@code ?{column}} (an IRI or typed/tagged literal), {@code ?{column}_text} (the
 * raw text), {@code ?source}, {@code ?passage}, {@code ?evidence}, {@code ?graph} — except the
 * variables the mapping assigns itself ({@code BIND(… AS ?v)}, {@code VALUES}). Empty cells
 * stay unbound, so template triples using them are skipped. A list column runs the query once per
 * value (once per combination when there are several), and the union is kept. The triples go into
 * the named graph of the row's source.
 *
 * <pre>{@code
 * new RowMapper(table).map(validRow, streamRdf);
 * }</pre>
 */
public final class RowMapper {
    private static final Graph EMPTY = GraphFactory.createGraphMem();
    private final TableDefinition table;
    /** variables the mapping assigns itself (BIND … AS ?v, VALUES): never substituted */
    private final Set<Var> assigned = new HashSet<>();
    private final Set<Node> iriProperties;
    private long triples;

    public RowMapper(TableDefinition table) {
        this(table, Set.of());
    }

    /**
     * @param iriProperties properties whose values must be IRIs (the ontology's object
     *                      properties); {@code rdf:type} always is one
     */
    public RowMapper(TableDefinition table, Set<Node> iriProperties) {
        this.table = table;
        this.iriProperties = new HashSet<>(iriProperties);
        this.iriProperties.add(RDF.type.asNode());
        if (table.mapping().getQueryPattern() != null) {
            ElementWalker.walk(table.mapping().getQueryPattern(), new ElementVisitorBase() {
                @Override
                public void visit(ElementBind el) { assigned.add(el.getVar()); }

                @Override
                public void visit(ElementAssign el) { assigned.add(el.getVar()); }

                @Override
                public void visit(ElementData el) { assigned.addAll(el.getVars()); }
            });
        }
    }

    /** @return the number of triples written so far (before de-duplication by the store) */
    public long triples() { return triples; }

    /** Maps one row into quads of its source's graph. */
    public void map(ValidRow v, StreamRDF out) {
        Node graph = v.source().graph();
        for (Triple t : triples(v)) out.quad(Quad.create(graph, t));
    }

    /** @return the distinct triples the mapping gives for one row (the union over its list values) */
    public Set<Triple> triples(ValidRow v) {
        List<Binding> bindings = new ArrayList<>();
        combinations(v, new ArrayList<>(v.values().entrySet()), 0, base(v), bindings);
        Set<Triple> out = new LinkedHashSet<>();
        for (Binding b : bindings) {
            checkTemplate(v, b);
            Graph result;
            try {
                result = QueryExec.graph(EMPTY).query(table.mapping()).substitution(withoutAssigned(b)).construct();
            } catch (QueryException e) {
                throw new SourceDataException(table.mappingFile(), 0, null, "failed on " + v.row().file().getFileName()
                        + " line " + v.row().line() + ": " + e.getMessage());
            }
            result.find().forEach(t -> {
                out.add(t);
                triples++;
            });
        }
        return out;
    }

    /**
     * Refuses a template triple that would put a literal where RDF or the ontology needs an IRI:
     * in subject or predicate position, or as the value of {@code rdf:type} or an object property
     * (CONSTRUCT would silently drop the first kind and publish the second).
     */
    private void checkTemplate(ValidRow v, Binding b) {
        if (table.mapping().getConstructTemplate() == null) return;
        for (Triple t : table.mapping().getConstructTemplate().getTriples()) {
            check(v, t.getSubject(), b, "subject position (a subject must be an IRI)");
            check(v, t.getPredicate(), b, "predicate position (a property must be an IRI)");
            Node p = t.getPredicate().isVariable() ? b.get(Var.alloc(t.getPredicate())) : t.getPredicate();
            if (p != null && p.isURI() && iriProperties.contains(p)) {
                String name = p.equals(RDF.type.asNode()) ? "rdf:type" : PrefixMapping.Standard.shortForm(p.getURI());
                check(v, t.getObject(), b, "the value of " + name + " (an IRI belongs there)", name);
            }
        }
    }

    private void check(ValidRow v, Node n, Binding b, String where) {
        check(v, n, b, where, null);
    }

    private void check(ValidRow v, Node n, Binding b, String where, String property) {
        Node value = n.isVariable() ? b.get(Var.alloc(n)) : n;
        if (value == null || !value.isLiteral()) return;
        String token = n.isVariable() ? "?" + n.getName() : value.getLiteralLexicalForm();
        String field = property != null && !n.isVariable() ? property : n.isVariable() ? n.getName() : token;
        throw new SourceDataException(table.mappingFile(), MappingQuery.lineOf(table.mappingFile(), token), field,
                "puts a literal (" + FmtUtils.stringForNode(value) + ") in " + where + ", for " + v.row().file().getFileName()
                        + " line " + v.row().line());
    }

    private Binding withoutAssigned(Binding b) {
        if (assigned.isEmpty()) return b;
        BindingBuilder out = Binding.builder();
        b.forEach((var, node) -> {
            if (!assigned.contains(var)) out.add(var, node);
        });
        return out.build();
    }

    private static BindingBuilder base(ValidRow v) {
        BindingBuilder b = Binding.builder();
        b.add(Var.alloc("about"), v.about());
        b.add(Var.alloc("source"), v.source().iri());
        b.add(Var.alloc("source_text"), str(v.source().slug()));
        b.add(Var.alloc("graph"), v.source().graph());
        if (v.passage() != null) {
            b.add(Var.alloc("passage"), v.source().passageIri(v.passage()));
            b.add(Var.alloc("passage_text"), str(v.passage()));
        }
        if (v.evidence() != null) {
            b.add(Var.alloc("evidence"), v.evidence());
            b.add(Var.alloc("evidence_text"), str(v.evidence().getLiteralLexicalForm()));
        }
        return b;
    }

    private static void combinations(ValidRow v, List<Map.Entry<String, List<ValidRow.Value>>> cols, int i,
                                     BindingBuilder prefix, List<Binding> out) {
        if (i == cols.size()) {
            out.add(prefix.build());
            return;
        }
        String name = cols.get(i).getKey();
        for (ValidRow.Value value : cols.get(i).getValue()) {
            BindingBuilder b = Binding.builder(prefix.snapshot());
            b.add(Var.alloc(name), value.node());
            b.add(Var.alloc(name + "_text"), str(value.text()));
            combinations(v, cols, i + 1, b, out);
        }
    }

    private static Node str(String s) {
        return NodeFactory.createLiteralDT(s, XSDDatatype.XSDstring);
    }
}
