package org.w3id.sijill.server.pages;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Chooses the page language: an explicit {@code ?lang=ar|en} wins; then the reader's earlier
 * explicit choice (the {@value #COOKIE} cookie, set when they used the language switch); then the
 * {@code Accept-Language} header with its q-values (RFC 9110, section 12.5.4); otherwise English.
 *
 * <pre>{@code
 * PageLanguage l = LanguageNegotiator.choose(null, "fr;q=1, ar-LB;q=0.8, en;q=0.5"); // AR
 * }</pre>
 */
public final class LanguageNegotiator {
    private LanguageNegotiator() {}

    /** The language used when neither the parameter nor the header decides. */
    public static final PageLanguage DEFAULT = PageLanguage.EN;

    /** The cookie that remembers an explicit choice. */
    public static final String COOKIE = "sijill-lang";

    /**
     * @param langParameter the {@code lang} query parameter, may be null
     * @param acceptLanguage the {@code Accept-Language} header, may be null
     * @return the page language
     */
    public static PageLanguage choose(String langParameter, String acceptLanguage) {
        return choose(langParameter, null, acceptLanguage);
    }

    /**
     * @param langParameter the {@code lang} query parameter, may be null
     * @param cookie the value of the {@value #COOKIE} cookie, may be null
     * @param acceptLanguage the {@code Accept-Language} header, may be null
     * @return the page language
     */
    public static PageLanguage choose(String langParameter, String cookie, String acceptLanguage) {
        return PageLanguage.fromCode(langParameter)
                .or(() -> PageLanguage.fromCode(cookie))
                .or(() -> fromAcceptLanguage(acceptLanguage))
                .orElse(DEFAULT);
    }

    /**
     * @param header an {@code Accept-Language} header value
     * @return the supported language with the highest q-value (header order breaks ties), if any
     */
    public static Optional<PageLanguage> fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) return Optional.empty();
        List<String> ranges = List.of(header.split(","));
        record Ranked(PageLanguage lang, double q, int position) {}
        return Stream.iterate(0, i -> i < ranges.size(), i -> i + 1)
                .flatMap(i -> parse(ranges.get(i), i).stream())
                .filter(r -> r.q() > 0)
                .map(r -> new Ranked(r.lang(), r.q(), r.position()))
                .max(Comparator.comparingDouble(Ranked::q).thenComparing(Ranked::position, Comparator.reverseOrder()))
                .map(Ranked::lang);
    }

    private record Range(PageLanguage lang, double q, int position) {}

    private static Optional<Range> parse(String range, int position) {
        String[] parts = range.split(";", -1);  // -1: ";" alone gives an empty tag, not an empty array
        String tag = parts[0].trim();
        if (tag.equals("*")) return Optional.empty();
        double q = 1.0;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.startsWith("q=") || p.startsWith("Q=")) {
                try {
                    q = Double.parseDouble(p.substring(2).trim());
                } catch (NumberFormatException e) {
                    // A malformed weight makes the range unusable; RFC 9110 says to ignore it.
                    return Optional.empty();
                }
            }
        }
        double weight = q;
        return PageLanguage.fromCode(tag).map(l -> new Range(l, weight, position));
    }
}
