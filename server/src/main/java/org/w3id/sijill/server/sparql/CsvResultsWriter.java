package org.w3id.sijill.server.sparql;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.rowset.RowSetWriter;
import org.apache.jena.riot.rowset.RowSetWriterRegistry;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.util.Context;

/**
 * SPARQL 1.1 results as CSV (W3C "SPARQL 1.1 Query Results CSV and TSV Formats"): a header of
 * variable names, then one RFC 4180 line per row with IRIs and literal lexical forms, and blank
 * nodes as {@code _:b0}, {@code _:b1}… (labels scoped to the result, as the format says; Jena's own
 * writer omits the {@code _:}). {@link #register()} makes it the writer of {@code text/csv} in
 * this JVM, so the endpoint and the named-query API use it.
 *
 * <pre>{@code
 * CsvResultsWriter.register();
 * ResultSetMgr.write(System.out, resultSet, ResultSetLang.RS_CSV);   // _:b0 for a blank node
 * }</pre>
 */
public final class CsvResultsWriter implements RowSetWriter {

    /** Registers this writer for {@link ResultSetLang#RS_CSV}. */
    public static void register() {
        RowSetWriterRegistry.register(ResultSetLang.RS_CSV, lang -> new CsvResultsWriter());
    }

    @Override
    public void write(OutputStream out, RowSet rowSet, Context context) {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        write(w, rowSet, context);
    }

    @Override
    public void write(Writer out, RowSet rowSet, Context context) {
        try {
            List<Var> vars = rowSet.getResultVars();
            for (int i = 0; i < vars.size(); i++) {
                if (i > 0) out.write(',');
                out.write(field(vars.get(i).getVarName()));
            }
            out.write("\r\n");
            Map<Node, String> blankLabels = new HashMap<>();
            while (rowSet.hasNext()) {
                Binding b = rowSet.next();
                for (int i = 0; i < vars.size(); i++) {
                    if (i > 0) out.write(',');
                    Node n = b.get(vars.get(i));
                    if (n != null) out.write(field(text(n, blankLabels)));
                }
                out.write("\r\n");
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void write(OutputStream out, boolean result, Context context) {
        try {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write("_askResult\r\n" + result + "\r\n");
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Node n, Map<Node, String> blankLabels) {
        if (n.isBlank()) return blankLabels.computeIfAbsent(n, k -> "_:b" + blankLabels.size());
        if (n.isURI()) return n.getURI();
        if (n.isLiteral()) return n.getLiteralLexicalForm();
        return n.toString();
    }

    /** A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180). */
    static String field(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
