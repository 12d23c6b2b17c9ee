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
 * UTF-8 ({@code %FF}), {@code 405} for a method HTTP does not define, {@code 414} for a query string over {@value #MAX_QUERY_STRING} characters outside {@code /sparql}
 * (pages echo their parameters into links and validators), and {@code 415} for a body in a charset Java does not know. Also marks every answer {@code X-Content-Type-Options: nosniff}, so browsers
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

    /** The longest query string of a page or data request (SPARQL queries have their own limit). */
    static final int MAX_QUERY_STRING = 4096;

    /** The methods HTTP defines; others (which servlets answer 501) are refused with 405. */
    static final Set<String> KNOWN_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE");

    static final class SanityFilter implements Filter {
        @Override
        public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
            HttpServletRequest request = (HttpServletRequest) req;
            HttpServletResponse response = (HttpServletResponse) res;
            response.setHeader("X-Content-Type-Options", "nosniff");
            if (!KNOWN_METHODS.contains(request.getMethod())) {
                response.setHeader("Allow", "GET, HEAD, POST, OPTIONS");
                PlainText.refuse(request, response, 405, "Method " + snippet(request.getMethod(), 0) + " is not supported; use GET, HEAD, POST or OPTIONS.");
                return;
            }
            String enc = request.getCharacterEncoding();
            if (enc != null && !isSupported(enc)) {
                PlainText.refuse(request, response, 415, "Unsupported charset '" + snippet(enc, 0) + "' in Content-Type; send UTF-8.");
                return;
            }
            String qs = request.getQueryString();
            if (qs != null && qs.length() > MAX_QUERY_STRING && !request.getRequestURI().startsWith("/sparql")) {
                PlainText.refuse(request, response, 414, "The query string is too long: " + qs.length() + " characters, at most "
                        + MAX_QUERY_STRING + " outside /sparql (send long SPARQL queries to /sparql, by POST).");
                return;
            }
            String problem = queryStringProblem(qs);
            if (problem != null) {
                PlainText.refuse(request, response, 400, "Malformed query string: " + problem + ".");
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

    static boolean isSupported(String charset) {
        try {
            return java.nio.charset.Charset.isSupported(charset);
        } catch (IllegalArgumentException e) {  // an illegal charset name
            return false;
        }
    }

    private static String snippet(String s, int from) {
        String t = s.substring(from, Math.min(s.length(), from + 12));
        return t.replaceAll("[^\\x21-\\x7e]", "?");
    }
}
