package org.w3id.sijill.loader;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.util.FmtUtils;
import org.w3id.sijill.core.SijillException;

/**
 * Validates the built data with the project's SHACL shapes (jena-shacl). A violation fails the
 * build with a readable report — one line per result: focus node, path, message, shape;
 * warnings and infos are counted and listed but do not fail it.
 *
 * <pre>{@code
 * ShapeValidator.Outcome o = new ShapeValidator(onto.shapesGraph(), prefixes).validate(unionGraph);
 * }</pre>
 */
public final class ShapeValidator {
    private static final int MAX_LISTED = 40;

    /** What validation found: shapes with targets checked, passed (all when no violation), warnings. */
    public record Outcome(int shapesChecked, int shapesPassed, int violations, List<String> warnings) {}

    private static final Node SH_PROPERTY = NodeFactory.createURI("http://www.w3.org/ns/shacl#property");
    private final Shapes shapes;
    private final Graph shapesGraph;
    private final PrefixMapping prefixes;

    public ShapeValidator(Graph shapesGraph, PrefixMapping prefixes) {
        this.shapes = LogicalConstraints.withoutBranchReports(Shapes.parse(shapesGraph));
        this.shapesGraph = shapesGraph;
        this.prefixes = prefixes;
    }

    /** @throws SijillException of kind INVALID_DATA when there is a violation */
    public Outcome validate(Graph data) {
        ValidationReport report = ShaclValidator.get().validate(shapes, data);
        List<String> violations = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Set<Node> failingShapes = new LinkedHashSet<>();
        for (ReportEntry e : report.getEntries()) {
            String line = format(e);
            if (e.severity() == Severity.Violation) {
                violations.add(line);
                failingShapes.add(e.source());
            } else {
                warnings.add(line);
            }
        }
        int checked = shapes.numRootShapes();
        if (!violations.isEmpty()) {
            StringBuilder sb = new StringBuilder("SHACL validation failed: " + violations.size() + " violation(s) of "
                    + failingShapes.size() + " shape(s):");
            violations.stream().limit(MAX_LISTED).forEach(v -> sb.append("\n  ").append(v));
            if (violations.size() > MAX_LISTED) sb.append("\n  … and ").append(violations.size() - MAX_LISTED).append(" more");
            throw new SijillException(SijillException.Kind.INVALID_DATA, sb.toString());
        }
        return new Outcome(checked, checked, 0, warnings);
    }

    private String format(ReportEntry e) {
        StringBuilder sb = new StringBuilder();
        sb.append(e.severity().level().getLocalName()).append(": focus ").append(str(e.focusNode()));
        if (e.resultPath() != null) sb.append(", path ").append(e.resultPath().toString(new org.apache.jena.sparql.core.Prologue(prefixes)));
        if (e.value() != null) sb.append(", value ").append(str(e.value()));
        sb.append(": ").append(e.message());
        sb.append(" [shape ").append(shapeName(e.source())).append(']');
        return sb.toString();
    }

    /** A blank property shape is named by the node shape that holds it. */
    private String shapeName(Node shape) {
        if (shape == null || !shape.isBlank()) return str(shape);
        List<Node> parents = shapesGraph.find(Node.ANY, SH_PROPERTY, shape).mapWith(t -> t.getSubject()).toList();
        return parents.isEmpty() ? "a blank shape" : shapeName(parents.get(0)) + " (a property shape)";
    }

    private String str(Node n) {
        return n == null ? "-" : FmtUtils.stringForNode(n, prefixes);
    }
}
