package org.w3id.sijill.server.dumps;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.rdf.model.Model;
import org.w3id.sijill.server.ld.HttpCaching;
import org.w3id.sijill.dump.JsonLdContext;

/**
 * Serves the published JSON-LD context at {@code /context.jsonld} as {@code application/ld+json},
 * with an {@code ETag} of its content (SHA-256) and a day of caching, so clients fetch it once.
 *
 * <pre>{@code
 * SijillServer.builder()...addModule(new ContextModule())
 * // curl http://localhost:3030/context.jsonld
 * }</pre>
 */
public final class ContextModule implements FusekiModule {

    @Override
    public String name() { return "Sijill JSON-LD context"; }

    @Override
    public void configured(FusekiServer.Builder builder, DataAccessPointRegistry registry, Model configModel) {
        builder.addServlet("/context.jsonld", new ContextServlet(JsonLdContext.published().json()));
    }

    static final class ContextServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final byte[] body;
        private final String etag;

        ContextServlet(String json) {
            this.body = json.getBytes(StandardCharsets.UTF_8);
            try {
                this.etag = "\"context-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)).substring(0, 16) + "\"";
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is required of every Java platform", e);
            }
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            if (HttpCaching.notModified(request, response, etag, java.time.Duration.ofDays(1))) return;
            response.setContentType("application/ld+json");
            response.setContentLength(body.length);
            if (!"HEAD".equals(request.getMethod())) response.getOutputStream().write(body);
        }
    }
}
