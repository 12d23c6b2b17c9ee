package org.w3id.sijill.ontology;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.Prologue;

/**
 * SHACL validation with Apache Jena, and the link from each validation result back to the named
 * shape it belongs to: a result's {@code sh:sourceShape} is often an anonymous property shape,
 * and the named node shape is found by walking up the shapes graph from it. This is what lets an
 * invalid example say which named shape it breaks.
 *
 * <pre>{@code
 * ShapeValidation v = new ShapeValidation(shapesModel);
 * ValidationReport report = v.validate(dataModel);
 * Set<Node> broken = v.namedShapesOf(report);
 * }</pre>
 */
public final class ShapeValidation {

    private final Graph shapesGraph;
    private final Shapes shapes;
    private final PrefixMapping prefixes;

    /**
     * @param shapesModel the SHACL shapes
     * @throws org.apache.jena.shacl.parser.ShaclParseException when the shapes are malformed
     */
    public ShapeValidation(Model shapesModel) {
        this.shapesGraph = shapesModel.getGraph();
        this.shapes = Shapes.parse(shapesGraph);
        this.prefixes = shapesModel;
    }

    /** @return the SHACL validation report of the data against the shapes */
    public ValidationReport validate(Model data) {
        return ShaclValidator.get().validate(shapes, data.getGraph());
    }

    /** @return the named (IRI) shapes that the report's results come from */
    public Set<Node> namedShapesOf(ValidationReport report) {
        Set<Node> out = new LinkedHashSet<>();
        for (ReportEntry e : report.getEntries()) out.add(namedShapeOf(e));
        return out;
    }

    /** @return the named shape a result comes from, or its anonymous source shape when there is none */
    public Node namedShapeOf(ReportEntry entry) {
        Node n = entry.source();
        Set<Node> seen = new HashSet<>();
        while (n != null && !n.isURI() && seen.add(n)) {
            List<Triple> up = shapesGraph.find(Node.ANY, Node.ANY, n).toList();
            if (up.isEmpty()) break;
            n = up.get(0).getSubject();
        }
        return n == null ? entry.source() : n;
    }

    /** @return one line per result: the named shape, focus node, path and message */
    public List<String> describe(ValidationReport report) {
        List<String> lines = new ArrayList<>();
        for (ReportEntry e : report.getEntries()) {
            StringBuilder sb = new StringBuilder();
            sb.append(shortName(namedShapeOf(e))).append(": ").append(shortName(e.focusNode()));
            if (e.resultPath() != null) sb.append(' ').append(e.resultPath().toString(new Prologue(prefixes)));
            if (e.value() != null) sb.append(" (value ").append(shortName(e.value())).append(')');
            sb.append(": ").append(e.message());
            lines.add(sb.toString());
        }
        return lines;
    }

    /** @return a node written with the shapes' prefixes where one applies */
    public String shortName(Node n) {
        if (n == null) return "?";
        if (n.isURI()) {
            String q = prefixes.qnameFor(n.getURI());
            return q != null ? q : "<" + n.getURI() + ">";
        }
        if (n.isBlank()) return "[]";
        return n.toString();
    }
}
