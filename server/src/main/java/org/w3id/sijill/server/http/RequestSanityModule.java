package org.w3id.sijill.server.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.rdf.model.Model;

/**
 * Refuses malformed requests up front, for every path, with {@code 400} and the reason: a query
 * string with a broken percent-escape ({@code %zz}, a lone {@code %}) or whose decoded bytes are not
 * UTF-8 ({@code %FF}). Also marks every answer {@code X-Content-Type-Options: nosniff}, so browsers
 * never guess a type other than the one declared.
 *
 * <pre>{@code
 * FusekiModules.create(new ErrorTranslationModule(), new RequestSanityModule(), ...);
 * }</pre>
 */
public final class RequestSanityModule implements FusekiModule {

    @Override
    public String name() { return "Sijill request sanity"; }

    @Override
    public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
        builder.addFilter("/*", new SanityFilter());
    }

    static final class SanityFilter implements Filter {
        @Override
        public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
            HttpServletRequest request = (HttpServletRequest) req;
            HttpServletResponse response = (HttpServletResponse) res;
            response.setHeader("X-Content-Type-Options", "nosniff");
            String problem = queryStringProblem(request.getQueryString());
            if (problem != null) {
                PlainText.send(response, 400, "Malformed query string: " + problem + ".");
                return;
            }
            chain.doFilter(req, res);
        }
    }

    /**
     * @param raw a raw (still percent-encoded) query string, or {@code null}
     * @return what is wrong with it, or {@code null} when every escape is well formed and every
     *         parameter decodes to UTF-8
     */
    static String queryStringProblem(String raw) {
        if (raw == null) return null;
        for (String part : raw.split("&", -1)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(part.length());
            for (int i = 0; i < part.length(); i++) {
                char c = part.charAt(i);
                if (c == '%') {
                    if (i + 2 >= part.length()) {
                        return "an incomplete percent-escape '" + snippet(part, i) + "' (write a literal % as %25)";
                    }
                    int hi = Character.digit(part.charAt(i + 1), 16);
                    int lo = Character.digit(part.charAt(i + 2), 16);
                    if (hi < 0 || lo < 0) return "an invalid percent-escape '" + snippet(part, i) + "' (write a literal % as %25)";
                    bytes.write(hi * 16 + lo);
                    i += 2;
                } else if (c < 0x80) {
                    bytes.write(c);
                } else {
                    byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                    bytes.write(b, 0, b.length);
                }
            }
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()));
            } catch (CharacterCodingException e) {
                String name = part.contains("=") ? part.substring(0, part.indexOf('=')) : part;
                return "parameter '" + snippet(name, 0) + "' is not valid UTF-8 once decoded";
            }
        }
        return null;
    }

    private static String snippet(String s, int from) {
        String t = s.substring(from, Math.min(s.length(), from + 12));
        return t.replaceAll("[^\\x21-\\x7e]", "?");
    }
}
