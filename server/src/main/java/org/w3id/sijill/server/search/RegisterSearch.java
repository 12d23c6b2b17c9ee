package org.w3id.sijill.server.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.search.IndexedText;
import org.w3id.sijill.search.SearchAnalyzers;
import org.w3id.sijill.search.SearchIndexDefinition;
import org.w3id.sijill.search.TextIndexBuilder;

/**
 * Searches the register's full-text index (written by the loader, see
 * {@link SearchIndexDefinition}) and ranks resources, not texts: a resource's score is that of its
 * best-matching text. The query is never parsed as Lucene syntax: it is analysed with the same
 * analysers as the index and built as term, phrase and prefix queries, so {@code * ? " : ( ~} are
 * just characters.
 *
 * <p>Ranking: a whole-name match (folded: hamza, alef maqsura, diacritics, case) first; then the
 * field weights of {@link IndexedText} (names 9–10, notes and recommendation texts 3, passages and
 * quotes 1) times Lucene's BM25 score, with all words in a field above some of them and words in
 * order above words apart. Arabic text in the query is matched with the Arabic analyser, Latin
 * text with the English one, both also with the language-neutral one; a resource with labels in
 * both languages is found from either.
 *
 * <pre>{@code
 * RegisterSearch search = new RegisterSearch(FSDirectory.open(release.resolve("text-index")));
 * SearchResults r = search.search(SearchRequest.of("الجهاز القومى لتنظيم الاتصالات", null, null, 1, 20));
 * }</pre>
 */
public final class RegisterSearch {
    /** Texts looked at per query (resources are grouped from them). */
    static final int MAX_TEXTS = 1000;
    /** Distinct words of a query that are used. */
    static final int MAX_TERMS = 12;
    private static final float EXACT_BOOST = 60f;
    private static final float NEUTRAL_FACTOR = 0.8f;
    private static final int SNIPPET_CHARS = 220;

    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    /**
     * Opens the index once: a release's index never changes after its build (a new release comes
     * with a new index and a new {@code RegisterSearch}, see {@link ReleaseTextIndex}), so one
     * reader serves every request, without looking for changes.
     *
     * @param directory the index folder (read only)
     * @throws SijillException {@code ENVIRONMENT} when it holds no readable index
     */
    public RegisterSearch(Directory directory) {
        try {
            this.reader = DirectoryReader.open(directory);
        } catch (IOException e) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "cannot read the text index: " + e.getMessage(), e);
        }
        this.searcher = new IndexSearcher(reader);
    }

    private IndexSearcher searcher() {
        return searcher;
    }

    /** Releases the index reader. */
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "cannot close the text index reader: " + e.getMessage(), e);
        }
    }

    /**
     * @return the page of resources the request asks for
     * @throws SijillException {@code BAD_INPUT} when the text has no searchable word
     */
    public SearchResults search(SearchRequest request) {
        Analysed a = analyse(request.text());
        IndexSearcher searcher = searcher();
        List<SearchHit> all = run(searcher, fullQuery(a), a);
        Map<String, Integer> groups = new LinkedHashMap<>();
        Map<String, Integer> countries = new HashMap<>();
        for (SearchHit h : all) {
            groups.merge(h.group(), 1, Integer::sum);
            for (String c : h.countries()) countries.merge(c, 1, Integer::sum);
        }
        List<SearchHit> kept = all.stream()
                .filter(h -> request.group() == null || request.group().equals(h.group()))
                .filter(h -> request.country() == null || h.countries().contains(request.country()))
                .toList();
        int from = Math.min(kept.size(), (request.page() - 1) * request.pageSize());
        int to = Math.min(kept.size(), from + request.pageSize());
        Map<String, Integer> orderedGroups = new LinkedHashMap<>();
        for (String g : TextIndexBuilder.GROUPS) if (groups.containsKey(g)) orderedGroups.put(g, groups.get(g));
        groups.forEach(orderedGroups::putIfAbsent);
        List<SearchHit> page = kept.subList(from, to).stream().map(h -> withSnippet(h, a)).toList();
        return new SearchResults(request, kept.size(), page, orderedGroups, countries);
    }

    /**
     * Suggestions for a text being typed: resources whose names have its words, the last one as
     * a prefix; then, if too few, the best search results.
     *
     * @param text  what has been typed so far
     * @param limit how many resources at most
     */
    public List<SearchHit> suggest(String text, int limit) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.length() > SearchRequest.MAX_LENGTH) return List.of();
        List<String> terms = distinct(SearchAnalyzers.terms(SearchAnalyzers.folding(), t));
        if (terms.isEmpty()) return List.of();
        IndexSearcher searcher = searcher();
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (IndexedText kind : IndexedText.values()) {
            if (!kind.isName()) continue;
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            for (int i = 0; i < terms.size() - 1; i++) b.add(new TermQuery(new Term(kind.field(), terms.get(i))), BooleanClause.Occur.MUST);
            b.add(new PrefixQuery(new Term(kind.field(), terms.get(terms.size() - 1))), BooleanClause.Occur.MUST);
            any.add(new BoostQuery(b.build(), kind.weight()), BooleanClause.Occur.SHOULD);
        }
        any.add(new BoostQuery(new TermQuery(new Term(SearchIndexDefinition.EXACT, String.join(" ", terms))), EXACT_BOOST), BooleanClause.Occur.SHOULD);
        Analysed a = analyseLenient(t);
        Map<String, SearchHit> out = new LinkedHashMap<>();
        for (SearchHit h : run(searcher, any.build(), a)) {
            if (out.size() >= limit) break;
            out.putIfAbsent(h.iri(), h);
        }
        if (out.size() < limit && a != null) {
            for (SearchHit h : run(searcher, fullQuery(a), a)) {
                if (out.size() >= limit) break;
                out.putIfAbsent(h.iri(), h);
            }
        }
        return out.values().stream().map(h -> withSnippet(h, a)).toList();
    }

    /** The hit with the fragment of its matched text (made only for the hits shown). */
    private static SearchHit withSnippet(SearchHit h, Analysed a) {
        String value = h.snippet().isEmpty() ? "" : h.snippet().get(0).text();
        List<SearchHit.Segment> snippet = a == null || value.isEmpty() ? h.snippet() : snippet(value, h.lang(), a);
        return new SearchHit(h.iri(), h.nameEn(), h.nameAr(), h.group(), h.type(), h.countries(), h.score(), h.kind(), snippet, h.passage(), h.lang(), h.schemeEn(), h.schemeAr());
    }

    /** @return the country names the index knows: code → {en, ar} */
    public Map<String, String[]> countryNames() {
        IndexSearcher searcher = searcher();
        Map<String, String[]> out = new HashMap<>();
        try {
            Query q = new TermQuery(new Term(SearchIndexDefinition.GROUP, TextIndexBuilder.GROUPS.get(0)));
            StoredFields stored = searcher.storedFields();
            for (ScoreDoc sd : searcher.search(q, 10_000).scoreDocs) {
                Document d = stored.document(sd.doc);
                String[] codes = d.getValues(SearchIndexDefinition.COUNTRY);
                if (codes.length == 1) out.putIfAbsent(codes[0], new String[] {d.get(SearchIndexDefinition.NAME_EN), d.get(SearchIndexDefinition.NAME_AR)});
            }
        } catch (IOException e) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "cannot read the text index: " + e.getMessage(), e);
        }
        return out;
    }

    /** The query's terms per analysed field suffix ({@code ""}, {@code "_ar"}, {@code "_en"}). */
    private record Analysed(String text, Map<String, List<String>> terms, String exactKey) {}

    private static Analysed analyse(String text) {
        Analysed a = analyseLenient(text);
        if (a == null) {
            throw new SijillException(SijillException.Kind.BAD_INPUT,
                    "nothing to search for in '" + abbreviate(text) + "': it has only common words (such as 'the' or 'في') or punctuation");
        }
        return a;
    }

    private static Analysed analyseLenient(String text) {
        Map<String, List<String>> terms = new LinkedHashMap<>();
        boolean ar = SearchAnalyzers.hasArabic(text);
        boolean en = SearchAnalyzers.hasLatin(text);
        if (ar) terms.put("_ar", distinct(SearchAnalyzers.terms(SearchAnalyzers.forLanguage("ar"), text)));
        if (en) terms.put("_en", distinct(SearchAnalyzers.terms(SearchAnalyzers.forLanguage("en"), text)));
        boolean languageWords = terms.values().stream().anyMatch(l -> !l.isEmpty());
        List<String> neutral = distinct(SearchAnalyzers.terms(SearchAnalyzers.folding(), text));
        // only stop words (the language analysers dropped everything) or only punctuation: nothing to search
        if ((ar || en) && !languageWords) return null;
        if (neutral.isEmpty()) return null;
        terms.put("", neutral);
        return new Analysed(text, terms, SearchAnalyzers.exactKey(text));
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }

    private static List<String> distinct(List<String> terms) {
        List<String> out = new ArrayList<>(new LinkedHashSet<>(terms));
        return out.size() > MAX_TERMS ? out.subList(0, MAX_TERMS) : out;
    }

    private static Query fullQuery(Analysed a) {
        BooleanQuery.Builder top = new BooleanQuery.Builder();
        for (IndexedText kind : IndexedText.values()) {
            for (Map.Entry<String, List<String>> e : a.terms().entrySet()) {
                if (e.getValue().isEmpty()) continue;
                float w = kind.weight() * (e.getKey().isEmpty() ? NEUTRAL_FACTOR : 1f);
                top.add(fieldQuery(kind.field() + e.getKey(), e.getValue(), w), BooleanClause.Occur.SHOULD);
            }
        }
        if (!a.exactKey().isEmpty()) {
            top.add(new BoostQuery(new TermQuery(new Term(SearchIndexDefinition.EXACT, a.exactKey())), EXACT_BOOST), BooleanClause.Occur.SHOULD);
        }
        return top.build();
    }

    /** All words (full weight), most words (less), the words in order (a bonus). */
    private static Query fieldQuery(String field, List<String> terms, float weight) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        if (terms.size() == 1) {
            return new BoostQuery(new TermQuery(new Term(field, terms.get(0))), weight);
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        BooleanQuery.Builder most = new BooleanQuery.Builder();
        PhraseQuery.Builder phrase = new PhraseQuery.Builder().setSlop(1);
        for (String t : terms) {
            all.add(new TermQuery(new Term(field, t)), BooleanClause.Occur.MUST);
            most.add(new TermQuery(new Term(field, t)), BooleanClause.Occur.SHOULD);
            phrase.add(new Term(field, t));
        }
        most.setMinimumNumberShouldMatch(Math.max(1, (terms.size() * 2 + 2) / 3));
        b.add(new BoostQuery(all.build(), weight), BooleanClause.Occur.SHOULD);
        b.add(new BoostQuery(most.build(), weight * 0.4f), BooleanClause.Occur.SHOULD);
        b.add(new BoostQuery(phrase.build(), weight * 0.5f), BooleanClause.Occur.SHOULD);
        return b.build();
    }

    /** Runs a query and groups its texts by resource, best first. */
    private static List<SearchHit> run(IndexSearcher searcher, Query query, Analysed a) {
        try {
            ScoreDoc[] docs = searcher.search(query, MAX_TEXTS).scoreDocs;
            StoredFields stored = searcher.storedFields();
            Map<String, SearchHit> best = new LinkedHashMap<>();
            for (ScoreDoc sd : docs) {
                Document d = stored.document(sd.doc);
                String iri = d.get(SearchIndexDefinition.URI);
                if (iri == null || best.containsKey(iri)) continue; // docs come best first: the first is the best text
                best.put(iri, hit(d, sd.score));
            }
            List<SearchHit> out = new ArrayList<>(best.values());
            out.sort(Comparator.comparingDouble(SearchHit::score).reversed());
            return out;
        } catch (IndexSearcher.TooManyClauses e) {
            throw new SijillException(SijillException.Kind.BAD_INPUT, "the search text has too many words; shorten it", e);
        } catch (IOException e) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "cannot read the text index: " + e.getMessage(), e);
        }
    }

    private static SearchHit hit(Document d, float score) {
        IndexedText kind = IndexedText.valueOf(d.get(SearchIndexDefinition.KIND));
        String value = d.get(kind.field());
        String lang = SearchAnalyzers.primaryLanguage(d.get(SearchIndexDefinition.LANG));
        List<String> countries = new ArrayList<>();
        for (IndexableField f : d.getFields(SearchIndexDefinition.COUNTRY)) countries.add(f.stringValue());
        return new SearchHit(d.get(SearchIndexDefinition.URI), d.get(SearchIndexDefinition.NAME_EN), d.get(SearchIndexDefinition.NAME_AR),
                d.get(SearchIndexDefinition.GROUP), d.get(SearchIndexDefinition.TYPE), List.copyOf(countries), score, kind,
                List.of(new SearchHit.Segment(value == null ? "" : value, false)), d.get(SearchIndexDefinition.PASSAGE), lang,
                d.get(SearchIndexDefinition.SCHEME_EN), d.get(SearchIndexDefinition.SCHEME_AR));
    }

    /** The fragment of a text around its first matched word, matched words flagged. */
    static List<SearchHit.Segment> snippet(String value, String lang, Analysed a) {
        Set<String> wanted = new HashSet<>(a.terms().getOrDefault("", List.of()));
        Analyzer langAnalyzer = SearchAnalyzers.LANGUAGES.contains(lang) ? SearchAnalyzers.forLanguage(lang) : null;
        Set<String> langWanted = new HashSet<>(a.terms().getOrDefault("_" + lang, List.of()));
        List<int[]> spans = new ArrayList<>();
        collect(SearchAnalyzers.folding(), value, wanted, spans);
        if (langAnalyzer != null && !langWanted.isEmpty()) collect(langAnalyzer, value, langWanted, spans);
        spans.sort(Comparator.comparingInt(s -> s[0]));
        int start = 0;
        int end = value.length();
        if (value.length() > SNIPPET_CHARS) {
            int first = spans.isEmpty() ? 0 : spans.get(0)[0];
            start = Math.max(0, first - SNIPPET_CHARS / 3);
            while (start > 0 && !Character.isWhitespace(value.charAt(start - 1))) start--;
            end = Math.min(value.length(), start + SNIPPET_CHARS);
            while (end < value.length() && !Character.isWhitespace(value.charAt(end))) end++;
        }
        List<SearchHit.Segment> out = new ArrayList<>();
        if (start > 0) out.add(new SearchHit.Segment("… ", false));
        int pos = start;
        for (int[] s : spans) {
            if (s[0] < pos || s[1] > end) continue;
            if (s[0] > pos) out.add(new SearchHit.Segment(value.substring(pos, s[0]), false));
            out.add(new SearchHit.Segment(value.substring(s[0], s[1]), true));
            pos = s[1];
        }
        if (pos < end) out.add(new SearchHit.Segment(value.substring(pos, end), false));
        if (end < value.length()) out.add(new SearchHit.Segment(" …", false));
        return Collections.unmodifiableList(out);
    }

    private static void collect(Analyzer analyzer, String value, Set<String> wanted, List<int[]> spans) {
        try (TokenStream ts = analyzer.tokenStream("", value)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (wanted.contains(term.toString())) {
                    int s = offset.startOffset();
                    int e = offset.endOffset();
                    if (spans.stream().noneMatch(x -> x[0] < e && s < x[1])) spans.add(new int[] {s, e});
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
