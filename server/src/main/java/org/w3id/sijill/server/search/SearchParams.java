package org.w3id.sijill.server.search;

import jakarta.servlet.http.HttpServletRequest;
import org.w3id.sijill.core.SijillException;

/**
 * Reads the search parameters of a request ({@code q}, {@code type}, {@code country},
 * {@code page}, {@code limit}); a query string that is not valid percent-encoded UTF-8 is bad
 * input, not a server error.
 *
 * <pre>{@code
 * SearchParams p = SearchParams.read(req);
 * if (p.q() != null) search.search(p.request(20));
 * }</pre>
 *
 * @param q the text (null when absent or blank)
 * @param type the broad-class filter (IRI or local name), or null
 * @param country the country filter, or null
 * @param page the page parameter, or null
 * @param limit the limit parameter, or null
 */
public record SearchParams(String q, String type, String country, String page, String limit) {

    /** @throws SijillException {@code BAD_INPUT} when the parameters cannot be decoded */
    public static SearchParams read(HttpServletRequest req) {
        try {
            String q = req.getParameter("q");
            return new SearchParams(q == null || q.isBlank() ? null : q, req.getParameter("type"), req.getParameter("country"),
                    req.getParameter("page"), req.getParameter("limit"));
        } catch (RuntimeException e) {
            // Jetty reports bad %-escapes and malformed UTF-8 while decoding the parameters
            throw new SijillException(SijillException.Kind.BAD_INPUT,
                    "the query string is not valid percent-encoded UTF-8: " + e.getMessage(), e);
        }
    }

    /** @return the search request these parameters make */
    public SearchRequest request(int defaultPageSize) {
        return SearchRequest.of(q, groupIri(type), country, SearchRequest.intParam("page", page, 1),
                SearchRequest.intParam("limit", limit, defaultPageSize));
    }

    /** @return the broad-class IRI of a {@code type} parameter (an IRI, or a local name such as {@code Organization}) */
    static String groupIri(String type) {
        if (type == null || type.isBlank()) return null;
        String t = type.strip();
        for (String g : org.w3id.sijill.search.TextIndexBuilder.GROUPS) {
            if (g.equals(t) || localName(g).equalsIgnoreCase(t)) return g;
        }
        throw new SijillException(SijillException.Kind.BAD_INPUT, "parameter 'type' must be one of " + String.join(", ",
                org.w3id.sijill.search.TextIndexBuilder.GROUPS.stream().map(SearchParams::localName).toList()) + ", got '" + type + "'");
    }

    /** @return the local name of an IRI (after the last {@code #} or {@code /}) */
    static String localName(String iri) {
        int i = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
        return iri.substring(i + 1);
    }
}
