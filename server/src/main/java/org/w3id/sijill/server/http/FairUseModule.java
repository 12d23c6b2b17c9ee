package org.w3id.sijill.server.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.rdf.model.Model;
import org.w3id.sijill.server.ServerLimits;

/**
 * Fair use per client: each client (its IP address; behind a proxy on this machine, the last
 * {@code X-Forwarded-For} address) has a budget of requests per minute and of SPARQL query time
 * per minute ({@link ServerLimits#requestsPerMinute()}, {@link ServerLimits#querySecondsPerMinute()}),
 * refilled continuously. A client over either budget is answered {@code 429 Too Many Requests} with
 * {@code Retry-After} (seconds) and a reason. Clients connecting directly over loopback are not
 * limited unless {@link ServerLimits#fairUseOnLoopback()} is set (local tools; tests that need it set it).
 *
 * <pre>{@code
 * FusekiModules.create(..., new FairUseModule(), ...);  // reads ServerLimits from the builder
 * }</pre>
 */
public final class FairUseModule implements FusekiModule {

    @Override
    public String name() { return "Sijill fair use"; }

    @Override
    public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
        ServerLimits limits = ServerLimits.from(builder);
        if (limits.requestsPerMinute() == 0 && limits.querySecondsPerMinute() == 0) return;
        builder.addFilter("/*", new FairUseFilter(limits));
    }

    /** A continuously refilled allowance: {@code capacity} units per minute. */
    static final class Bucket {
        private final double capacity;
        private double level;
        private long last;
        volatile long lastUsed;

        Bucket(double capacity, long now) {
            this.capacity = capacity;
            this.level = capacity;
            this.last = now;
            this.lastUsed = now;
        }

        private void refill(long now) {
            level = Math.min(capacity, level + (now - last) * capacity / 60_000_000_000.0);
            last = now;
            lastUsed = now;
        }

        /** @return 0 when a unit was taken, else the seconds until one is available */
        synchronized long take(long now) {
            refill(now);
            if (level >= 1) {
                level -= 1;
                return 0;
            }
            return secondsUntil(1 - level);
        }

        /** @return 0 when something is left, else the seconds until it is positive again */
        synchronized long check(long now) {
            refill(now);
            return level > 0 ? 0 : secondsUntil(-level + capacity / 600);
        }

        synchronized void spend(double units, long now) {
            refill(now);
            level -= units;
        }

        private long secondsUntil(double units) {
            return Math.max(1, (long) Math.ceil(units * 60 / capacity));
        }
    }

    static final class FairUseFilter implements Filter {
        private final ServerLimits limits;
        private final ConcurrentHashMap<String, Bucket> requests = new ConcurrentHashMap<>();
        private final ConcurrentHashMap<String, Bucket> queryMillis = new ConcurrentHashMap<>();

        FairUseFilter(ServerLimits limits) {
            this.limits = limits;
        }

        @Override
        public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
            HttpServletRequest request = (HttpServletRequest) req;
            HttpServletResponse response = (HttpServletResponse) res;
            String client = client(request);
            if (client == null) {
                chain.doFilter(req, res);
                return;
            }
            long now = System.nanoTime();
            forgetIdle(now);
            if (limits.requestsPerMinute() > 0) {
                long wait = requests.computeIfAbsent(client, c -> new Bucket(limits.requestsPerMinute(), now)).take(now);
                if (wait > 0) {
                    refuse(request, response, wait, "Too many requests from " + client + ": at most " + limits.requestsPerMinute()
                            + " per minute (fair use, see the README). Retry in " + wait + " s.");
                    return;
                }
            }
            boolean query = limits.querySecondsPerMinute() > 0 && isQuery(request);
            Bucket time = null;
            if (query) {
                time = queryMillis.computeIfAbsent(client, c -> new Bucket(limits.querySecondsPerMinute() * 1000.0, now));
                long wait = time.check(now);
                if (wait > 0) {
                    refuse(request, response, wait, "Query time budget used up for " + client + ": at most " + limits.querySecondsPerMinute()
                            + " s of query time per minute (fair use, see the README). Retry in " + wait + " s.");
                    return;
                }
            }
            try {
                chain.doFilter(req, res);
            } finally {
                if (time != null) {
                    long end = System.nanoTime();
                    time.spend((end - now) / 1_000_000.0, end);
                }
            }
        }

        private static boolean isQuery(HttpServletRequest request) {
            String uri = request.getRequestURI();
            return uri.startsWith("/sparql") || uri.startsWith("/api/queries/");
        }

        /** @return who to count the request against, or {@code null} for an unlimited (loopback) client */
        String client(HttpServletRequest request) {
            String remote = request.getRemoteAddr();
            boolean loopback = isLoopback(remote);
            String forwarded = request.getHeader("X-Forwarded-For");
            if (loopback && forwarded != null && !forwarded.isBlank()) {
                String[] hops = forwarded.split(",");
                return hops[hops.length - 1].trim();  // added by the proxy on this machine
            }
            if (loopback && !limits.fairUseOnLoopback()) return null;
            return remote;
        }

        private static boolean isLoopback(String address) {
            try {
                return address != null && InetAddress.getByName(address).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;  // not an IP literal: not the loopback interface
            }
        }

        private long lastSweep = System.nanoTime();

        private void forgetIdle(long now) {
            if (now - lastSweep < 60_000_000_000L) return;
            lastSweep = now;
            long idle = now - 10 * 60_000_000_000L;
            requests.values().removeIf(b -> b.lastUsed < idle);
            queryMillis.values().removeIf(b -> b.lastUsed < idle);
        }

        private static void refuse(HttpServletRequest request, HttpServletResponse response, long seconds, String reason) throws IOException {
            response.setHeader("Retry-After", Long.toString(seconds));
            PlainText.refuse(request, response, 429, reason);
        }
    }
}
