package org.w3id.sijill.server;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.DataAccessPoint;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.vocab.SIJILL;

/**
 * What the Sijill modules of one server share: the store and its release, the ontology, the public
 * address of the server, the {@code SERVICE} allow-list and the cache lifetime. {@link SijillServer}
 * puts it on the Fuseki builder before the modules run, so any {@code FusekiModule} (core, pages,
 * dumps) reaches it in {@code prepare} or {@code configured}:
 *
 * <pre>{@code
 * public void configured(FusekiServer.Builder b, DataAccessPointRegistry reg, Model config) {
 *     Site site = Site.from(b);
 *     DatasetGraph store = Site.dataset(reg);
 *     b.addServlet("/page/*", new PageServlet(site, new ResourceDescriber(store).withOntology(site.ontology())));
 * }
 * }</pre>
 *
 * Canonical IRIs are {@code https://w3id.org/sijill/...}; the server answers for them at its own
 * address: local path {@code /id/x} is {@code https://w3id.org/sijill/id/x}. {@link #localUrl}
 * and {@link #canonical} map between the two.
 *
 * @param store           the store path served (a release link, {@code var/store}, or a plain TDB2 folder)
 * @param served          the data release served now (HTTP caching is tied to it); it changes when
 *                        the server switches to a new release ({@link #release()} is always current)
 * @param ontology        the ontology graph served at {@code /ontology} (empty if none was given)
 * @param publicBase      the server's public base URL ending in {@code /}, or {@code null} to take
 *                        scheme, host and port from each request
 * @param serviceAllowList endpoints a federated {@code SERVICE} may call (empty: none)
 * @param maxAge          the {@code Cache-Control max-age} of data and pages
 */
public record Site(Path store, ServedRelease served, Graph ontology, String publicBase,
                   Set<String> serviceAllowList, Duration maxAge) {

    /** The servlet-context attribute (and builder attribute) holding the {@code Site}. */
    public static final String ATTRIBUTE = "org.w3id.sijill.server.Site";
    /** The Fuseki dataset name: the SPARQL endpoint is at {@code /sparql}. */
    public static final String DATASET_NAME = "/sparql";
    /** The canonical base of all Sijill IRIs. */
    public static final String CANONICAL_BASE = SIJILL.BASE;

    public Site {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(served, "served");
        Objects.requireNonNull(ontology, "ontology");
        serviceAllowList = Set.copyOf(serviceAllowList);
        Objects.requireNonNull(maxAge, "maxAge");
        if (publicBase != null && !publicBase.endsWith("/")) publicBase = publicBase + "/";
    }

    /** @return the release served now (it changes on a live reload) */
    public Release release() { return served.get(); }

    /**
     * @param builder the Fuseki builder {@link SijillServer} prepared
     * @return the site settings on it
     * @throws SijillException {@code ENVIRONMENT} when the server was not assembled by {@link SijillServer}
     */
    public static Site from(FusekiServer.Builder builder) {
        Object s = builder.getServletAttribute(ATTRIBUTE);
        if (s instanceof Site site) return site;
        throw new SijillException(SijillException.Kind.ENVIRONMENT, "no Sijill site settings: assemble the server with SijillServer");
    }

    /**
     * @param registry the server's data access points (as passed to {@code FusekiModule.configured})
     * @return the store behind {@code /sparql}
     */
    public static DatasetGraph dataset(DataAccessPointRegistry registry) {
        DataAccessPoint dap = registry.get(DATASET_NAME);
        if (dap == null) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT,
                    "the Fuseki configuration has no dataset named '" + DATASET_NAME.substring(1) + "'");
        }
        return dap.getDataService().getDataset();
    }

    /**
     * The base URL for links, redirects and JSON-LD contexts: the configured public base
     * ({@code --base}); without one, this server's own loopback address. The request's {@code Host}
     * header is never used, so a client cannot make the server (or a cache in front of it) hand out
     * links to another host.
     *
     * @param request a request to this server
     * @return the base URL clients reach this server at, ending in {@code /}
     */
    public String baseFor(HttpServletRequest request) {
        return publicBase != null ? publicBase : localBase(request);
    }

    /**
     * @param request a request to this server
     * @return {@code http://localhost:{port}/}: the server's own port (the connector's, not the
     *         {@code Host} header's)
     */
    public static String localBase(HttpServletRequest request) {
        String scheme = "https".equals(request.getScheme()) ? "https" : "http";
        String context = request.getContextPath() == null ? "" : request.getContextPath();
        return scheme + "://localhost:" + request.getLocalPort() + context + "/";
    }

    /**
     * @param request a request to this server
     * @return the base URL of the server that handles it: its {@link Site}'s {@link #baseFor}, else {@link #localBase}
     */
    public static String baseOf(HttpServletRequest request) {
        Object s = request.getServletContext() == null ? null : request.getServletContext().getAttribute(ATTRIBUTE);
        return s instanceof Site site ? site.baseFor(request) : localBase(request);
    }

    /**
     * @param request   a request to this server
     * @param canonicalIri an IRI; Sijill ones ({@code https://w3id.org/sijill/...}) are mapped
     * @return the URL of that thing on this server, or the IRI unchanged when it is not Sijill's
     */
    public String localUrl(HttpServletRequest request, String canonicalIri) {
        if (canonicalIri.startsWith(CANONICAL_BASE)) {
            return baseFor(request) + canonicalIri.substring(CANONICAL_BASE.length());
        }
        return canonicalIri;
    }

    /**
     * @param localPath a path on this server without the leading slash, e.g. {@code id/country/LB}
     * @return its canonical IRI, e.g. {@code https://w3id.org/sijill/id/country/LB}
     */
    public static String canonical(String localPath) {
        return CANONICAL_BASE + (localPath.startsWith("/") ? localPath.substring(1) : localPath);
    }
}
