package org.w3id.sijill.server.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3id.sijill.server.observatory.BadRequest;

/**
 * One page of a table the API serves, from the request's {@code offset} and {@code limit}: a
 * table whose rows grow with the register (a state's instruments) is answered a page at a time,
 * with the whole count and the address of the next page ({@code Link: <…>; rel="next"}, and
 * {@code next} in JSON), so an answer stays one size however large the register grows.
 *
 * <pre>{@code
 * TablePage page = TablePage.of(params);             // offset=0, limit=100 by default
 * List<Entry> rows = entries.subList(page.from(entries.size()), page.to(entries.size()));
 * Map<String, Object> facts = page.facts(entries.size()); // total, offset, limit
 * String next = page.next(entries.size(), "/api/v1/instruments", params); // null on the last page
 * }</pre>
 *
 * @param offset how many rows to skip
 * @param limit how many rows at most
 */
public record TablePage(int offset, int limit) {
    /**
     * Rows per page when the request does not say: as many as a page of passages, so the default
     * answer stays about 30 kB however many instruments a state has; bulk readers ask for up to
     * {@link #MAX_LIMIT} or take a dump.
     */
    public static final int DEFAULT_LIMIT = 100;
    /** The most rows a page may ask for. */
    public static final int MAX_LIMIT = 10_000;

    /**
     * @return the page the parameters ask for
     * @throws BadRequest for a limit or offset that is not a whole number in range, or given twice
     */
    public static TablePage of(Map<String, List<String>> params) {
        int limit = number(params, "limit", DEFAULT_LIMIT);
        if (limit < 1 || limit > MAX_LIMIT) throw new BadRequest("api.error.limit", String.valueOf(limit), MAX_LIMIT);
        return new TablePage(number(params, "offset", 0), limit);
    }

    private static int number(Map<String, List<String>> params, String name, int absent) {
        List<String> v = params.getOrDefault(name, List.of());
        if (v.isEmpty()) return absent;
        if (v.size() > 1) throw new BadRequest("obs.error.once", name);
        String raw = v.get(0).strip();
        if (!raw.matches("[0-9]{1,9}")) throw new BadRequest("api.error.number", name, v.get(0));
        return Integer.parseInt(raw);
    }

    /** @return the first row of this page in a table of {@code total} rows */
    public int from(int total) {
        return Math.min(offset, total);
    }

    /** @return one past the last row of this page in a table of {@code total} rows */
    public int to(int total) {
        return (int) Math.min((long) from(total) + limit, total);
    }

    /** @return the facts a page adds to its table: the whole count, the offset and the limit */
    public Map<String, Object> facts(int total) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("total", total);
        meta.put("offset", offset);
        meta.put("limit", limit);
        return meta;
    }

    /**
     * @param total the rows of the whole table
     * @param path the request's path
     * @param params the request's parameters (kept, but for the offset)
     * @return the address of the next page, or null when this one is the last
     */
    public String next(int total, String path, Map<String, List<String>> params) {
        if ((long) offset + limit >= total) return null;
        Map<String, List<String>> p = new LinkedHashMap<>(params);
        p.put("offset", List.of(Integer.toString(offset + limit)));
        StringBuilder sb = new StringBuilder(path);
        char sep = '?';
        for (Map.Entry<String, List<String>> e : p.entrySet()) {
            for (String v : e.getValue()) {
                sb.append(sep).append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
                sep = '&';
            }
        }
        return sb.toString();
    }
}
