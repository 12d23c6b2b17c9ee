package org.w3id.sijill.query;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIs;
import org.w3id.sijill.core.SijillException;

/**
 * A parameter of a {@link NamedQuery}, declared in the query's header comment as
 * {@code # @param name type description} where type is {@code iri}, {@code integer} or
 * {@code string}, followed by {@code *} when the parameter takes several values (those replace
 * the query's {@code VALUES} block for that variable).
 *
 * <pre>{@code
 * QueryParameter p = QueryParameter.parse("topic iri A law-topic concept");
 * Node n = p.toNode("https://w3id.org/sijill/id/concept/law-topic/cybercrime");
 * }</pre>
 */
public record QueryParameter(String name, Type type, boolean repeatable, String description) {

    /** The kinds of value a parameter takes. */
    public enum Type { IRI, INTEGER, STRING }

    /** Parses the text after {@code @param}. */
    public static QueryParameter parse(String declaration) {
        String[] parts = declaration.trim().split("\\s+", 3);
        if (parts.length < 2) {
            throw new SijillException(SijillException.Kind.BAD_INPUT,
                    "malformed @param declaration '" + declaration + "' (expected: name type description)");
        }
        String typeText = parts[1];
        boolean repeatable = typeText.endsWith("*");
        if (repeatable) typeText = typeText.substring(0, typeText.length() - 1);
        Type type;
        try {
            type = Type.valueOf(typeText.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SijillException(SijillException.Kind.BAD_INPUT,
                    "unknown parameter type '" + typeText + "' in '" + declaration + "' (iri, integer, string)", e);
        }
        return new QueryParameter(parts[0], type, repeatable, parts.length > 2 ? parts[2] : "");
    }

    /** Converts a request value to an RDF term of this parameter's type, or fails with a reason. */
    public Node toNode(String value) {
        String v = value.trim();
        switch (type) {
            case IRI -> {
                if (v.startsWith("<") && v.endsWith(">")) v = v.substring(1, v.length() - 1);
                if (!(v.startsWith("http://") || v.startsWith("https://")) || !IRIs.check(v)) {
                    throw new SijillException(SijillException.Kind.BAD_INPUT,
                            "parameter '" + name + "' must be an absolute http(s) IRI, got '" + value + "'");
                }
                return NodeFactory.createURI(v);
            }
            case INTEGER -> {
                if (!v.matches("[-+]?\\d{1,18}")) {
                    throw new SijillException(SijillException.Kind.BAD_INPUT,
                            "parameter '" + name + "' must be an integer, got '" + value + "'");
                }
                return NodeFactory.createLiteralDT(v, XSDDatatype.XSDinteger);
            }
            default -> {
                return NodeFactory.createLiteralString(v);
            }
        }
    }
}
