package org.w3id.sijill.server.sparql;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIs;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.rdf.model.Model;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.server.ServerLimits;
import org.w3id.sijill.server.Site;
import org.w3id.sijill.server.http.PlainText;
import org.w3id.sijill.server.http.UnreadBody;

/**
 * Looks at every SPARQL request before Fuseki runs it and refuses, with one status and a reason:
 * a body longer than the limit ({@code 413}), a query text longer than
 * {@link ServerLimits#maxQueryChars()} ({@code 413} in a body, {@code 414} in the URL), a query
 * nested too deeply to parse or plan ({@code 400}), a {@code SERVICE} not on the allow-list
 * anywhere in the query ({@code 403}, see {@link QueryInspector}), and a {@code ?graph=} that is not
 * an absolute IRI ({@code 400}). Queries that do not parse go on to Fuseki, which answers {@code 400}
 * with the parser's message. A query sent as an {@code application/sparql-query} body is read here
 * (at most the limit) and handed on unchanged.
 *
 * <pre>{@code
 * FusekiModules.create(new QueryRequestGuardModule(), ...);  // reads Site.serviceAllowList() and ServerLimits
 * }</pre>
 */
public final class QueryRequestGuardModule implements FusekiModule {

    @Override
    public String name() { return "Sijill query request guard"; }

    @Override
    public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
        builder.addFilter(Site.DATASET_NAME + "/*", new Guard(Site.from(builder).serviceAllowList(), ServerLimits.from(builder)));
    }

    /** How much of a refused body is read and thrown away, at most, and for how long. */
    static final long DISCARD_BYTES = 64L << 20;
    static final long DISCARD_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(2);

    /**
     * Sends a {@code 413} with the reason and {@code Connection: close}, then reads and throws away
     * (a bounded amount of) the body the client is still sending: closing a connection with unread bytes makes the kernel reset it, and a reset
     * can destroy the refusal before the client reads it, leaving the client with no answer.
     */
    static void refuseTooLarge(HttpServletRequest request, HttpServletResponse response, String reason) throws IOException {
        response.setHeader("Connection", "close");
        PlainText.send(response, 413, reason);
        UnreadBody.discard(request, DISCARD_BYTES, DISCARD_NANOS);
    }

    static final class Guard implements Filter {
        private final QueryInspector inspector;
        private final ServerLimits limits;

        Guard(Set<String> allowed, ServerLimits limits) {
            this.inspector = new QueryInspector(allowed);
            this.limits = limits;
        }

        @Override
        public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
            HttpServletRequest request = (HttpServletRequest) req;
            HttpServletResponse response = (HttpServletResponse) res;
            if (request.getContentLengthLong() > limits.maxBodyBytes()) {
                refuseTooLarge(request, response, "The request body is too large: at most " + limits.maxBodyBytes()
                        + " bytes (queries at most " + limits.maxQueryChars() + " characters).");
                return;
            }
            String ct = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
            String query;
            HttpServletRequest forward = request;
            if ("POST".equalsIgnoreCase(request.getMethod()) && ct.startsWith("application/sparql-query")) {
                byte[] body = readAtMost(request.getInputStream(), limits.maxBodyBytes());
                if (body == null) {
                    refuseTooLarge(request, response, "The request body is too large: at most " + limits.maxBodyBytes() + " bytes.");
                    return;
                }
                Charset cs = charsetOf(request.getCharacterEncoding());
                query = new String(body, cs);
                forward = new CachedBody(request, body);
            } else {
                query = request.getParameter("query");
                String graph = request.getParameter("graph");
                if (graph != null && !isAbsoluteIri(graph)) {
                    PlainText.refuse(request, response, 400, "Parameter 'graph' must be an absolute IRI (e.g. https://w3id.org/sijill/graph/escwa-2018), got '"
                            + abbreviate(graph) + "'.");
                    return;
                }
            }
            if (query != null) {
                if (query.length() > limits.maxQueryChars()) {
                    boolean inUrl = "GET".equalsIgnoreCase(request.getMethod()) || "HEAD".equalsIgnoreCase(request.getMethod());
                    PlainText.refuse(request, response, inUrl ? 414 : 413, "The query is too long: " + query.length()
                            + " characters, at most " + limits.maxQueryChars() + " are accepted.");
                    return;
                }
                String refusal = refusal(query);
                if (refusal != null) {
                    PlainText.refuse(request, response, refusal.startsWith("SERVICE") ? 403 : 400, refusal);
                    return;
                }
            }
            chain.doFilter(forward, res);
        }

        /** @return why the query is refused, or {@code null} to let it run (or let Fuseki report its syntax error) */
        private String refusal(String text) {
            Query q;
            try {
                q = QueryFactory.create(text, Syntax.syntaxARQ);
            } catch (QueryParseException e) {
                if (e.getCause() instanceof StackOverflowError || String.valueOf(e.getMessage()).contains("StackOverflowError")) {
                    return "The query is nested too deeply to parse; simplify it.";
                }
                return null;  // Fuseki answers 400 with the parser's message
            } catch (StackOverflowError e) {
                return "The query is nested too deeply to parse; simplify it.";
            }
            try {
                inspector.check(q);
                return null;
            } catch (SijillException e) {
                return e.getMessage();
            } catch (StackOverflowError e) {
                return "The query is nested too deeply to plan; simplify it.";
            }
        }

        private static boolean isAbsoluteIri(String s) {
            try {
                return IRIs.reference(s).isAbsolute();
            } catch (IRIException e) {
                return false;
            }
        }

        private static String abbreviate(String s) {
            return s.length() > 200 ? s.substring(0, 200) + "…" : s;
        }
    }

    /** @return the named charset, UTF-8 when none or unknown (SPARQL queries are UTF-8) */
    static Charset charsetOf(String name) {
        if (name == null) return StandardCharsets.UTF_8;
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {  // illegal or unsupported name
            return StandardCharsets.UTF_8;
        }
    }

    /** @return the stream's bytes, or {@code null} when there are more than {@code max} */
    static byte[] readAtMost(InputStream in, long max) throws IOException {
        byte[] all = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        return all.length > max ? null : all;
    }

    /** The request with its body already read: the same bytes again for Fuseki. */
    static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override public int read() { return in.read(); }
                @Override public int read(byte[] b, int off, int len) { return in.read(b, off, len); }
                @Override public boolean isFinished() { return in.available() == 0; }
                @Override public boolean isReady() { return true; }
                @Override public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("synchronous reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String enc = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body),
                    charsetOf(enc)));
        }

        @Override
        public int getContentLength() { return body.length; }

        @Override
        public long getContentLengthLong() { return body.length; }
    }
}
