package org.w3id.sijill.server.sparql;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.jena.atlas.io.IndentedWriter;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.Plan;
import org.apache.jena.sparql.engine.QueryEngineFactory;
import org.apache.jena.sparql.engine.QueryEngineRegistry;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.serializer.SerializationContext;
import org.apache.jena.sparql.util.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.sijill.server.ServerLimits;
import org.w3id.sijill.server.Site;
import org.w3id.sijill.server.http.PlainText;

/**
 * Caps each SPARQL answer at {@link ServerLimits#maxRows()} rows and about
 * {@link ServerLimits#maxResultBytes()} bytes, and makes a query that fails part-way give a clear
 * answer instead of a cut-off document:
 * <ul>
 *   <li>while nothing has been sent yet (Jetty's response buffer holds the start of the answer), a
 *       time-out is an error status ({@code 503} with the reason), never a cut {@code 200}; the
 *       result writers' own flushes are held back so that a slow answer is not committed early;</li>
 *   <li>a cap (or, once the answer is streaming, a time-out) ends the results cleanly, so the
 *       document stays well formed, and the document itself ends with a marker naming the cause,
 *       {@code row-limit; rows=N}, {@code byte-limit; bytes=N} or {@code time-limit}:
 *       SPARQL JSON results get a last member {@code "sijill:truncated": "…"}, JSON-LD a last member
 *       {@code "@sijillTruncated": "…"} (a keyword-like key that JSON-LD processors ignore), XML
 *       (SPARQL results, RDF/XML) a comment {@code <!-- sijill:truncated … -->} after the root
 *       element, Turtle, N-Triples, TriG and N-Quads a comment line {@code # sijill:truncated …},
 *       CSV and TSV a last row whose first cell is {@code # sijill:truncated …}. The header
 *       {@code Sijill-Truncated} says the same when the cut comes before the response is committed,
 *       else the HTTP trailer of that name (chunked responses).</li>
 * </ul>
 * It works as a query engine wrapping the store's own (registered once with ARQ, active only inside
 * a request to {@code /sparql}) and a servlet filter that counts the bytes and holds back the end
 * of the answer until the marker can be put in.
 *
 * <pre>{@code
 * FusekiModules.create(..., new ResultLimitModule(), ...);  // reads ServerLimits from the builder
 * }</pre>
 */
public final class ResultLimitModule implements FusekiModule {
    private static final Logger LOG = LoggerFactory.getLogger(ResultLimitModule.class);
    /** The header (or trailer) marking a cut answer. */
    public static final String MARKER = "Sijill-Truncated";
    /** The name of the marker inside a cut document (JSON member, XML and line comments, CSV cell). */
    public static final String BODY_MARKER = "sijill:truncated";
    /** The JSON-LD member marking a cut document: keyword-like, so JSON-LD processors ignore it. */
    public static final String JSONLD_MARKER = "@sijillTruncated";

    private static final ThreadLocal<Budget> CURRENT = new ThreadLocal<>();

    @Override
    public String name() { return "Sijill result limits"; }

    @Override
    public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
        LimitingEngine.register();
        builder.addFilter(Site.DATASET_NAME + "/*", new LimitFilter(ServerLimits.from(builder)));
    }

    /** The limits and the progress of the answer being written on this thread. */
    static final class Budget {
        final HttpServletResponse response;
        final long maxRows;
        final long maxBytes;
        final AtomicLong bytes = new AtomicLong();
        volatile String truncated;
        volatile boolean markedInHeader;
        /** The query ran out of time before the answer was committed: the answer becomes a 503. */
        volatile boolean timedOutUncommitted;

        Budget(HttpServletResponse response, ServerLimits limits) {
            this.response = response;
            this.maxRows = limits.maxRows();
            this.maxBytes = limits.maxResultBytes();
        }

        boolean committed() { return response.isCommitted(); }

        void truncate(String reason) {
            truncated = reason;
            if (!response.isCommitted()) {
                response.setHeader(MARKER, reason);
                markedInHeader = true;
            }
        }
    }

    static final class LimitFilter implements Filter {
        private final ServerLimits limits;

        LimitFilter(ServerLimits limits) {
            this.limits = limits;
        }

        @Override
        public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
            HttpServletResponse response = (HttpServletResponse) res;
            Budget budget = new Budget(response, limits);
            try {
                response.setTrailerFields(() -> budget.truncated == null || budget.markedInHeader ? Map.of() : Map.of(MARKER, budget.truncated));
            } catch (IllegalStateException e) {
                LOG.debug("no trailers on this response: {}", e.getMessage());  // e.g. HTTP/1.0
            }
            Counting counting = new Counting(response, budget);
            CURRENT.set(budget);
            try {
                chain.doFilter(req, counting);
            } finally {
                CURRENT.remove();
            }
            if (budget.timedOutUncommitted && !response.isCommitted()) {
                // Fuseki answers a time-out after the first row with 400 and a note appended to the
                // document (its own 503 before the first row went to the held stream); nothing has
                // left the server yet, so say it plainly.
                PlainText.send(response, 503, "Query timed out: it ran past the server's time limit before its answer began. "
                        + "Narrow it (a LIMIT, fewer patterns) or download the dumps at /dumps/.");
                return;
            }
            counting.finish();
        }
    }

    /** The marker that ends a cut document of this media type, before ({@code insertBefore}) or after its last bytes. */
    record BodyMarker(byte[] text, boolean beforeLastBrace) {
        static BodyMarker of(String contentType, String reason, String firstLine) {
            String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
            String value = reason.replace("\\", "\\\\").replace("\"", "\\\"");
            if (type.contains("ld+json")) return json(JSONLD_MARKER, value);
            if (type.contains("sparql-results+json") || type.startsWith("application/json")) return json(BODY_MARKER, value);
            if (type.contains("xml")) return after("<!-- " + BODY_MARKER + " " + reason + " -->\n");
            if (type.contains("turtle") || type.contains("n-triples") || type.contains("n-quads") || type.contains("trig")) {
                return after("# " + BODY_MARKER + " " + reason + "\n");
            }
            if (type.startsWith("text/csv")) return after(row(reason, firstLine, ',') + "\r\n");
            if (type.startsWith("text/tab-separated-values")) return after(row(reason, firstLine, '\t') + "\n");
            if (type.startsWith("text/plain")) return after(BODY_MARKER + " " + reason + "\n");
            return null;  // binary or keyed formats (Thrift, RDF/JSON): the header or trailer only
        }

        private static BodyMarker json(String key, String value) {
            return new BodyMarker((", \"" + key + "\": \"" + value + "\"\n").getBytes(StandardCharsets.UTF_8), true);
        }

        private static BodyMarker after(String text) {
            return new BodyMarker(text.getBytes(StandardCharsets.UTF_8), false);
        }

        /** A last row as wide as the header row, so that table readers take it as one more row. */
        private static String row(String reason, String header, char sep) {
            int columns = header == null ? 1 : (int) header.chars().filter(c -> c == sep).count() + 1;
            return "# " + BODY_MARKER + " " + reason + String.valueOf(sep).repeat(columns - 1);
        }
    }

    /**
     * The response with its output stream counted; writers' flushes held back (so only a full
     * buffer commits the answer), and the last bytes held back until the end, where the marker of
     * a cut answer goes in.
     */
    static final class Counting extends HttpServletResponseWrapper {
        /** The bytes always held back: more than the end of any document (a JSON document's last brace). */
        static final int HOLD = 256;
        static final int BUFFER = 16_384;
        private final Budget budget;
        private ServletOutputStream out;
        private ServletOutputStream counted;
        private final byte[] buffer = new byte[BUFFER];
        private final byte[] single = new byte[1];
        private int buffered;
        private final StringBuilder firstLine = new StringBuilder();
        private boolean firstLineDone;
        private boolean closed;

        Counting(HttpServletResponse response, Budget budget) {
            super(response);
            this.budget = budget;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (counted == null) {
                out = super.getOutputStream();
                counted = new ServletOutputStream() {
                    @Override public void write(int b) throws IOException { single[0] = (byte) b; accept(single, 0, 1); }
                    @Override public void write(byte[] b, int off, int len) throws IOException { accept(b, off, len); }
                    @Override public void flush() { /* held: only a full buffer or the end commits the answer */ }
                    @Override public void close() { closed = true; }
                    @Override public boolean isReady() { return out.isReady(); }
                    @Override public void setWriteListener(WriteListener l) { out.setWriteListener(l); }
                };
            }
            return counted;
        }

        // No Content-Length (Fuseki sets one for RDF/XML): the marker may still be added at the end.
        @Override public void setContentLength(int len) { /* see above */ }
        @Override public void setContentLengthLong(long len) { /* see above */ }

        @Override
        public void setHeader(String name, String value) {
            if (!"Content-Length".equalsIgnoreCase(name)) super.setHeader(name, value);
        }

        @Override
        public void addHeader(String name, String value) {
            if (!"Content-Length".equalsIgnoreCase(name)) super.addHeader(name, value);
        }

        @Override
        public void setIntHeader(String name, int value) {
            if (!"Content-Length".equalsIgnoreCase(name)) super.setIntHeader(name, value);
        }

        @Override
        public void flushBuffer() {
            // held like the stream's flush: committing early would turn a later time-out into a cut 200
        }

        private void accept(byte[] b, int off, int len) throws IOException {
            if (budget.timedOutUncommitted || closed) return;  // Fuseki's note after a time-out: the answer is a 503 instead
            budget.bytes.addAndGet(len);
            if (!firstLineDone) {
                for (int i = off; i < off + len && !firstLineDone; i++) {
                    if (b[i] == '\n' || firstLine.length() > 65_536) firstLineDone = true;
                    else firstLine.append((char) (b[i] & 0xff));
                }
            }
            while (len > 0) {
                if (buffered == BUFFER) {  // full: all but the last HOLD bytes go on
                    out.write(buffer, 0, BUFFER - HOLD);
                    System.arraycopy(buffer, BUFFER - HOLD, buffer, 0, HOLD);
                    buffered = HOLD;
                }
                int k = Math.min(len, BUFFER - buffered);
                System.arraycopy(b, off, buffer, buffered, k);
                buffered += k;
                off += k;
                len -= k;
            }
        }

        /** Writes the held end of the answer, with the marker when it was cut. */
        void finish() throws IOException {
            if (out == null) return;
            try {
                BodyMarker marker = budget.truncated == null ? null
                        : BodyMarker.of(getResponse().getContentType(), budget.truncated, firstLine.toString().strip());
                if (marker == null) {
                    out.write(buffer, 0, buffered);
                } else {
                    int at = buffered;
                    if (marker.beforeLastBrace()) {
                        while (at > 0 && buffer[at - 1] != '}') at--;
                        at = at > 0 ? at - 1 : buffered;
                    }
                    out.write(buffer, 0, at);
                    out.write(marker.text());
                    out.write(buffer, at, buffered - at);
                }
                buffered = 0;
                if (closed) out.close();
                else out.flush();
            } catch (IllegalStateException e) {
                LOG.debug("could not finish the answer: {}", e.toString());
            }
        }
    }

    /** Wraps the store's query engine while a {@code /sparql} request is being answered on this thread. */
    static final class LimitingEngine implements QueryEngineFactory {
        private static final LimitingEngine INSTANCE = new LimitingEngine();

        static synchronized void register() {
            if (!QueryEngineRegistry.get().contains(INSTANCE)) QueryEngineRegistry.addFactory(INSTANCE);
        }

        private static QueryEngineFactory delegate(Query query, DatasetGraph dsg, Context cxt) {
            for (QueryEngineFactory f : QueryEngineRegistry.get().factories()) {
                if (f != INSTANCE && f.accept(query, dsg, cxt)) return f;
            }
            return null;
        }

        private static QueryEngineFactory delegate(Op op, DatasetGraph dsg, Context cxt) {
            for (QueryEngineFactory f : QueryEngineRegistry.get().factories()) {
                if (f != INSTANCE && f.accept(op, dsg, cxt)) return f;
            }
            return null;
        }

        @Override
        public boolean accept(Query query, DatasetGraph dsg, Context cxt) {
            return CURRENT.get() != null && delegate(query, dsg, cxt) != null;
        }

        @Override
        public Plan create(Query query, DatasetGraph dsg, Binding input, Context cxt) {
            return new LimitedPlan(delegate(query, dsg, cxt).create(query, dsg, input, cxt), CURRENT.get());
        }

        @Override
        public boolean accept(Op op, DatasetGraph dsg, Context cxt) {
            return CURRENT.get() != null && delegate(op, dsg, cxt) != null;
        }

        @Override
        public Plan create(Op op, DatasetGraph dsg, Binding input, Context cxt) {
            return new LimitedPlan(delegate(op, dsg, cxt).create(op, dsg, input, cxt), CURRENT.get());
        }
    }

    /** The store's plan with its results limited. */
    record LimitedPlan(Plan plan, Budget budget) implements Plan {
        @Override public Op getOp() { return plan.getOp(); }
        @Override public QueryIterator iterator() { return budget == null ? plan.iterator() : new LimitedIterator(plan.iterator(), budget); }
        @Override public void close() { plan.close(); }
        @Override public void output(IndentedWriter out, SerializationContext sCxt) { plan.output(out, sCxt); }
        @Override public String toString(PrefixMapping pmap) { return plan.toString(pmap); }
        @Override public void output(IndentedWriter out) { plan.output(out); }
    }

    /**
     * Results up to the caps; a time-out after the answer is committed ends them cleanly. Not a
     * {@code QueryIteratorBase}: its own cancel flag would throw past the checks here.
     */
    static final class LimitedIterator implements QueryIterator {
        private final QueryIterator in;
        private final Budget budget;
        private long rows;
        private Binding pending;
        private boolean stopped;

        LimitedIterator(QueryIterator in, Budget budget) {
            this.in = in;
            this.budget = budget;
        }

        @Override
        public boolean hasNext() {
            if (pending != null) return true;
            if (stopped) return false;
            if (rows >= budget.maxRows) return stop("row-limit; rows=" + budget.maxRows);
            if (budget.bytes.get() >= budget.maxBytes) return stop("byte-limit; bytes=" + budget.maxBytes);
            try {
                if (!in.hasNext()) return false;
                pending = in.next();
                return true;
            } catch (QueryCancelledException e) {
                if (!budget.committed()) {  // nothing sent yet: an error status
                    budget.timedOutUncommitted = true;
                    throw e;
                }
                return stop("time-limit");
            }
        }

        private boolean stop(String reason) {
            stopped = true;
            budget.truncate(reason);
            return false;
        }

        @Override
        public Binding next() { return nextBinding(); }

        @Override
        public Binding nextBinding() {
            if (!hasNext()) throw new NoSuchElementException("no more results");
            Binding b = pending;
            pending = null;
            rows++;
            return b;
        }

        @Override
        public void close() { in.close(); }

        @Override
        public void cancel() { in.cancel(); }

        @Override
        public boolean isJoinIdentity() { return false; }

        @Override
        public void output(IndentedWriter out, SerializationContext sCxt) {
            out.print("LimitedIterator(rows<=" + budget.maxRows + ")");
        }

        @Override
        public void output(IndentedWriter out) { output(out, null); }

        @Override
        public String toString(PrefixMapping pmap) { return "LimitedIterator(rows<=" + budget.maxRows + ")"; }
    }
}
