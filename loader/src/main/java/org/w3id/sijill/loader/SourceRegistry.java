package org.w3id.sijill.loader;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * All sources by slug: the documents and the external sources (slugs are unique across both).
 *
 * <pre>{@code
 * SourceRegistry sources = new SourceRegistry(documents.sources(), external.sources());
 * Source s = sources.find("unctad-cyberlaw-tracker-2026");
 * }</pre>
 */
public final class SourceRegistry {
    private final Map<String, Source> bySlug = new LinkedHashMap<>();

    public SourceRegistry(Collection<Source> documents, Collection<Source> external) {
        documents.forEach(s -> bySlug.put(s.slug(), s));
        external.forEach(s -> bySlug.put(s.slug(), s));
    }

    /** @return the source with this slug, or {@code null} */
    public Source find(String slug) { return bySlug.get(slug); }

    /** @return all sources in register order */
    public Collection<Source> all() { return Collections.unmodifiableCollection(bySlug.values()); }
}
