package org.w3id.sijill.server.ld;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.jena.riot.RDFFormat;

/**
 * The representations a Sijill resource has: an HTML page and four RDF serialisations, each with
 * its {@code ?format=} name, file extension and media type. The order is the server's preference
 * when a client accepts several equally (HTML first: a bare {@code *}{@code /*} gets the page).
 *
 * <pre>{@code
 * Representation r = Representation.byName("ttl").orElseThrow();   // TURTLE
 * response.setContentType(r.contentType());
 * }</pre>
 */
public enum Representation {
    HTML("html", "text/html", null),
    TURTLE("ttl", "text/turtle", RDFFormat.TURTLE_PRETTY),
    JSONLD("jsonld", "application/ld+json", RDFFormat.JSONLD11_PRETTY),
    NTRIPLES("nt", "application/n-triples", RDFFormat.NTRIPLES),
    RDFXML("rdf", "application/rdf+xml", RDFFormat.RDFXML_PLAIN);

    private final String name;
    private final String mediaType;
    private final RDFFormat format;

    Representation(String name, String mediaType, RDFFormat format) {
        this.name = name;
        this.mediaType = mediaType;
        this.format = format;
    }

    /** @return the {@code ?format=} value and the file extension */
    public String extension() { return name; }

    /** @return the media type without parameters */
    public String mediaType() { return mediaType; }

    /** @return the {@code Content-Type} header value */
    public String contentType() {
        return this == JSONLD || this == RDFXML ? mediaType : mediaType + "; charset=utf-8";
    }

    /** @return the Jena writer format, {@code null} for HTML */
    public RDFFormat rdfFormat() { return format; }

    /** @return whether this is an RDF serialisation */
    public boolean isRdf() { return format != null; }

    /** @return the representation named (or with that extension) */
    public static Optional<Representation> byName(String name) {
        return Arrays.stream(values()).filter(r -> r.name.equals(name)).findFirst();
    }

    /** @return the representation with that media type */
    public static Optional<Representation> byMediaType(String mediaType) {
        return Arrays.stream(values()).filter(r -> r.mediaType.equals(mediaType)).findFirst();
    }

    /**
     * @param accept  the client's Accept header
     * @param offered what the server offers here, preferred first
     * @return the best acceptable representation (the earliest among equals; {@code application/json}
     *         counts for JSON-LD), empty when none is
     */
    public static Optional<Representation> negotiate(AcceptHeader accept, List<Representation> offered) {
        Representation choice = null;
        double best = 0;
        for (Representation r : offered) {
            double q = accept.quality(r.mediaType);
            // JSON-LD is JSON: a client asking for application/json gets it.
            if (r == JSONLD) q = Math.max(q, accept.quality("application/json"));
            if (q > best) {
                best = q;
                choice = r;
            }
        }
        return Optional.ofNullable(choice);
    }

    /** @return a human-readable list such as {@code text/html (html), text/turtle (ttl)} */
    public static String describe(List<Representation> offered) {
        return offered.stream().map(r -> r.mediaType + " (?format=" + r.name + ")").collect(Collectors.joining(", "));
    }
}
