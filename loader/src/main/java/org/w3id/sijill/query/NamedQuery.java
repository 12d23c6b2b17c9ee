package org.w3id.sijill.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.syntaxtransform.ElementTransformCopyBase;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.w3id.sijill.core.SijillException;

/**
 * One query of the project's {@code queries/} folder: its name (the file name without
 * {@code .rq}), title (English, and Arabic when the header has one; either may be null, not both) and description from the header comment, declared parameters and example
 * values, and the parsed query. {@link #bind} returns the query with parameter values put in by
 * Jena's syntactic substitution (repeatable parameters replace the {@code VALUES} block of their
 * variable), never by editing the query text.
 *
 * <pre>{@code
 * NamedQuery q = NamedQueryCatalog.load(paths.queries()).get("cq01-topic-status-by-country");
 * Query bound = q.bind(Map.of("topic", List.of("https://w3id.org/sijill/id/concept/law-topic/cybercrime")));
 * }</pre>
 */
public record NamedQuery(String name, String title, String titleAr, String description, List<QueryParameter> parameters,
                         Map<String, List<String>> examples, String text, Query query) {

    /** @return whether this is a data check ({@code *-violation.rq}) whose result must be empty */
    public boolean isViolationCheck() {
        return name.endsWith("-violation");
    }

    /** @return the parameter of that name, if declared */
    public java.util.Optional<QueryParameter> parameter(String paramName) {
        return parameters.stream().filter(p -> p.name().equals(paramName)).findFirst();
    }

    /**
     * Binds parameter values. Unknown parameter names, several values for a single-valued
     * parameter and malformed values are {@link SijillException.Kind#BAD_INPUT} errors.
     *
     * @param values parameter name → values (empty map: the query as written)
     */
    public Query bind(Map<String, List<String>> values) {
        Map<Var, Node> single = new HashMap<>();
        Map<Var, List<Node>> lists = new LinkedHashMap<>();
        values.forEach((paramName, given) -> {
            QueryParameter p = parameter(paramName).orElseThrow(() -> new SijillException(
                    SijillException.Kind.BAD_INPUT, "query '" + name + "' has no parameter '" + paramName
                    + "'; it takes: " + parameters.stream().map(QueryParameter::name).toList()));
            if (given.isEmpty()) return;
            if (!p.repeatable() && given.size() > 1) {
                throw new SijillException(SijillException.Kind.BAD_INPUT,
                        "parameter '" + paramName + "' of query '" + name + "' takes one value, got " + given.size());
            }
            List<Node> nodes = new ArrayList<>();
            for (String v : given) nodes.add(p.toNode(v));
            if (p.repeatable()) lists.put(Var.alloc(paramName), nodes);
            else single.put(Var.alloc(paramName), nodes.get(0));
        });
        Query q = query;
        if (!lists.isEmpty()) q = QueryTransformOps.transform(q, new ValuesReplacement(lists));
        if (!single.isEmpty()) q = QueryTransformOps.syntaxSubstitute(q, single);
        return q;
    }

    /** Replaces the rows of a one-variable VALUES block by the given values. */
    private static final class ValuesReplacement extends ElementTransformCopyBase {
        private final Map<Var, List<Node>> lists;

        ValuesReplacement(Map<Var, List<Node>> lists) {
            this.lists = lists;
        }

        @Override
        public Element transform(ElementData el) {
            if (el.getVars().size() != 1 || !lists.containsKey(el.getVars().get(0))) return super.transform(el);
            Var v = el.getVars().get(0);
            ElementData replaced = new ElementData();
            replaced.add(v);
            for (Node n : lists.get(v)) replaced.add(BindingFactory.binding(v, n));
            return replaced;
        }
    }
}
