package org.w3id.sijill.server.sparql;

import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.SortCondition;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.op.Op1;
import org.apache.jena.sparql.algebra.op.Op2;
import org.apache.jena.sparql.algebra.op.OpExtendAssign;
import org.apache.jena.sparql.algebra.op.OpFilter;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.algebra.op.OpLeftJoin;
import org.apache.jena.sparql.algebra.op.OpN;
import org.apache.jena.sparql.algebra.op.OpOrder;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.op.OpTopN;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprFunction;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.expr.ExprList;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.core.SijillException.Kind;

/**
 * Checks a parsed query before it runs, on its algebra (never its text): every {@code SERVICE}
 * anywhere in it — nested groups, {@code OPTIONAL}, {@code MINUS}, subqueries, and graph patterns
 * inside expressions ({@code FILTER EXISTS}/{@code NOT EXISTS}, {@code BIND}, {@code ORDER BY},
 * aggregates) — must name an allowed endpoint; a variable endpoint ({@code SERVICE ?x}) cannot be
 * checked before execution and is refused. Nesting deeper than {@link #MAX_DEPTH} (a 20,000-branch
 * {@code UNION} is 20,000 levels) is refused too, before any recursive engine code overflows its stack.
 *
 * <pre>{@code
 * new QueryInspector(Set.of("https://query.wikidata.org/sparql")).check(QueryFactory.create(text));
 * }</pre>
 */
public final class QueryInspector {
    /** The deepest nesting of graph patterns and expressions accepted. */
    public static final int MAX_DEPTH = 1000;

    private final Set<String> allowedEndpoints;

    /** @param allowedEndpoints the endpoints {@code SERVICE} may name (empty: none) */
    public QueryInspector(Set<String> allowedEndpoints) {
        this.allowedEndpoints = Set.copyOf(allowedEndpoints);
    }

    /**
     * @param query a parsed query
     * @throws SijillException {@code FORBIDDEN} for a refused {@code SERVICE}, {@code BAD_INPUT} for nesting beyond {@link #MAX_DEPTH}
     */
    public void check(Query query) {
        op(Algebra.compile(query), 0);
    }

    private void op(Op op, int depth) {
        if (op == null) return;
        if (depth > MAX_DEPTH) throw tooDeep();
        if (op instanceof OpService s) service(s.getService());
        if (op instanceof OpFilter f) exprs(f.getExprs(), depth);
        if (op instanceof OpLeftJoin lj) exprs(lj.getExprs(), depth);
        if (op instanceof OpExtendAssign ea) ea.getVarExprList().getExprs().values().forEach(e -> expr(e, depth + 1));
        if (op instanceof OpGroup g) {
            g.getGroupVars().getExprs().values().forEach(e -> expr(e, depth + 1));
            g.getAggregators().forEach(a -> expr(a, depth + 1));
        }
        if (op instanceof OpOrder o) o.getConditions().stream().map(SortCondition::getExpression).forEach(e -> expr(e, depth + 1));
        if (op instanceof OpTopN t) t.getConditions().stream().map(SortCondition::getExpression).forEach(e -> expr(e, depth + 1));
        if (op instanceof Op1 o1) op(o1.getSubOp(), depth + 1);
        if (op instanceof Op2 o2) {
            op(o2.getLeft(), depth + 1);
            op(o2.getRight(), depth + 1);
        }
        if (op instanceof OpN on) on.getElements().forEach(e -> op(e, depth + 1));
    }

    private void exprs(ExprList list, int depth) {
        if (list != null) list.forEach(e -> expr(e, depth + 1));
    }

    private void expr(Expr e, int depth) {
        if (e == null) return;
        if (depth > MAX_DEPTH) throw tooDeep();
        if (e instanceof ExprFunctionOp fo) {
            Op inner = fo.getGraphPattern() != null ? fo.getGraphPattern()
                    : fo.getElement() != null ? Algebra.compile(fo.getElement()) : null;
            op(inner, depth + 1);
        }
        if (e instanceof ExprAggregator agg && agg.getAggregator().getExprList() != null) {
            agg.getAggregator().getExprList().forEach(x -> expr(x, depth + 1));
        }
        if (e instanceof ExprFunction f) f.getArgs().forEach(x -> expr(x, depth + 1));
    }

    private void service(Node endpoint) {
        if (endpoint.isVariable()) {
            throw new SijillException(Kind.FORBIDDEN, "SERVICE with a variable endpoint (" + endpoint
                    + ") is not allowed: the endpoint must be named so it can be checked before the query runs"
                    + (allowedEndpoints.isEmpty() ? "; federated queries are disabled on this server." : "."));
        }
        String iri = endpoint.isURI() ? endpoint.getURI() : endpoint.toString();
        if (!allowedEndpoints.contains(iri)) {
            throw new SijillException(Kind.FORBIDDEN, "SERVICE <" + iri + "> is not allowed: "
                    + (allowedEndpoints.isEmpty() ? "federated queries are disabled on this server."
                                                  : "the endpoint is not on this server's allow-list."));
        }
    }

    private static SijillException tooDeep() {
        return new SijillException(Kind.BAD_INPUT, "The query is nested too deeply (more than " + MAX_DEPTH
                + " levels of groups, UNION branches or expressions); simplify it, e.g. use VALUES instead of a long UNION.");
    }
}
