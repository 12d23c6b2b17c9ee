package org.w3id.sijill.server.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.w3id.sijill.server.pages.Messages;
import org.w3id.sijill.server.pages.PageLanguage;
import org.w3id.sijill.server.pages.PageRequest;
import org.w3id.sijill.server.pages.RenderedPage;
import org.w3id.sijill.server.pages.TemplateRenderer;

/**
 * Builds and renders {@code /search} (template {@code templates/search.peb}): the form, the
 * results of one page with the matched words marked in their text, links that filter by broad
 * class and by country, and the pager; without a query, example searches.
 *
 * <pre>{@code
 * RenderedPage p = new SearchPage().render(pageRequest, releaseIndex.labels(), "NTRA", results, null);
 * }</pre>
 */
public final class SearchPage {
    /** Example searches offered on the empty page: Arabic without hamza, an abbreviation, both languages. */
    public static final List<String> EXAMPLES = List.of("الجهاز القومى لتنظيم الاتصالات", "NTRA", "مصر", "Q-CERT",
            "cybercrime", "الجرائم الالكترونية", "child online protection");

    private final TemplateRenderer templates = new TemplateRenderer();

    /** One result as the page shows it. */
    public record ResultView(String href, String name, String nameLang, String typeLabel, String scheme, List<String> countries,
                             List<SearchHit.Segment> snippet, String snippetSource, String passageHref, boolean showSnippet) {}

    /** A filter link with its count. */
    public record FilterView(String label, int count, String href, boolean active) {}

    /**
     * @param r       the page request (language, parameters)
     * @param labels  the names of the release searched (countries, classes)
     * @param text    the query text, or null for the empty page
     * @param results the results, or null (empty page or error)
     * @param error   a reason the query was refused (status 400), or null
     */
    public RenderedPage render(PageRequest r, SearchLabels labels, String text, SearchResults results, String error) {
        PageLanguage lang = r.lang();
        Map<String, Object> ctx = new HashMap<>();
        ctx.put("req", r);
        ctx.put("searchText", text);
        ctx.put("title", text == null ? Messages.get(lang, "search.title") : Messages.get(lang, "search.title.for", text));
        ctx.put("error", error);
        if (text == null || error != null) {
            ctx.put("examples", EXAMPLES.stream().map(e -> Map.of("text", e, "href", "/search?q=" + PageRequest.encode(e)
                    + "&lang=" + lang.code())).toList());
        }
        if (results != null) {
            List<ResultView> views = new ArrayList<>();
            for (SearchHit h : results.hits()) views.add(view(h, lang, labels));
            ctx.put("results", views);
            ctx.put("total", results.total());
            ctx.put("from", results.total() == 0 ? 0 : (results.request().page() - 1) * results.request().pageSize() + 1);
            ctx.put("to", (results.request().page() - 1) * results.request().pageSize() + results.hits().size());
            List<FilterView> groups = new ArrayList<>();
            groups.add(new FilterView(Messages.get(lang, "search.all"), -1, without(r, "type"), results.request().group() == null));
            results.groups().forEach((g, n) -> groups.add(new FilterView(labels.group(g, lang), n,
                    with(r, "type", SearchParams.localName(g)), g.equals(results.request().group()))));
            ctx.put("groups", groups);
            List<FilterView> countries = new ArrayList<>();
            countries.add(new FilterView(Messages.get(lang, "search.all"), -1, without(r, "country"), results.request().country() == null));
            results.countries().entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> countries.add(new FilterView(labels.country(e.getKey(), lang), e.getValue(),
                            with(r, "country", e.getKey()), e.getKey().equals(results.request().country()))));
            ctx.put("countries", countries);
            int page = results.request().page();
            ctx.put("previousHref", page > 1 ? r.withParam("page", Integer.toString(page - 1)) : null);
            ctx.put("nextHref", results.hasNext() ? r.withParam("page", Integer.toString(page + 1)) : null);
        }
        int status = error != null ? 400 : 200;
        return new RenderedPage(status, lang, templates.render("search", lang, ctx));
    }

    private static ResultView view(SearchHit h, PageLanguage lang, SearchLabels labels) {
        String name = h.name(lang.code());
        String nameLang = name.equals(lang == PageLanguage.AR ? h.nameAr() : h.nameEn()) ? lang.code() : lang.other().code();
        List<String> countries = h.countries().stream().map(c -> labels.country(c, lang)).sorted(Comparator.naturalOrder()).toList();
        boolean show = !h.snippetText().equals(name);
        return new ResultView(SearchLabels.pageHref(h.iri(), lang), name, nameLang, labels.type(h.type(), lang), h.scheme(lang.code()), countries,
                h.snippet(), Messages.get(lang, "search.kind." + h.kind().name()),
                h.passage() == null ? null : SearchLabels.pageHref(h.passage(), lang), show);
    }

    private static String with(PageRequest r, String name, String value) {
        Map<String, List<String>> p = withoutPage(r);
        p.put(name, List.of(value));
        return new PageRequest(r.lang(), r.path(), r.params(), r.siteUrl(), p).withParam("lang", r.lang().code());
    }

    private static String without(PageRequest r, String name) {
        Map<String, List<String>> p = withoutPage(r);
        p.remove(name);
        PageRequest x = new PageRequest(r.lang(), r.path(), r.params(), r.siteUrl(), p);
        return x.withParam("lang", r.lang().code());
    }

    private static Map<String, List<String>> withoutPage(PageRequest r) {
        Map<String, List<String>> p = new java.util.LinkedHashMap<>(r.allParams());
        p.remove("page");
        return p;
    }
}
