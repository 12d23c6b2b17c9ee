package org.w3id.sijill.server.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.assembler.Assembler;
import org.apache.jena.graph.Node;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sys.JenaSystem;
import org.apache.jena.vocabulary.RDF;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.sijill.search.IndexedText;
import org.w3id.sijill.search.SearchAnalyzers;
import org.w3id.sijill.search.SearchIndexDefinition;
import org.w3id.sijill.server.FusekiConfiguration;

/**
 * The text index the Fuseki configuration declares (used by {@code text:query}) reads the index
 * the loader writes the same way: same entity map, same analysers per field, and its folder
 * follows {@code --store}.
 */
class SearchIndexConfigurationTest {
    static final Path CONFIG = Path.of("..", "fuseki-config", "sijill.ttl").toAbsolutePath().normalize();
    static final List<String> SAMPLES = List.of("الجهاز القومى لتنظيم الاتصالات", "الْجِهَازُ الْقَوْمِيُّ", "قرار ١٣٠٥",
            "Q-CERT Regulatory Authorities", "Réseau des régulateurs", "The laws of Egypt's NTRA");

    @Test
    void configurationMatchesTheLoadersDefinition(@TempDir Path store) {
        JenaSystem.init();
        Model config = FusekiConfiguration.load(CONFIG, store, null);
        List<Resource> indexes = config.listSubjectsWithProperty(RDF.type, config.createResource("http://jena.apache.org/text#TextIndexLucene")).toList();
        assertEquals(1, indexes.size());
        assertEquals(store.toAbsolutePath().normalize().resolve(SearchIndexDefinition.FOLDER).toString(),
                indexes.get(0).getProperty(config.createProperty("http://jena.apache.org/text#directory")).getString(),
                "the index folder follows --store");
        TextIndexLucene assembled = (TextIndexLucene) Assembler.general().open(indexes.get(0));
        try {
            EntityDefinition mine = SearchIndexDefinition.entityDefinition();
            EntityDefinition theirs = assembled.getDocDef();
            assertEquals(mine.getEntityField(), theirs.getEntityField());
            assertEquals(mine.getLangField(), theirs.getLangField());
            assertEquals(mine.getPrimaryField(), theirs.getPrimaryField());
            assertEquals(new TreeSet<>(mine.fields()), new TreeSet<>(theirs.fields()));
            for (IndexedText t : IndexedText.values()) {
                assertEquals(predicates(mine, t.field()), predicates(theirs, t.field()), t.field());
            }
            // the analysers jena-text applies to each field at query time are the loader's
            Analyzer query = assembled.getQueryAnalyzer();
            for (IndexedText t : IndexedText.values()) {
                for (String s : SAMPLES) {
                    assertEquals(SearchAnalyzers.terms(SearchAnalyzers.folding(), s), terms(query, t.field(), s), t.field() + ": " + s);
                    for (String lang : SearchAnalyzers.LANGUAGES) {
                        assertEquals(SearchAnalyzers.terms(SearchAnalyzers.forLanguage(lang), s), terms(query, t.field() + "_" + lang, s),
                                t.field() + "_" + lang + ": " + s);
                    }
                }
            }
            // and the Arabic analysis does what the search promises
            assertEquals(SearchAnalyzers.terms(SearchAnalyzers.forLanguage("ar"), "الجهاز القومي لتنظيم الاتصالات"),
                    terms(query, "label_ar", "الْجِهَازُ الْقَوْمِىُّ لتنظيم الإتصالات"));
            assertTrue(terms(query, "label_ar", "قرار ١٣٠٥").contains("1305"));
        } finally {
            assembled.close();
        }
    }

    private static Set<String> predicates(EntityDefinition def, String field) {
        Set<String> out = new TreeSet<>();
        for (Node p : def.getPredicates(field)) out.add(p.getURI());
        return out;
    }

    private static List<String> terms(Analyzer a, String field, String text) {
        List<String> out = new java.util.ArrayList<>();
        try (var ts = a.tokenStream(field, text)) {
            var term = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(term.toString());
            ts.end();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }
}
