package org.w3id.sijill.server.ld;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An HTTP {@code Accept} header, read as RFC 9110 says: each offered media type gets the quality
 * of the <em>most specific</em> range that matches it ({@code text/turtle} over {@code text/*}
 * over {@code *}{@code /*}), {@code q=0} means "not acceptable", and among equal qualities the
 * server's order of preference decides. A missing or empty header accepts anything. Malformed
 * entries are skipped.
 *
 * <pre>{@code
 * AcceptHeader accept = AcceptHeader.parse("text/turtle;q=0.9, application/ld+json");
 * Optional<String> best = accept.choose(List.of("text/html", "text/turtle", "application/ld+json"));
 * // -> application/ld+json
 * }</pre>
 */
public final class AcceptHeader {

    private record Range(String type, String subtype, double q) {
        int specificity() { return "*".equals(type) ? 0 : "*".equals(subtype) ? 1 : 2; }

        boolean matches(String t, String s) {
            return ("*".equals(type) || type.equals(t)) && ("*".equals(subtype) || subtype.equals(s));
        }
    }

    private final List<Range> ranges;

    private AcceptHeader(List<Range> ranges) {
        this.ranges = ranges;
    }

    /**
     * @param header the header value, possibly {@code null}
     * @return the parsed header
     */
    public static AcceptHeader parse(String header) {
        List<Range> ranges = new ArrayList<>();
        if (header == null || header.isBlank()) {
            ranges.add(new Range("*", "*", 1.0));
            return new AcceptHeader(ranges);
        }
        for (String item : header.split(",")) {
            String[] parts = item.split(";", -1);  // -1: ";" alone gives an empty type, not an empty array
            String mt = parts[0].trim().toLowerCase(Locale.ROOT);
            int slash = mt.indexOf('/');
            if (slash <= 0 || slash == mt.length() - 1) continue;
            String type = mt.substring(0, slash).trim();
            String subtype = mt.substring(slash + 1).trim();
            if ("*".equals(type) && !"*".equals(subtype)) continue;
            double q = 1.0;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].trim();
                if (p.length() > 2 && (p.startsWith("q=") || p.startsWith("Q="))) {
                    try {
                        q = Double.parseDouble(p.substring(2).trim());
                    } catch (NumberFormatException e) {
                        q = -1;  // malformed weight: the whole entry is ignored below
                    }
                }
            }
            if (q < 0 || q > 1) continue;
            ranges.add(new Range(type, subtype, q));
        }
        return new AcceptHeader(ranges);
    }

    /**
     * @param mediaType a concrete media type, e.g. {@code text/turtle}
     * @return its quality for this client, 0 when not acceptable
     */
    public double quality(String mediaType) {
        String mt = mediaType.toLowerCase(Locale.ROOT);
        int slash = mt.indexOf('/');
        String t = mt.substring(0, slash);
        String s = mt.substring(slash + 1);
        Range best = null;
        for (Range r : ranges) {
            if (r.matches(t, s) && (best == null || r.specificity() > best.specificity()
                    || (r.specificity() == best.specificity() && r.q() > best.q()))) {
                best = r;
            }
        }
        return best == null ? 0 : best.q();
    }

    /**
     * @param offers the server's media types, most preferred first
     * @return the offer with the highest quality (the earliest among equals), empty when none is acceptable
     */
    public Optional<String> choose(List<String> offers) {
        String choice = null;
        double bestQ = 0;
        for (String offer : offers) {
            double q = quality(offer);
            if (q > bestQ) {
                bestQ = q;
                choice = offer;
            }
        }
        return Optional.ofNullable(choice);
    }

    /**
     * @param header an {@code Accept} header as received (may be null)
     * @return it for an error message, cut to 200 characters so a client cannot make us echo
     *         an arbitrarily long header back
     */
    public static String forMessage(String header) {
        if (header == null) return "(none)";
        return header.length() <= 200 ? header : header.substring(0, 200) + "… (" + header.length() + " characters)";
    }
}
