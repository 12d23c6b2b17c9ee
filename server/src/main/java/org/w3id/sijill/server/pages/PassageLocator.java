package org.w3id.sijill.server.pages;

import java.util.Optional;
import java.util.function.Function;
import org.apache.jena.rdf.model.Resource;
import org.w3id.sijill.naming.PassageNames;
import org.w3id.sijill.vocab.SIJILL;

/**
 * A passage's place in its document as a reader says it ("paragraph 21", «الفقرة 21»), in the
 * page language: the pages' door to {@link PassageNames}, the one place passages are named (the
 * search index uses it too), with the Annex I headings taken from the page's description or the
 * term labels.
 *
 * <pre>{@code
 * String s = PassageLocator.of(values, "annex-legislative-framework-1");
 * // "Annex I, Developing the legislative framework in Arab countries, item 1"
 * }</pre>
 */
public final class PassageLocator {
    private PassageLocator() {}

    /** The concepts that name the headings of Annex I, by their notation. */
    static final String CATEGORY = PassageNames.CATEGORY;

    /** @return the locator of passage {@code token} in the renderer's page language */
    public static String of(ValueRenderer values, String token) {
        return of(values.lang(), headings(values), token);
    }

    /**
     * @param headings the name of an Annex I heading in the page language by its category notation
     *                 (empty when unknown)
     * @return the locator of passage {@code token} in {@code lang}
     */
    public static String of(PageLanguage lang, Function<String, Optional<String>> headings, String token) {
        return PassageNames.locator(lang.code(), headings, token);
    }

    /** @return the locator of {@code passage} from the last segment of its IRI, if it has one */
    public static Optional<String> ofIri(ValueRenderer values, Resource passage) {
        if (!passage.isURIResource()) return Optional.empty();
        String iri = passage.getURI();
        int cut = iri.lastIndexOf("/p/");
        if (cut < 0 || !iri.startsWith(SIJILL.ID + "document/")) return Optional.empty();
        return Optional.of(of(values, iri.substring(cut + 3)));
    }

    /** @return the Annex I heading names in the renderer's page language, by category notation */
    static Function<String, Optional<String>> headings(ValueRenderer values) {
        return notation -> categoryName(values, notation);
    }

    private static Optional<String> categoryName(ValueRenderer values, String notation) {
        Resource concept = values.description().createResource(CATEGORY + notation);
        Optional<Label> l = LabelSelector.find(values.description(), concept, values.lang());
        if (l.isEmpty()) l = LabelSelector.find(values.terms().model(), concept, values.lang());
        return l.filter(x -> x.lang().isEmpty() || x.lang().equals(values.lang().code())).map(Label::text);
    }
}
