package org.w3id.sijill.server.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
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
 * @param allParams every value of every query parameter (for repeated ones such as
 *                  {@code ?country=LB&country=SY}), in request order
 */
public record PageRequest(PageLanguage lang, String path, Map<String, String> params, String siteUrl,
                          Map<String, List<String>> allParams) {

    /** A request whose parameters each have one value. */
    public PageRequest(PageLanguage lang, String path, Map<String, String> params, String siteUrl) {
        this(lang, path, params, siteUrl, single(params));
    }

    private static Map<String, List<String>> single(Map<String, String> params) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        params.forEach((k, v) -> out.put(k, List.of(v)));
        return out;
    }

    /** @return every value of a parameter, in request order (empty when absent) */
    public List<String> values(String name) {
        return allParams.getOrDefault(name, List.of());
    }

    /** @return this page in the other language */
    public String switchHref() {
        return withParam("lang", lang.other().code());
    }

    /** @return this page with one parameter set (others kept) */
    public String withParam(String name, String value) {
        Map<String, List<String>> p = new LinkedHashMap<>(allParams);
        p.remove(name);
        p.put(name, List.of(value));
        return href(p);
    }

    /** @return this page without the named parameters (others kept) */
    public String without(String... names) {
        Map<String, List<String>> p = new LinkedHashMap<>(allParams);
        for (String n : names) p.remove(n);
        return href(p);
    }

    private String href(Map<String, List<String>> p) {
        StringBuilder sb = new StringBuilder(path);
        char sep = '?';
        for (Map.Entry<String, List<String>> e : p.entrySet()) {
            for (String v : e.getValue()) {
                sb.append(sep).append(encode(e.getKey())).append('=').append(encode(v));
                sep = '&';
            }
        }
        return sb.toString();
    }

    /** @return a value encoded for a URL query */
    public static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
