package org.w3id.sijill.server.pages;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.util.FmtUtils;
import org.w3id.sijill.query.NamedQuery;
import org.w3id.sijill.query.QueryParameter;

/**
 * The text the query page is prefilled with for an example: the author's query text unchanged,
 * with the {@code @example} values of its single-valued parameters bound by a {@code VALUES}
 * block (serialized by Jena) put first in the outer {@code WHERE} group, so a bound variable
 * reaches every pattern, {@code OPTIONAL} and {@code FILTER} of that group — and nothing in
 * {@code ORDER BY} or the comments is rewritten. Repeatable parameters already have their
 * {@code VALUES} block in the text (with the example values), which is left as written.
 *
 * <p>The insertion point is found by scanning for the first {@code {} outside comments,
 * strings and IRIs; the result is checked by parsing it and comparing with the same binding
 * made on the parsed query by Jena, and when they differ (an unusual query form) the page shows
 * Jena's serialization of the bound query instead.
 *
 * <pre>{@code
 * String text = ExampleBinding.prefill(catalog.find("cq01-topic-status-by-country").orElseThrow());
 * }</pre>
 */
public final class ExampleBinding {
    private ExampleBinding() {}

    /** @return the text to prefill the query page with */
    public static String prefill(NamedQuery q) {
        List<ElementData> blocks = new ArrayList<>();
        q.examples().forEach((name, values) -> {
            QueryParameter p = q.parameter(name).orElse(null);
            if (p == null || p.repeatable() || values.isEmpty()) return;
            Var v = Var.alloc(name);
            ElementData data = new ElementData();
            data.add(v);
            Node n = p.toNode(values.get(0));
            data.add(BindingFactory.binding(v, n));
            blocks.add(data);
        });
        if (blocks.isEmpty()) return q.text();
        Query expected = withLeadingValues(q.query(), blocks);
        int brace = firstGroupBrace(q.text());
        if (brace >= 0) {
            StringBuilder values = new StringBuilder();
            for (ElementData d : blocks) values.append("\n  ").append(valuesLine(d));
            String text = q.text().substring(0, brace + 1) + values + q.text().substring(brace + 1);
            if (parsesTo(text, expected)) return text;
        }
        return header(q.text()) + expected.serialize();
    }

    private static boolean parsesTo(String text, Query expected) {
        try {
            return QueryFactory.create(text, Syntax.syntaxARQ).equals(expected);
        } catch (QueryParseException e) {
            return false;
        }
    }

    private static String valuesLine(ElementData d) {
        Var v = d.getVars().get(0);
        return "VALUES ?" + v.getVarName() + " { " + FmtUtils.stringForNode(d.getRows().get(0).get(v)) + " }";
    }

    private static Query withLeadingValues(Query original, List<ElementData> blocks) {
        Query q = original.cloneQuery();
        Element pattern = q.getQueryPattern();
        ElementGroup group = new ElementGroup();
        blocks.forEach(group::addElement);
        if (pattern instanceof ElementGroup g) {
            g.getElements().forEach(group::addElement);
        } else if (pattern != null) {
            group.addElement(pattern);
        }
        q.setQueryPattern(group);
        return q;
    }

    /** @return the index of the first '{' outside comments, string literals and IRIs, or -1 */
    static int firstGroupBrace(String text) {
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '#') {
                while (i < n && text.charAt(i) != '\n') i++;
            } else if (c == '"' || c == '\'') {
                boolean triple = text.startsWith(String.valueOf(c).repeat(3), i);
                String close = triple ? String.valueOf(c).repeat(3) : String.valueOf(c);
                i += close.length();
                while (i < n && !text.startsWith(close, i)) i += text.charAt(i) == '\\' ? 2 : 1;
                i += close.length();
            } else if (c == '<' && i + 1 < n && !Character.isWhitespace(text.charAt(i + 1)) && text.charAt(i + 1) != '=') {
                int end = text.indexOf('>', i);
                if (end < 0) return -1;
                i = end + 1;
            } else if (c == '{') {
                return i;
            } else {
                i++;
            }
        }
        return -1;
    }

    private static String header(String text) {
        StringBuilder header = new StringBuilder();
        for (String line : text.split("\\R")) {
            if (!line.startsWith("#")) break;
            header.append(line).append('\n');
        }
        return header.toString();
    }
}
