package org.w3id.sijill.loader;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * Typed literals from cell text: dates of varying precision typed by their shape
 * ({@code 2005-12-01} → {@code xsd:date}, {@code 2005-12} → {@code xsd:gYearMonth},
 * {@code 2005} → {@code xsd:gYear}), and the fixed datatypes of CSVW columns.
 *
 * <pre>{@code
 * Node established = Literals.dateByShape("2005-12");   // "2005-12"^^xsd:gYearMonth
 * }</pre>
 */
public final class Literals {
    private Literals() {}

    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern YEAR_MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** @return the literal typed by the value's shape, or {@code null} when it has none of the three shapes or is no real date */
    public static Node dateByShape(String v) {
        if (YEAR.matcher(v).matches()) return NodeFactory.createLiteralDT(v, XSDDatatype.XSDgYear);
        if (YEAR_MONTH.matcher(v).matches()) return yearMonth(v);
        if (DATE.matcher(v).matches()) return date(v);
        return null;
    }

    /** @return {@code xsd:date} literal, or {@code null} when {@code v} is not a real calendar date */
    public static Node date(String v) {
        if (!DATE.matcher(v).matches()) return null;
        try {
            LocalDate.parse(v);
            return NodeFactory.createLiteralDT(v, XSDDatatype.XSDdate);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** @return {@code xsd:gYearMonth} literal, or {@code null} */
    public static Node yearMonth(String v) {
        if (!YEAR_MONTH.matcher(v).matches()) return null;
        try {
            YearMonth.parse(v);
            return NodeFactory.createLiteralDT(v, XSDDatatype.XSDgYearMonth);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** @return {@code xsd:gYear} literal, or {@code null} */
    public static Node year(String v) {
        return YEAR.matcher(v).matches() ? NodeFactory.createLiteralDT(v, XSDDatatype.XSDgYear) : null;
    }
}
