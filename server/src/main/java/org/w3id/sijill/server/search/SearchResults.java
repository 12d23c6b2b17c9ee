package org.w3id.sijill.server.search;

import java.util.List;
import java.util.Map;

/**
 * One page of results with the counts by broad class and by country of all results (before the
 * filters), for the filter links.
 *
 * <pre>{@code
 * SearchResults r = search.search(SearchRequest.of("Egypt", null, null, 1, 20));
 * r.total(); r.hits().get(0).iri();
 * }</pre>
 *
 * @param request   what was asked
 * @param total     the number of resources found (after the filters)
 * @param hits      this page of them, best first
 * @param groups    broad class IRI → number of resources found, before the filters
 * @param countries country code → number of resources found, before the filters
 */
public record SearchResults(SearchRequest request, int total, List<SearchHit> hits,
                            Map<String, Integer> groups, Map<String, Integer> countries) {

    /** @return whether another page follows */
    public boolean hasNext() {
        return (long) request.page() * request.pageSize() < total;
    }
}
