package org.w3id.sijill.server.sparql;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.rdf.model.Model;
import org.w3id.sijill.server.Site;
import org.w3id.sijill.server.http.PlainText;

/**
 * Refuses, up front and with a reason, every request to {@code /sparql} that could write: SPARQL
 * Update ({@code 403}), Graph Store Protocol writes and uploads by POST ({@code 403}), and PUT,
 * DELETE, PATCH ({@code 405} with {@code Allow}). The Fuseki configuration has no write operation
 * anyway; this guard makes the refusal explicit instead of a generic dispatch error. Queries by
 * GET, by POST with {@code application/sparql-query}, and by form POST with {@code query=} pass.
 *
 * <pre>{@code
 * FusekiModules.create(new ReadOnlyGuardModule(), ...);
 * }</pre>
 */
public final class ReadOnlyGuardModule implements FusekiModule {

    static final String ALLOW = "GET, HEAD, POST, OPTIONS";

    @Override
    public String name() { return "Sijill read-only guard"; }

    @Override
    public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
        builder.addFilter(Site.DATASET_NAME + "/*", new Guard());
    }

    static final class Guard implements Filter {
        @Override
        public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
            HttpServletRequest request = (HttpServletRequest) req;
            HttpServletResponse response = (HttpServletResponse) res;
            String method = request.getMethod().toUpperCase(Locale.ROOT);
            switch (method) {
                case "GET", "HEAD", "OPTIONS" -> chain.doFilter(req, res);
                case "POST" -> {
                    String refusal = refusalForPost(request);
                    if (refusal == null) {
                        chain.doFilter(req, res);
                    } else {
                        PlainText.refuse(request, response, 403, refusal);
                    }
                }
                default -> {
                    response.setHeader("Allow", ALLOW);
                    PlainText.refuse(request, response, 405, "Method " + method + " is not allowed: the Sijill SPARQL endpoint is read-only "
                            + "(Graph Store Protocol writes are not available). Allowed: " + ALLOW + ".");
                }
            }
        }

        private static String refusalForPost(HttpServletRequest request) {
            String ct = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
            if (ct.startsWith("application/sparql-query")) return null;
            if (ct.startsWith("application/sparql-update")) {
                return "SPARQL Update is not available: the Sijill SPARQL endpoint is read-only.";
            }
            if (ct.startsWith("application/x-www-form-urlencoded")) {
                if (request.getParameter("update") != null) {
                    return "SPARQL Update is not available: the Sijill SPARQL endpoint is read-only.";
                }
                if (request.getParameter("query") != null) return null;
                return "A POST to the SPARQL endpoint must carry a query (form field 'query' or an application/sparql-query body).";
            }
            if (ct.startsWith("multipart/")) {
                return "Uploads are not available: the Sijill SPARQL endpoint is read-only.";
            }
            return "Graph Store Protocol writes are not available: the Sijill SPARQL endpoint is read-only"
                    + " (a POST must be a SPARQL query).";
        }
    }
}
