package org.w3id.sijill.server;

import org.apache.jena.fuseki.main.FusekiServer;

/**
 * The limits that keep one client or one query from taking the server: how long a query text may
 * be, how many rows and bytes one answer may carry, and each client's fair-use budget (requests and
 * query time per minute). {@link SijillServer} puts them on the Fuseki builder next to the
 * {@link Site}; modules read them with {@link #from}.
 *
 * <pre>{@code
 * ServerLimits limits = ServerLimits.DEFAULTS.withMaxRows(10_000).withFairUseOnLoopback(true);
 * SijillServer.builder()...limits(limits).build();
 * }</pre>
 *
 * @param maxQueryChars        the longest query text accepted ({@code 413}/{@code 414} beyond)
 * @param maxRows              the most rows (solutions) one answer carries; more are cut with a marker
 * @param maxResultBytes       the most bytes one SPARQL answer carries; more are cut with a marker
 * @param requestsPerMinute    per-client requests per minute before {@code 429} (0: no limit)
 * @param querySecondsPerMinute per-client SPARQL query time (seconds) per minute before {@code 429} (0: no limit)
 * @param fairUseOnLoopback    whether clients on the loopback interface are limited too (off by default,
 *                             so local tools and tests are not; a proxy's {@code X-Forwarded-For} client is
 *                             always limited)
 */
public record ServerLimits(int maxQueryChars, long maxRows, long maxResultBytes,
                           int requestsPerMinute, int querySecondsPerMinute, boolean fairUseOnLoopback) {

    /** The builder attribute holding the limits. */
    public static final String ATTRIBUTE = "org.w3id.sijill.server.ServerLimits";

    /** Generous defaults for a public server. */
    public static final ServerLimits DEFAULTS = new ServerLimits(100_000, 100_000, 64L << 20, 600, 120, false);

    public ServerLimits {
        if (maxQueryChars < 1) throw new IllegalArgumentException("maxQueryChars must be positive");
        if (maxRows < 1) throw new IllegalArgumentException("maxRows must be positive");
        if (maxResultBytes < 1) throw new IllegalArgumentException("maxResultBytes must be positive");
        if (requestsPerMinute < 0 || querySecondsPerMinute < 0) throw new IllegalArgumentException("fair-use budgets must not be negative");
    }

    /** @return the request-body cap in bytes: the longest query, percent-encoded as a form field */
    public long maxBodyBytes() { return 9L * maxQueryChars + 1024; }

    public ServerLimits withMaxQueryChars(int n) { return new ServerLimits(n, maxRows, maxResultBytes, requestsPerMinute, querySecondsPerMinute, fairUseOnLoopback); }
    public ServerLimits withMaxRows(long n) { return new ServerLimits(maxQueryChars, n, maxResultBytes, requestsPerMinute, querySecondsPerMinute, fairUseOnLoopback); }
    public ServerLimits withMaxResultBytes(long n) { return new ServerLimits(maxQueryChars, maxRows, n, requestsPerMinute, querySecondsPerMinute, fairUseOnLoopback); }
    public ServerLimits withRequestsPerMinute(int n) { return new ServerLimits(maxQueryChars, maxRows, maxResultBytes, n, querySecondsPerMinute, fairUseOnLoopback); }
    public ServerLimits withQuerySecondsPerMinute(int n) { return new ServerLimits(maxQueryChars, maxRows, maxResultBytes, requestsPerMinute, n, fairUseOnLoopback); }
    public ServerLimits withFairUseOnLoopback(boolean on) { return new ServerLimits(maxQueryChars, maxRows, maxResultBytes, requestsPerMinute, querySecondsPerMinute, on); }

    /**
     * @param builder the Fuseki builder {@link SijillServer} prepared
     * @return the limits on it, else {@link #DEFAULTS}
     */
    public static ServerLimits from(FusekiServer.Builder builder) {
        return builder.getServletAttribute(ATTRIBUTE) instanceof ServerLimits l ? l : DEFAULTS;
    }
}
