package org.w3id.sijill.server.pages;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.rdf.model.Resource;
import org.w3id.sijill.vocab.SIJILL;

/**
 * A passage's place in its document as a reader says it ("paragraph 21", «الفقرة 21»), read from
 * the passage token the loader gives it (see {@code sources/README.md}, "Passages and how to cite
 * them"): {@code 21} a numbered paragraph (or the 21st line-paragraph of an excerpt), {@code s2}
 * the second paragraph of the summary, {@code fn3} footnote 3, {@code annex-intro} the
 * introduction of Annex I and {@code annex-{category}-{n}} item {@code n} under a heading of Annex
 * I, named by the {@code recommendation-category} concept whose notation is {@code {category}}.
 * A token of another shape is shown as it is, after {@code ¶}.
 *
 * <pre>{@code
 * String s = PassageLocator.of(values, "annex-legislative-framework-1");
 * // "Annex I, Developing the legislative framework in Arab countries, item 1"
 * }</pre>
 */
public final class PassageLocator {
    private PassageLocator() {}

    private static final Pattern NUMBER = Pattern.compile("[1-9][0-9]*");
    private static final Pattern SUMMARY = Pattern.compile("s([1-9][0-9]*)");
    private static final Pattern FOOTNOTE = Pattern.compile("fn([1-9][0-9]*)");
    private static final Pattern ANNEX_ITEM = Pattern.compile("annex-([a-z]+(?:-[a-z]+)*)-([1-9][0-9]*)");

    /** The concepts that name the headings of Annex I, by their notation. */
    static final String CATEGORY = SIJILL.ID + "concept/recommendation-category/";

    /** @return the locator of passage {@code token} in the renderer's page language */
    public static String of(ValueRenderer values, String token) {
        return of(values.lang(), notation -> categoryName(values, notation), token);
    }

    /**
     * @param headings the name of an Annex I heading in the page language by its category notation
     *                 (empty when unknown: the token is then shown as it is)
     * @return the locator of passage {@code token} in {@code lang}
     */
    public static String of(PageLanguage lang, java.util.function.Function<String, Optional<String>> headings, String token) {
        if (NUMBER.matcher(token).matches()) return Messages.get(lang, "passage.locator.paragraph", token);
        Matcher m = SUMMARY.matcher(token);
        if (m.matches()) return Messages.get(lang, "passage.locator.summary", m.group(1));
        m = FOOTNOTE.matcher(token);
        if (m.matches()) return Messages.get(lang, "passage.locator.footnote", m.group(1));
        if (token.equals("annex-intro")) return Messages.get(lang, "passage.locator.annexIntro");
        m = ANNEX_ITEM.matcher(token);
        if (m.matches()) {
            Optional<String> heading = headings.apply(m.group(1));
            if (heading.isPresent()) return Messages.get(lang, "passage.locator.annexItem", heading.get(), m.group(2));
        }
        return "¶ " + token;
    }

    /** @return the locator of {@code passage} from the last segment of its IRI, if it has one */
    public static Optional<String> ofIri(ValueRenderer values, Resource passage) {
        if (!passage.isURIResource()) return Optional.empty();
        String iri = passage.getURI();
        int cut = iri.lastIndexOf("/p/");
        if (cut < 0 || !iri.startsWith(SIJILL.ID + "document/")) return Optional.empty();
        return Optional.of(of(values, iri.substring(cut + 3)));
    }

    private static Optional<String> categoryName(ValueRenderer values, String notation) {
        Resource concept = values.description().createResource(CATEGORY + notation);
        Optional<Label> l = LabelSelector.find(values.description(), concept, values.lang());
        if (l.isEmpty()) l = LabelSelector.find(values.terms().model(), concept, values.lang());
        return l.filter(x -> x.lang().isEmpty() || x.lang().equals(values.lang().code())).map(Label::text);
    }
}
