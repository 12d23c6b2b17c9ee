package org.w3id.sijill.dump;

import java.util.List;
import org.w3id.sijill.core.ProjectPaths;

/**
 * What the dumps and the dataset description say beyond the data itself: the licence of the Sijill
 * dataset, the external sources (with their licences and acknowledgements), and the public
 * addresses of the service (where the dumps and the SPARQL endpoint are).
 *
 * <pre>{@code
 * DumpSettings s = DumpSettings.fromProject(ProjectPaths.locate());
 * DumpSettings local = s.withPublicBase("http://localhost:3030/");
 * }</pre>
 *
 * @param licence       licence IRI of the Sijill dataset
 * @param sources       the external sources ({@code sources/external-sources.csv})
 * @param publicBase    base URL the service is reached at, ending in {@code /} (downloads are {@code {base}dumps/{file}})
 * @param sparqlEndpoint the SPARQL endpoint URL
 */
public record DumpSettings(String licence, List<ExternalSource> sources, String publicBase, String sparqlEndpoint) {

    /** The licence of the Sijill dataset (its own curated data: CC BY 4.0, as in the sources register). */
    public static final String DEFAULT_LICENCE = "https://creativecommons.org/licenses/by/4.0/";
    /** The canonical public base. */
    public static final String DEFAULT_BASE = "https://w3id.org/sijill/";

    public DumpSettings {
        sources = List.copyOf(sources);
        if (!publicBase.endsWith("/")) publicBase = publicBase + "/";
    }

    /** Settings from the project's {@code sources/external-sources.csv}, with the canonical addresses. */
    public static DumpSettings fromProject(ProjectPaths home) {
        List<ExternalSource> sources = ExternalSource.read(home.sources().resolve("external-sources.csv"));
        return new DumpSettings(DEFAULT_LICENCE, sources, DEFAULT_BASE, DEFAULT_BASE + "sparql");
    }

    /** @return these settings served from another base (the SPARQL endpoint moves along: {@code {base}sparql}) */
    public DumpSettings withPublicBase(String base) {
        String b = base.endsWith("/") ? base : base + "/";
        return new DumpSettings(licence, sources, b, b + "sparql");
    }

    /** @return these settings with another SPARQL endpoint URL */
    public DumpSettings withSparqlEndpoint(String url) {
        return new DumpSettings(licence, sources, publicBase, url);
    }

    /** @return the download URL of a dump file */
    public String downloadUrl(String fileName) {
        return publicBase + "dumps/" + fileName;
    }
}
