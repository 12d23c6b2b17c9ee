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
import org.apache.jena.sparql.engine.iterator.QueryIteratorBase;
import org.apache.jena.sparql.serializer.SerializationContext;
import org.apache.jena.sparql.util.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.sijill.server.ServerLimits;
import org.w3id.sijill.server.Site;

/**
 * Caps each SPARQL answer at {@link ServerLimits#maxRows()} rows and about
 * {@link ServerLimits#maxResultBytes()} bytes, and makes a query that fails part-way give a clear
 * answer instead of a cut-off document:
 * <ul>
 *   <li>while nothing has been sent yet (Jetty's response buffer holds the start of the answer), a
 *       time-out is an error status ({@code 503}), as before;</li>
 *   <li>once the answer is streaming, the row cap, the byte cap and a time-out end the results
 *       cleanly, so the JSON, XML, CSV or RDF document stays well formed, and say so: the header
 *       {@code Sijill-Truncated} when the cut comes before the response is committed, otherwise the
 *       HTTP trailer {@code Sijill-Truncated} (chunked responses) and, in XML and line-based RDF, a
 *       final comment {@code sijill:truncated}.</li>
 * </ul>
 * The marker's value names the cause: {@code row-limit; rows=N}, {@code byte-limit; bytes=N} or
 * {@code time-limit}. It works as a query engine wrapping the store's own (registered once with
 * ARQ, active only inside a request to {@code /sparql}) and a servlet filter that counts the bytes.
 *
 * <pre>{@code
 * FusekiModules.create(..., new ResultLimitModule(), ...);  // reads ServerLimits from the builder
 * }</pre>
 */
public final class ResultLimitModule implements FusekiModule {
    private static final Logger LOG = LoggerFactory.getLogger(ResultLimitModule.class);
    /** The header (or trailer) marking a cut answer. */
    public static final String MARKER = "Sijill-Truncated";

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
            CURRENT.set(budget);
            try {
                chain.doFilter(req, new Counting(response, budget));
            } finally {
                CURRENT.remove();
            }
            if (budget.truncated != null && !budget.markedInHeader) appendComment(response, budget.truncated);
        }

        /** XML and line-based RDF allow a comment after the document: say there that it was cut. */
        private static void appendComment(HttpServletResponse response, String reason) {
            String type = response.getContentType() == null ? "" : response.getContentType().toLowerCase(Locale.ROOT);
            String comment = type.contains("xml") ? "<!-- sijill:truncated " + reason + " -->\n"
                    : type.contains("turtle") || type.contains("n-triples") || type.contains("n-quads") || type.contains("trig")
                      ? "# sijill:truncated " + reason + "\n" : null;
            if (comment == null) return;
            try {
                response.getOutputStream().write(comment.getBytes(StandardCharsets.UTF_8));
                response.flushBuffer();
            } catch (IOException | IllegalStateException e) {
                LOG.debug("could not append the truncation comment: {}", e.toString());
            }
        }
    }

    /** The response with its output stream counted. */
    static final class Counting extends HttpServletResponseWrapper {
        private final Budget budget;
        private ServletOutputStream counted;

        Counting(HttpServletResponse response, Budget budget) {
            super(response);
            this.budget = budget;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (counted == null) {
                ServletOutputStream out = super.getOutputStream();
                counted = new ServletOutputStream() {
                    @Override public void write(int b) throws IOException { out.write(b); budget.bytes.incrementAndGet(); }
                    @Override public void write(byte[] b, int off, int len) throws IOException { out.write(b, off, len); budget.bytes.addAndGet(len); }
                    @Override public void flush() throws IOException { out.flush(); }
                    @Override public void close() throws IOException { out.close(); }
                    @Override public boolean isReady() { return out.isReady(); }
                    @Override public void setWriteListener(WriteListener l) { out.setWriteListener(l); }
                };
            }
            return counted;
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

    /** Results up to the caps; a time-out after the answer is committed ends them cleanly. */
    static final class LimitedIterator extends QueryIteratorBase {
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
        protected boolean hasNextBinding() {
            if (pending != null) return true;
            if (stopped) return false;
            if (rows >= budget.maxRows) return stop("row-limit; rows=" + budget.maxRows);
            if (budget.bytes.get() >= budget.maxBytes) return stop("byte-limit; bytes=" + budget.maxBytes);
            try {
                if (!in.hasNext()) return false;
                pending = in.next();
                return true;
            } catch (QueryCancelledException e) {
                if (!budget.committed()) throw e;  // nothing sent yet: an error status
                return stop("time-limit");
            }
        }

        private boolean stop(String reason) {
            stopped = true;
            budget.truncate(reason);
            return false;
        }

        @Override
        protected Binding moveToNextBinding() {
            Binding b = pending;
            pending = null;
            rows++;
            return b;
        }

        @Override
        protected void closeIterator() { in.close(); }

        @Override
        protected void requestCancel() { in.cancel(); }

        @Override
        public void output(IndentedWriter out, SerializationContext sCxt) {
            out.print("LimitedIterator(rows<=" + budget.maxRows + ")");
        }
    }
}
