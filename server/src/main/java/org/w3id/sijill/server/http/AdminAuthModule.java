package org.w3id.sijill.server.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Set;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.rdf.model.Model;

/**
 * Server statistics at {@code /$/stats} and Prometheus metrics at {@code /$/metrics} (both count
 * requests and timings per endpoint), only with an admin password and only behind HTTP basic
 * authentication (user {@value #USER}). Without a password {@code /$/stats} does not exist and
 * {@code /$/metrics} answers {@code 403}. The public server never has Fuseki's dataset administration
 * ({@code /$/datasets}, {@code /$/backup}, ...): that module is not part of it.
 *
 * <pre>{@code
 * new AdminAuthModule(System.getenv("SIJILL_ADMIN_PASSWORD"));   // null: no /$/stats
 * }</pre>
 */
public final class AdminAuthModule implements FusekiModule {
    /** The admin user name. */
    public static final String USER = "admin";

    private final String password;

    /** @param password the admin password, or {@code null}/blank for no admin operations */
    public AdminAuthModule(String password) {
        this.password = password == null || password.isBlank() ? null : password;
    }

    @Override
    public String name() { return "Sijill admin (basic auth)"; }

    @Override
    public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
        if (password == null) {
            // Metrics count requests and timings like /$/stats does: for the operator only.
            builder.addFilter("/$/metrics/*", (req, res, chain) -> PlainText.refuse((HttpServletRequest) req, (HttpServletResponse) res, 403,
                    "Metrics are for the server's operator: start the server with --admin-password and use HTTP basic authentication."));
            return;
        }
        builder.enableStats(true);
        builder.addFilter("/$/stats/*", new BasicAuthFilter(USER, password));
        builder.addFilter("/$/metrics/*", new BasicAuthFilter(USER, password));
    }

    /** Lets a request through only with the right basic credentials; 401 with a challenge otherwise. */
    static final class BasicAuthFilter implements Filter {
        private final byte[] expected;

        BasicAuthFilter(String user, String password) {
            this.expected = ("Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                    .getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
            String auth = ((HttpServletRequest) req).getHeader("Authorization");
            if (auth != null && MessageDigest.isEqual(expected, auth.trim().getBytes(StandardCharsets.UTF_8))) {
                chain.doFilter(req, res);
                return;
            }
            HttpServletResponse response = (HttpServletResponse) res;
            response.setHeader("WWW-Authenticate", "Basic realm=\"Sijill admin\", charset=\"UTF-8\"");
            PlainText.refuse((HttpServletRequest) req, response, 401, "Admin operations need the admin credentials (HTTP basic authentication).");
        }
    }
}
