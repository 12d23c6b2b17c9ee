package org.w3id.sijill.search;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.lucene.store.FSDirectory;
import org.w3id.sijill.core.SijillException;

/**
 * The layout of the search index, shared by the loader (which writes it) and the server (which
 * reads it through jena-text and directly): the folder in the store, the jena-text entity map
 * ({@link IndexedText} fields), and the extra stored fields the search pages use. The Fuseki
 * configuration ({@code fuseki-config/sijill.ttl}) declares the same entity map for
 * {@code text:query}; a test checks the two agree.
 *
 * <p>One Lucene document per indexed literal: {@value #URI} the resource it belongs to,
 * {@value #LANG} the literal's language tag, the field itself (stored, folding analyser),
 * {@code field_ar}/{@code field_en} (the language's analyser), and: {@value #KIND} the
 * {@link IndexedText} name, {@value #EXACT} the folded whole value of a name (and the initials of a title-case English name, {@link SearchAnalyzers#initialsKey}), {@value #GROUP} and
 * {@value #TYPE} the resource's broad and most specific class, {@value #COUNTRY} the ISO codes of
 * its countries, {@value #NAME_EN}/{@value #NAME_AR} its display names, {@value #PASSAGE} the
 * passage an evidence quote comes from, {@value #SCHEME_EN}/{@value #SCHEME_AR} the names of a
 * concept's scheme (which tell apart concepts of the same name).
 *
 * <pre>{@code
 * TextIndexLucene index = SearchIndexDefinition.open(store.resolve(SearchIndexDefinition.FOLDER));
 * try { ... } finally { index.close(); }
 * }</pre>
 */
public final class SearchIndexDefinition {
    private SearchIndexDefinition() {}

    /** The index folder inside the store folder. */
    public static final String FOLDER = "text-index";

    public static final String URI = "uri";
    public static final String LANG = "lang";
    public static final String KIND = "kind";
    public static final String EXACT = "exact";
    public static final String GROUP = "group";
    public static final String TYPE = "type";
    public static final String COUNTRY = "country";
    public static final String NAME_EN = "nameEn";
    public static final String NAME_AR = "nameAr";
    public static final String PASSAGE = "passageIri";
    public static final String SCHEME_EN = "schemeEn";
    public static final String SCHEME_AR = "schemeAr";

    /** @return the jena-text entity map: {@value #URI} entity field, {@value #LANG} language field, label primary */
    public static EntityDefinition entityDefinition() {
        EntityDefinition def = new EntityDefinition(URI, IndexedText.LABEL.field());
        def.setLangField(LANG);
        for (IndexedText t : IndexedText.values()) {
            for (String p : t.predicates()) def.set(t.field(), NodeFactory.createURI(p));
        }
        return def;
    }

    /** @return the jena-text configuration: multilingual, values stored, folding default analyser */
    public static TextIndexConfig config() {
        TextIndexConfig config = new TextIndexConfig(entityDefinition());
        config.setMultilingualSupport(true);
        config.setValueStored(true);
        config.setAnalyzer(SearchAnalyzers.folding());
        return config;
    }

    /**
     * Opens (creating when missing) the index in a folder for writing.
     *
     * @throws SijillException {@code ENVIRONMENT} when the folder cannot be opened
     */
    public static TextIndexLucene open(Path dir) {
        try {
            return new TextIndexLucene(FSDirectory.open(dir), config());
        } catch (IOException | RuntimeException e) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "cannot open the text index at " + dir + ": " + e.getMessage(), e);
        }
    }
}
