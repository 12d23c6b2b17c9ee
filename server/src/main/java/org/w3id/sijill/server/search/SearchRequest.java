package org.w3id.sijill.server.search;

import org.w3id.sijill.core.SijillException;

/**
 * One search as asked: the text, optional filters by broad class and country, and the page.
 * Checked when made: the text is trimmed and at most {@value #MAX_LENGTH} characters.
 *
 * <pre>{@code
 * SearchRequest r = SearchRequest.of("NTRA", null, "EG", 1, 20);
 * }</pre>
 *
 * @param text     what was typed (never blank)
 * @param group    the IRI of a broad class to keep ({@code null}: all)
 * @param country  an ISO 3166-1 alpha-2 code to keep ({@code null}: all)
 * @param page     1-based page
 * @param pageSize results per page
 */
public record SearchRequest(String text, String group, String country, int page, int pageSize) {
    /** The longest query text accepted. */
    public static final int MAX_LENGTH = 300;
    /** The most results per page. */
    public static final int MAX_PAGE_SIZE = 100;

    /**
     * @throws SijillException {@code BAD_INPUT} for an empty or too long text, or a bad page
     */
    public static SearchRequest of(String text, String group, String country, int page, int pageSize) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) throw new SijillException(SijillException.Kind.BAD_INPUT, "parameter 'q' is required: the text to search for");
        if (t.length() > MAX_LENGTH) {
            throw new SijillException(SijillException.Kind.BAD_INPUT,
                    "the search text is " + t.length() + " characters long; at most " + MAX_LENGTH + " are accepted");
        }
        if (page < 1) throw new SijillException(SijillException.Kind.BAD_INPUT, "parameter 'page' must be 1 or more, got " + page);
        if (page > 1000) throw new SijillException(SijillException.Kind.BAD_INPUT, "parameter 'page' must be at most 1000, got " + page);
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new SijillException(SijillException.Kind.BAD_INPUT, "parameter 'limit' must be 1 to " + MAX_PAGE_SIZE + ", got " + pageSize);
        }
        String g = group == null || group.isBlank() ? null : group.strip();
        String c = country == null || country.isBlank() ? null : country.strip().toUpperCase(java.util.Locale.ROOT);
        if (c != null && !c.matches("[A-Z]{2}")) {
            throw new SijillException(SijillException.Kind.BAD_INPUT, "parameter 'country' must be an ISO 3166-1 alpha-2 code, got '" + country + "'");
        }
        return new SearchRequest(t, g, c, page, pageSize);
    }

    /**
     * Reads an integer parameter.
     *
     * @throws SijillException {@code BAD_INPUT} naming the parameter when it is not a number
     */
    public static int intParam(String name, String value, int absent) {
        if (value == null || value.isBlank()) return absent;
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new SijillException(SijillException.Kind.BAD_INPUT, "parameter '" + name + "' must be a whole number, got '" + value + "'");
        }
    }
}
