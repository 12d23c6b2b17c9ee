package org.w3id.sijill.loader;

import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.w3id.sijill.core.SourceDataException;

/**
 * Turns one cell value into an RDF term as its {@link Column} says: an IRI for {@code valueUrl}
 * or {@code sijill:scheme} columns, else a literal typed by the datatype (or by its shape for
 * {@code sijill:datatypeFrom}) or tagged with the column's language. A value that does not parse,
 * does not match the column's format or is no notation of the scheme is an error naming file,
 * line and field.
 *
 * <pre>{@code
 * Node n = new CellParser(schemes).parse(column, "2018", row, row::cell);
 * }</pre>
 */
public final class CellParser {
    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");
    private static final Set<String> BOOLEANS = Set.of("true", "false", "1", "0");

    private final ConceptSchemes schemes;

    public CellParser(ConceptSchemes schemes) {
        this.schemes = schemes;
    }

    /**
     * @param value one value of the cell (one item of a list)
     * @param cells the raw values of the row's other columns, for {@code valueUrl} templates
     */
    public Node parse(Column c, String value, Row row, UnaryOperator<String> cells) {
        if (c.format() != null && !Pattern.compile(c.format()).matcher(value).find()) {
            throw error(row, c, "value '" + value + "' does not match the format " + c.format());
        }
        Node literal = literal(c, value, row);
        if (c.scheme() != null) {
            if (!schemes.notations(c.scheme()).contains(value)) {
                throw error(row, c, "unknown " + c.scheme() + " notation '" + value + "' (known: "
                        + String.join(", ", schemes.notations(c.scheme())) + ")");
            }
            return schemes.concept(c.scheme(), value);
        }
        if (c.valueUrl() != null) {
            String iri = UriTemplate.expand(c.valueUrl(), v -> v.equals(c.name()) ? value : cells.apply(v));
            if (iri == null) throw error(row, c, "valueUrl " + c.valueUrl() + " needs a value that the row does not have");
            try {
                IRIx.create(iri);
            } catch (IRIException e) {
                throw error(row, c, "valueUrl gives an invalid IRI '" + iri + "'");
            }
            return NodeFactory.createURI(iri);
        }
        return literal;
    }

    private Node literal(Column c, String v, Row row) {
        if (c.datatypeFromShape()) {
            Node n = Literals.dateByShape(v);
            if (n == null) throw error(row, c, "malformed date '" + v + "' (expected YYYY, YYYY-MM or YYYY-MM-DD)");
            return n;
        }
        return switch (c.base()) {
            case "integer" -> {
                if (!INTEGER.matcher(v).matches()) throw error(row, c, "malformed integer '" + v + "'");
                yield NodeFactory.createLiteralDT(v, XSDDatatype.XSDinteger);
            }
            case "boolean" -> {
                if (!BOOLEANS.contains(v)) throw error(row, c, "malformed boolean '" + v + "' (expected true or false)");
                yield NodeFactory.createLiteralDT(v.equals("1") || v.equals("true") ? "true" : "false", XSDDatatype.XSDboolean);
            }
            case "date" -> {
                Node n = Literals.date(v);
                if (n == null) throw error(row, c, "malformed date '" + v + "' (expected YYYY-MM-DD)");
                yield n;
            }
            case "gYear" -> {
                Node n = Literals.year(v);
                if (n == null) throw error(row, c, "malformed year '" + v + "' (expected YYYY)");
                yield n;
            }
            case "gYearMonth" -> {
                Node n = Literals.yearMonth(v);
                if (n == null) throw error(row, c, "malformed year-month '" + v + "' (expected YYYY-MM)");
                yield n;
            }
            case "anyURI" -> {
                try {
                    if (IRIx.create(v).isRelative()) throw error(row, c, "not an absolute IRI: '" + v + "'");
                } catch (IRIException e) {
                    throw error(row, c, "not an IRI: '" + v + "'");
                }
                yield NodeFactory.createLiteralDT(v, XSDDatatype.XSDanyURI);
            }
            default -> c.lang() != null ? NodeFactory.createLiteralLang(v, c.lang()) : NodeFactory.createLiteralString(v);
        };
    }

    private static SourceDataException error(Row row, Column c, String problem) {
        return new SourceDataException(row.file(), row.line(), c.name(), problem);
    }
}
