package org.w3id.sijill.server.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a page needs from its request: the language it is rendered in, its own path and query
 * parameters (for the language switch and pager links), and the site's base URL.
 *
 * <pre>{@code
 * PageRequest r = new PageRequest(PageLanguage.AR, "/page/country/LB", Map.of("page", "2"), "http://localhost:3030");
 * r.switchHref(); // "/page/country/LB?page=2&lang=en"
 * }</pre>
 *
 * @param lang the negotiated page language
 * @param path the request path
 * @param params the query parameters (first value of each)
 * @param siteUrl scheme, host and port of the server, e.g. {@code http://localhost:3030}
 */
public record PageRequest(PageLanguage lang, String path, Map<String, String> params, String siteUrl) {

    /** @return this page in the other language */
    public String switchHref() {
        return withParam("lang", lang.other().code());
    }

    /** @return this page with one parameter set (others kept) */
    public String withParam(String name, String value) {
        Map<String, String> p = new LinkedHashMap<>(params);
        p.remove(name);
        p.put(name, value);
        StringBuilder sb = new StringBuilder(path);
        char sep = '?';
        for (Map.Entry<String, String> e : p.entrySet()) {
            sb.append(sep).append(encode(e.getKey())).append('=').append(encode(e.getValue()));
            sep = '&';
        }
        return sb.toString();
    }

    /** @return a value encoded for a URL query */
    public static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
