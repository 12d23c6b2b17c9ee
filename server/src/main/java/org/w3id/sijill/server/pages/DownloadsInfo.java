package org.w3id.sijill.server.pages;

import java.util.List;
import java.util.Optional;

/**
 * What the landing page says about downloads: the current release id and its dump files. The
 * dumps module supplies it; {@link #NONE} is the honest answer before any dump is published.
 *
 * <pre>{@code
 * DownloadsInfo info = () -> new DownloadsInfo.Release("2026-11-23", List.of(
 *         new DownloadsInfo.Download("sijill.jsonld.gz", "application/ld+json", 12345, "ab12…", "/downloads/sijill.jsonld.gz")));
 * }</pre>
 */
@FunctionalInterface
public interface DownloadsInfo {

    /** @return the current release, or empty when no dump is published */
    Optional<Release> current();

    /** No dumps published. */
    DownloadsInfo NONE = Optional::empty;

    /**
     * A published release.
     *
     * @param id the release id, used in the citation
     * @param files its files
     */
    record Release(String id, List<Download> files) {}

    /**
     * One dump file.
     *
     * @param fileName its name
     * @param mediaType its media type, e.g. {@code application/ld+json}
     * @param bytes its size in bytes
     * @param sha256 its SHA-256 checksum (hex)
     * @param url where to download it (root-relative or absolute)
     */
    record Download(String fileName, String mediaType, long bytes, String sha256, String url) {}
}
