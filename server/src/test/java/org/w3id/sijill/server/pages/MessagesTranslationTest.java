package org.w3id.sijill.server.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * One Arabic translation per term across the site's messages
 * ({@code templates/i18n/messages_*.properties}): two keys with the same English text have the
 * same Arabic (up to the article «ال» and diacritics), unless the pair is a noun and a verb listed
 * below; and every message whose English uses a term of the checked list uses its Arabic term.
 */
class MessagesTranslationTest {

    /** Same English, different Arabic on purpose: a navigation noun and a button's verb. */
    static final Set<Set<String>> NOUN_AND_VERB = Set.of(
            Set.of("nav.compare", "compare.submit"),   // «المقارنة» (the page) / «قارن» (the button)
            Set.of("nav.search", "search.submit"));    // «البحث» (the page) / «ابحث» (the button)

    /** English term (a word pattern) → the Arabic stems its translation must use (any one). */
    static final Map<Pattern, List<String>> TERMS = new LinkedHashMap<>();
    static {
        TERMS.put(Pattern.compile("\\bas of\\b", Pattern.CASE_INSENSITIVE), List.of("حتى تاريخ"));
        TERMS.put(Pattern.compile("\\bpassages?\\b", Pattern.CASE_INSENSITIVE), List.of("مقطع", "مقاطع"));
        TERMS.put(Pattern.compile("\\bclaims?\\b", Pattern.CASE_INSENSITIVE), List.of("إفادة", "إفادات", "إفادت"));
        TERMS.put(Pattern.compile("\\borgani[sz]ations?\\b", Pattern.CASE_INSENSITIVE), List.of("جهة", "جهات"));
        TERMS.put(Pattern.compile("\\bcountr(y|ies)\\b", Pattern.CASE_INSENSITIVE), List.of("دولة", "دول"));
    }

    /** The site's messages and the passage names the loader makes (the search index's, shown on the pages). */
    static final List<String> BUNDLES = List.of("templates/i18n/messages_", "org/w3id/sijill/naming/passage-names_");

    static Map<String, String> load(String lang) throws IOException {
        Map<String, String> m = new TreeMap<>();
        for (String bundle : BUNDLES) {
            Properties p = new Properties();
            try (InputStream in = MessagesTranslationTest.class.getClassLoader().getResourceAsStream(bundle + lang + ".properties")) {
                assertTrue(in != null, "the messages " + bundle + lang + ".properties are on the class path");
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k).strip()));
        }
        return m;
    }

    /** Arabic without diacritics and tatweel, each word without the article. */
    static String normalise(String arabic) {
        String s = arabic.replaceAll("[\\u064B-\\u0652\\u0670\\u0640]", "");
        StringBuilder out = new StringBuilder();
        for (String w : s.split("\\s+")) out.append(w.startsWith("ال") && w.length() > 3 ? w.substring(2) : w).append(' ');
        return out.toString().strip();
    }

    @Test
    void sameEnglishSameArabic() throws IOException {
        Map<String, String> en = load("en");
        Map<String, String> ar = load("ar");
        assertTrue(en.size() > 100, "the English messages were read: " + en.size());
        assertEquals(en.keySet(), ar.keySet(), "both languages have the same keys");
        Map<String, List<String>> byEnglish = new TreeMap<>();
        en.forEach((k, v) -> byEnglish.computeIfAbsent(v.toLowerCase(Locale.ROOT), x -> new ArrayList<>()).add(k));
        List<String> problems = new ArrayList<>();
        int groups = 0;
        for (Map.Entry<String, List<String>> e : byEnglish.entrySet()) {
            List<String> keys = e.getValue();
            if (keys.size() < 2) continue;
            groups++;
            for (int i = 0; i < keys.size(); i++) {
                for (int j = i + 1; j < keys.size(); j++) {
                    String a = keys.get(i), b = keys.get(j);
                    if (NOUN_AND_VERB.contains(Set.of(a, b))) continue;
                    if (!normalise(ar.get(a)).equals(normalise(ar.get(b)))) {
                        problems.add("\"" + e.getKey() + "\": " + a + "=" + ar.get(a) + " but " + b + "=" + ar.get(b));
                    }
                }
            }
        }
        assertTrue(groups > 5, "English texts used by several keys were found: " + groups);
        assertTrue(problems.isEmpty(), problems.size() + " English texts with two Arabic translations:\n" + String.join("\n", problems));
    }

    @Test
    void checkedTermsHaveOneArabicTerm() throws IOException {
        Map<String, String> en = load("en");
        Map<String, String> ar = load("ar");
        List<String> problems = new ArrayList<>();
        for (Map.Entry<Pattern, List<String>> term : TERMS.entrySet()) {
            int uses = 0;
            for (Map.Entry<String, String> m : en.entrySet()) {
                if (!term.getKey().matcher(m.getValue()).find()) continue;
                uses++;
                String arabic = ar.get(m.getKey()).replaceAll("[\\u064B-\\u0652\\u0670\\u0640]", "");
                if (term.getValue().stream().noneMatch(arabic::contains)) {
                    problems.add(term.getKey().pattern() + " → " + term.getValue().get(0) + ": " + m.getKey() + "=" + ar.get(m.getKey()));
                }
            }
            assertTrue(uses > 0, "the term " + term.getKey().pattern() + " is used by some message");
        }
        assertTrue(problems.isEmpty(), problems.size() + " messages use another Arabic term:\n" + String.join("\n", problems));
    }

    /** The checked terms the ontology's definitions and the named queries' titles share with the site. */
    static final List<Pattern> SHARED_TERMS = List.of(Pattern.compile("\\bclaims?\\b", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\bcountr(y|ies)\\b", Pattern.CASE_INSENSITIVE));

    /** @return the problems of one English text and its Arabic translation against {@link #SHARED_TERMS} */
    static List<String> sharedTermProblems(String where, String english, String arabic) {
        List<String> out = new ArrayList<>();
        String plain = arabic.replaceAll("[\\u064B-\\u0652\\u0670\\u0640]", "");
        for (Pattern term : SHARED_TERMS) {
            if (!term.matcher(english).find()) continue;
            List<String> stems = TERMS.get(TERMS.keySet().stream().filter(k -> k.pattern().equals(term.pattern())).findFirst().orElseThrow());
            if (stems.stream().noneMatch(plain::contains)) out.add(where + ": " + term.pattern() + " → " + stems.get(0) + ": " + arabic);
        }
        if (plain.contains("بلد") || plain.contains("بلدان")) out.add(where + ": «بلد» where the site says «دولة»: " + arabic);
        return out;
    }

    /** Issue 9: the ontology's Arabic definitions and the named queries' Arabic titles use the site's terms. */
    @Test
    void ontologyDefinitionsAndQueryTitlesUseTheSitesArabicTerms() throws IOException {
        java.nio.file.Path ontology = java.nio.file.Path.of("..", "ontology").toAbsolutePath().normalize();
        List<java.nio.file.Path> files = new ArrayList<>(List.of(ontology.resolve("sijill.ttl")));
        try (var s = java.nio.file.Files.list(ontology.resolve("schemes"))) {
            s.filter(f -> f.toString().endsWith(".ttl")).sorted().forEach(files::add);
        }
        List<String> problems = new ArrayList<>();
        int pairs = 0;
        org.apache.jena.rdf.model.Property[] texts = {org.apache.jena.vocabulary.RDFS.comment,
                org.apache.jena.vocabulary.SKOS.definition, org.apache.jena.vocabulary.DCTerms.description};
        for (java.nio.file.Path f : files) {
            org.apache.jena.rdf.model.Model m = org.apache.jena.riot.RDFDataMgr.loadModel(f.toString());
            for (org.apache.jena.rdf.model.Property p : texts) {
                for (org.apache.jena.rdf.model.Resource r : m.listSubjectsWithProperty(p).toList()) {
                    String en = null, ar = null;
                    for (org.apache.jena.rdf.model.Statement st : r.listProperties(p).toList()) {
                        if (!st.getObject().isLiteral()) continue;
                        if (st.getLanguage().equals("en")) en = st.getString();
                        if (st.getLanguage().equals("ar")) ar = st.getString();
                    }
                    if (en == null || ar == null) continue;
                    pairs++;
                    problems.addAll(sharedTermProblems(f.getFileName() + " " + r + " " + p.getLocalName(), en, ar));
                }
            }
        }
        assertTrue(pairs > 100, "English and Arabic definitions were read: " + pairs);
        int titles = 0;
        try (var s = java.nio.file.Files.list(java.nio.file.Path.of("..", "queries"))) {
            for (java.nio.file.Path q : s.filter(f -> f.toString().endsWith(".rq")).sorted().toList()) {
                StringBuilder en = new StringBuilder();
                String ar = null;
                for (String line : java.nio.file.Files.readAllLines(q, StandardCharsets.UTF_8)) {
                    if (!line.startsWith("#") || line.startsWith("# @")) break;
                    if (line.codePoints().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.ARABIC)) ar = line;
                    else if (ar == null) en.append(line).append(' ');
                }
                if (ar == null) continue;
                titles++;
                problems.addAll(sharedTermProblems(q.getFileName().toString(), en.toString(), ar));
            }
        }
        assertTrue(titles > 10, "the named queries' Arabic titles were read: " + titles);
        assertTrue(problems.isEmpty(), problems.size() + " Arabic texts use another term than the site:\n" + String.join("\n", problems));
    }
}
