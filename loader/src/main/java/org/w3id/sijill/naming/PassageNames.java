package org.w3id.sijill.naming;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.vocab.SIJILL;

/**
 * The human name of a passage, in Arabic or English: its document's name and its place in the
 * document as a reader says it ("Report of …, paragraph 21", «تقرير …، الفقرة 21»). The one place
 * passages are named: the search index stores these names and the pages show them, so a search
 * result reads as the title of the passage page it links to.
 *
 * <p>The place is read from the passage token the loader gives it (see {@code sources/README.md},
 * "Passages and how to cite them"): {@code 21} a numbered paragraph (or the 21st line-paragraph of an
 * excerpt), {@code s2} the second paragraph of the summary, {@code fn3} footnote 3,
 * {@code annex-intro} the introduction of Annex I and {@code annex-{category}-{n}} item {@code n}
 * under a heading of Annex I, named by the {@code recommendation-category} concept whose notation is
 * {@code {category}}. A token of another shape is named "passage {token}".
 *
 * <p>A document name in the other language is wrapped in Unicode directional isolates (FSI…PDI),
 * so that the name reads right in titles and attributes where no markup can carry the direction.
 * The texts are in {@code org/w3id/sijill/naming/passage-names_{ar,en}.properties}.
 *
 * <pre>{@code
 * String s = PassageNames.locator("en", "annex-legislative-framework-1", headings);
 * // "Annex I, Developing the legislative framework in Arab countries, item 1"
 * Optional<String> name = PassageNames.of(graph, passageNode, "ar"); // «تقرير …، الفقرة 21»
 * }</pre>
 */
public final class PassageNames {
    private PassageNames() {}

    /** The languages passages are named in. */
    public static final List<String> LANGUAGES = List.of("en", "ar");

    /** The concepts that name the headings of Annex I, by their notation. */
    public static final String CATEGORY = SIJILL.ID + "concept/recommendation-category/";

    private static final Pattern NUMBER = Pattern.compile("[1-9][0-9]*");
    private static final Pattern SUMMARY = Pattern.compile("s([1-9][0-9]*)");
    private static final Pattern FOOTNOTE = Pattern.compile("fn([1-9][0-9]*)");
    private static final Pattern ANNEX_ITEM = Pattern.compile("annex-([a-z]+(?:-[a-z]+)*)-([1-9][0-9]*)");
    private static final Node IS_PART_OF = NodeFactory.createURI("http://purl.org/dc/terms/isPartOf");
    private static final Node IDENTIFIER = NodeFactory.createURI("http://purl.org/dc/terms/identifier");
    /** First strong isolate, pop directional isolate. */
    private static final char FSI = '\u2068';
    private static final char PDI = '\u2069';

    /**
     * @param lang     {@code en} or {@code ar}
     * @param headings the name of an Annex I heading in {@code lang} by its category notation
     *                 (empty when unknown: the item is then named as a token of another shape)
     * @return the passage's place in its document, in {@code lang}
     */
    public static String locator(String lang, Function<String, Optional<String>> headings, String token) {
        if (NUMBER.matcher(token).matches()) return text(lang, "passage.locator.paragraph", token);
        Matcher m = SUMMARY.matcher(token);
        if (m.matches()) return text(lang, "passage.locator.summary", m.group(1));
        m = FOOTNOTE.matcher(token);
        if (m.matches()) return text(lang, "passage.locator.footnote", m.group(1));
        if (token.equals("annex-intro")) return text(lang, "passage.locator.annexIntro");
        m = ANNEX_ITEM.matcher(token);
        if (m.matches()) {
            Optional<String> heading = headings.apply(m.group(1));
            if (heading.isPresent()) return text(lang, "passage.locator.annexItem", heading.get(), m.group(2));
        }
        return text(lang, "passage.locator.other", token);
    }

    /**
     * @param lang     {@code en} or {@code ar}
     * @param document the document's name (null when it has none: the name is then the locator alone)
     * @return the passage's name in {@code lang}
     */
    public static String name(String lang, Labels.Name document, Function<String, Optional<String>> headings, String token) {
        String locator = locator(lang, headings, token);
        if (document == null) return locator;
        return text(lang, "passage.name", isolated(lang, document), locator);
    }

    /**
     * Names a passage from a graph holding it, its document ({@code dcterms:isPartOf}) with its
     * labels, its token ({@code dcterms:identifier}) and the {@code recommendation-category} concepts.
     *
     * @return the name in {@code lang}, or empty when {@code passage} has no token
     */
    public static Optional<String> of(Graph g, Node passage, String lang) {
        Node token = first(g, passage, IDENTIFIER);
        if (token == null || !token.isLiteral()) return Optional.empty();
        Node doc = first(g, passage, IS_PART_OF);
        Labels.Name docName = doc == null ? null : Labels.label(g, doc, lang).orElse(null);
        return Optional.of(name(lang, docName, notation -> Labels.label(g, NodeFactory.createURI(CATEGORY + notation), lang)
                .filter(l -> l.lang().isEmpty() || l.lang().equals(lang)).map(Labels.Name::text), token.getLiteralLexicalForm()));
    }

    /** @return {@code name}, isolated when it may run in another direction than {@code lang}'s */
    public static String isolated(String lang, Labels.Name name) {
        boolean same = name.lang().equals(lang) || (name.lang().isEmpty() && lang.equals("en"));
        return same ? name.text() : FSI + name.text() + PDI;
    }

    private static String text(String lang, String key, Object... params) {
        if (!LANGUAGES.contains(lang)) throw new SijillException(SijillException.Kind.BAD_INPUT, "passages are named in en or ar, not '" + lang + "'");
        Locale locale = Locale.forLanguageTag(lang);
        ResourceBundle b = ResourceBundle.getBundle("org.w3id.sijill.naming.passage-names", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String pattern = b.getString(key);
        return params.length == 0 ? pattern : new MessageFormat(pattern, locale).format(params);
    }

    private static Node first(Graph g, Node s, Node p) {
        ExtendedIterator<Triple> it = g.find(s, p, Node.ANY);
        try {
            return it.hasNext() ? it.next().getObject() : null;
        } finally {
            it.close();
        }
    }
}
