package org.w3id.sijill.dump;

import java.util.Arrays;
import java.util.Optional;

/**
 * The files of a Sijill dump: name, the media type of the content (IANA), the HTTP content type
 * it is served with (gzip files as {@code application/gzip}, so clients store them as they are),
 * and whether it is gzip-compressed.
 *
 * <pre>{@code
 * DumpFormat.byFileName("sijill.nq.gz").orElseThrow().mediaType(); // "application/n-quads"
 * }</pre>
 */
public enum DumpFormat {
    JSONLD("sijill.jsonld", "application/ld+json", false, "JSON-LD 1.1, compacted with the Sijill context, named graphs kept"),
    JSONLD_GZ("sijill.jsonld.gz", "application/ld+json", true, "JSON-LD 1.1 (gzip), compacted with the Sijill context, named graphs kept"),
    NQUADS_GZ("sijill.nq.gz", "application/n-quads", true, "N-Quads (gzip), one named graph per source"),
    TRIG("sijill.trig", "application/trig", false, "TriG, one named graph per source"),
    TURTLE("sijill.ttl", "text/turtle", false, "Turtle, the union of all graphs");

    /** The checksum file (sha256sum format); not a distribution of the data. */
    public static final String CHECKSUMS = "SHA256SUMS";
    /** IANA media-type IRIs, as DCAT 3 recommends for {@code dcat:mediaType}. */
    public static final String IANA = "https://www.iana.org/assignments/media-types/";

    private final String fileName;
    private final String mediaType;
    private final boolean gzip;
    private final String description;

    DumpFormat(String fileName, String mediaType, boolean gzip, String description) {
        this.fileName = fileName;
        this.mediaType = mediaType;
        this.gzip = gzip;
        this.description = description;
    }

    public String fileName() { return fileName; }

    /** @return the media type of the (uncompressed) content */
    public String mediaType() { return mediaType; }

    public boolean gzip() { return gzip; }

    public String description() { return description; }

    /** @return the HTTP Content-Type the file is served with */
    public String contentType() {
        if (gzip) return "application/gzip";
        return mediaType.startsWith("text/") || mediaType.equals("application/trig") ? mediaType + "; charset=utf-8" : mediaType;
    }

    /** @return the IANA IRI of the content's media type */
    public String mediaTypeIri() { return IANA + mediaType; }

    public static Optional<DumpFormat> byFileName(String name) {
        return Arrays.stream(values()).filter(f -> f.fileName.equals(name)).findFirst();
    }
}
