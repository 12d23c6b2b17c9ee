package org.w3id.sijill.loader;

import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.engine.ValidationContext;
import org.apache.jena.shacl.engine.constraint.ConstraintOp1;
import org.apache.jena.shacl.engine.constraint.ConstraintOpN;
import org.apache.jena.shacl.engine.constraint.ShAnd;
import org.apache.jena.shacl.engine.constraint.ShNode;
import org.apache.jena.shacl.engine.constraint.ShNot;
import org.apache.jena.shacl.engine.constraint.ShOr;
import org.apache.jena.shacl.engine.constraint.ShXone;
import org.apache.jena.shacl.lib.ShLib;
import org.apache.jena.shacl.parser.Constraint;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.validation.ReportItem;
import org.apache.jena.shacl.validation.ValidationProc;

/**
 * jena-shacl's logical constraints ({@code sh:and}, {@code sh:or}, {@code sh:xone},
 * {@code sh:not}, {@code sh:node}) validate each branch in a context of its own and then build
 * that context's whole RDF report only to ask whether it conforms: at 10^4 synthetic rows that
 * building was half of the build's validation (the statement shape has an {@code sh:xone} of four
 * shapes and two {@code sh:or}s per statement). This swaps each of them, in place in the parsed
 * shapes, for a subclass that asks the branch's context whether it saw a result
 * ({@link ValidationContext#hasViolation()}, set by the same call that adds a report entry, so it
 * is {@code conforms()} negated). Everything else (component, messages, the results the outer
 * constraint reports) is the subclass's parent's.
 *
 * <pre>{@code
 * Shapes shapes = LogicalConstraints.withoutBranchReports(Shapes.parse(shapesGraph));
 * ValidationReport report = ShaclValidator.get().validate(shapes, data);
 * }</pre>
 */
public final class LogicalConstraints {
    private LogicalConstraints() {}

    /** @return the same shapes, their logical constraints (at any depth) replaced */
    public static Shapes withoutBranchReports(Shapes shapes) {
        Set<Shape> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        shapes.iteratorAll().forEachRemaining(s -> visit(s, seen));
        shapes.getShapeMap().values().forEach(s -> visit(s, seen));
        return shapes;
    }

    private static void visit(Shape shape, Set<Shape> seen) {
        if (!seen.add(shape)) return;
        Collection<Constraint> constraints = shape.getConstraints();
        if (constraints instanceof List<Constraint> list) {
            for (int i = 0; i < list.size(); i++) {
                Constraint replaced = replacement(list.get(i));
                if (replaced != null) list.set(i, replaced);
            }
        }
        for (Constraint c : constraints) {
            if (c instanceof ConstraintOpN n) n.getOthers().forEach(s -> visit(s, seen));
            if (c instanceof ConstraintOp1 o) visit(o.getOther(), seen);
        }
        shape.getPropertyShapes().forEach(p -> visit(p, seen));
    }

    /** @return the replacement of a stock logical constraint, or null for any other */
    private static Constraint replacement(Constraint c) {
        // exact classes: a subclass someone else made is left alone
        if (c.getClass() == ShXone.class) return new Xone(((ShXone) c).getOthers());
        if (c.getClass() == ShOr.class) return new Or(((ShOr) c).getOthers());
        if (c.getClass() == ShAnd.class) return new And(((ShAnd) c).getOthers());
        if (c.getClass() == ShNot.class) return new Not(((ShNot) c).getOther());
        if (c.getClass() == ShNode.class) return new NodeConstraint(((ShNode) c).getOther());
        return null;
    }

    /** @return whether the shape holds at the node, without building a report */
    static boolean conforms(ValidationContext vCxt, Graph data, Shape shape, Node node) {
        ValidationContext branch = ValidationContext.create(vCxt);
        ValidationProc.execValidateShape(branch, data, shape, node);
        return !branch.hasViolation();
    }

    /** @return whether some shape's holding at the node is {@code holding} (the first such one ends the search) */
    static boolean some(List<Shape> shapes, boolean holding, ValidationContext vCxt, Graph data, Node node) {
        for (Shape sh : shapes) {
            if (conforms(vCxt, data, sh, node) == holding) return true;
        }
        return false;
    }

    /** @return jena-shacl's result of a logical constraint: {@code "<what> at focusNode <node>"} */
    private static ReportItem result(String what, Node node) {
        return new ReportItem(what + " at focusNode " + ShLib.displayStr(node), node);
    }

    static final class Xone extends ShXone {
        Xone(List<Shape> others) {
            super(others);
        }

        @Override
        public ReportItem validate(ValidationContext vCxt, Graph data, Node node) {
            int c = 0;
            for (Shape sh : others) {
                if (conforms(vCxt, data, sh, node)) c++;
            }
            return c == 1 ? null : result(this + " has " + c + " conforming shapes", node);
        }
    }

    static final class Or extends ShOr {
        Or(List<Shape> others) {
            super(others);
        }

        @Override
        public ReportItem validate(ValidationContext vCxt, Graph data, Node node) {
            return some(others, true, vCxt, data, node) ? null : result(toString(), node);
        }
    }

    static final class And extends ShAnd {
        And(List<Shape> others) {
            super(others);
        }

        @Override
        public ReportItem validate(ValidationContext vCxt, Graph data, Node node) {
            return some(others, false, vCxt, data, node) ? result(toString(), node) : null;
        }
    }

    static final class Not extends ShNot {
        Not(Shape other) {
            super(other);
        }

        @Override
        public ReportItem validate(ValidationContext vCxt, Graph data, Node node) {
            return conforms(vCxt, data, other, node) ? result("Not[" + other + "]", node) : null;
        }
    }

    static final class NodeConstraint extends ShNode {
        NodeConstraint(Shape other) {
            super(other);
        }

        @Override
        public ReportItem validate(ValidationContext vCxt, Graph data, Node node) {
            return conforms(vCxt, data, other, node) ? null : result(toString(), node);
        }
    }
}
