package org.w3id.sijill.server.ld;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The letter case of Sijill identifiers, for addresses typed in another case: slugs are lower
 * case and ISO 3166 country codes upper case where they stand alone in a path segment
 * ({@code country/EG}, {@code status/EG/cybercrime/unctad-2026}); the country segment of a law
 * is lower case ({@code law/lb/2018/law-81}). Rather than encode each pattern, the candidates
 * (two-letter segments upper case, or everything lower case) are tried against the store, so an
 * address is only ever redirected to one that exists. {@code /id/} and {@code /page/} both answer
 * {@code 301} to the path this returns.
 *
 * <pre>{@code
 * IdentifierCase.canonical("country/eg", p -> describer.exists(SIJILL.ID + p)); // Optional[country/EG]
 * IdentifierCase.canonical("country/EG", p -> ...);                            // Optional.empty: already right
 * }</pre>
 */
public final class IdentifierCase {
    private IdentifierCase() {}

    /**
     * @param path   a resource path after {@code /id/} or {@code /page/}, e.g. {@code org/EG-NTRA}
     * @param exists whether a path names a resource in the store
     * @return the path in the case of an existing resource, when {@code path} itself names none and
     *         differs from it only in letter case; empty otherwise
     */
    public static Optional<String> canonical(String path, Predicate<String> exists) {
        Set<String> candidates = new LinkedHashSet<>();
        candidates.add(codesUpper(path));
        candidates.add(path.toLowerCase(Locale.ROOT));
        candidates.remove(path);
        if (candidates.isEmpty() || exists.test(path)) return Optional.empty();
        return candidates.stream().filter(exists).findFirst();
    }

    /** @return the path in lower case with every two-letter segment in upper case (ISO 3166 codes) */
    static String codesUpper(String path) {
        String[] segments = path.toLowerCase(Locale.ROOT).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].matches("[a-z]{2}")) segments[i] = segments[i].toUpperCase(Locale.ROOT);
        }
        return String.join("/", segments);
    }
}
