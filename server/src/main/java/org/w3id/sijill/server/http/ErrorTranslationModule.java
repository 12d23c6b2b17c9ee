package org.w3id.sijill.server.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.rdf.model.Model;
import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.sijill.core.SijillException;

/**
 * The one place where failures in request handling become HTTP answers: a servlet filter, first in
 * the chain, that turns a {@link SijillException} thrown by any servlet or filter behind it into
 * its {@code kind().httpStatus()} with the exception's message as a short text body (a page for
 * browsers, see {@link ErrorPages}), and any
 * malformed request Jetty refuses (its {@code HttpException}, 4xx) into that status with the reason,
 * a stack overflow from pathological nesting into {@code 400}, and any
 * other unexpected exception into {@code 500} with a one-line reason (logged, never sent as a
 * stack trace). Module code therefore just throws.
 *
 * <pre>{@code
 * FusekiModules.create(new ErrorTranslationModule(), ...);
 * // in a servlet:
 * throw new SijillException(SijillException.Kind.NOT_FOUND, "No resource <" + iri + "> in Sijill");
 * }</pre>
 */
public final class ErrorTranslationModule implements FusekiModule {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorTranslationModule.class);

    @Override
    public String name() { return "Sijill error translation"; }

    @Override
    public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
        builder.addFilter("/*", new TranslationFilter());
    }

    /** The filter; public for servers assembled without the module. */
    public static final class TranslationFilter implements Filter {
        @Override
        public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
            HttpServletResponse response = (HttpServletResponse) res;
            try {
                chain.doFilter(req, res);
            } catch (IOException | ServletException | RuntimeException e) {
                SijillException se = find(e);
                String where = ((HttpServletRequest) req).getMethod() + " " + ((HttpServletRequest) req).getRequestURI();
                if (response.isCommitted()) {
                    // Headers are out; the client sees a truncated body, we record why.
                    LOG.warn("{}: failed after the response was committed: {}", where, e.toString());
                    return;
                }
                HttpException bad = findHttp(e);
                if (se != null) {
                    if (se.kind().httpStatus() >= 500 && se.kind() != SijillException.Kind.NOT_READY) LOG.warn("{}: {}", where, se.getMessage(), se);
                    ErrorPages.headersFor(response, se);
                    ErrorPages.send((HttpServletRequest) req, response, se.kind().httpStatus(), se.getMessage());
                } else if (bad != null && bad.getCode() >= 400 && bad.getCode() < 500) {
                    // Jetty's own refusal of a malformed request (bad escapes in a form body, ...)
                    LOG.debug("{}: {} {}", where, bad.getCode(), bad.getReason());
                    ErrorPages.send((HttpServletRequest) req, response, bad.getCode(), "Malformed request: " + (bad.getReason() != null ? bad.getReason() : "rejected") + ".");
                } else if (e instanceof IOException io && isClientGone(io)) {
                    LOG.debug("{}: client went away: {}", where, e.toString());
                } else {
                    LOG.error("{}: internal error", where, e);
                    ErrorPages.send((HttpServletRequest) req, response, 500, "Internal server error (logged on the server).");
                }
            } catch (StackOverflowError e) {
                // Recursive parsers and planners meet pathological nesting; the request is at fault.
                LOG.warn("{} {}: request nested too deeply (stack overflow)", ((HttpServletRequest) req).getMethod(), ((HttpServletRequest) req).getRequestURI());
                if (!response.isCommitted()) PlainText.refuse((HttpServletRequest) req, response, 400, "The request is nested too deeply to process; simplify it.");
            }
        }

        private static HttpException findHttp(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof HttpException h) return h;
            }
            return null;
        }

        private static boolean isClientGone(IOException e) {
            return e.getClass().getName().contains("EofException");
        }

        private static SijillException find(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SijillException se) return se;
            }
            return null;
        }
    }
}
