package org.w3id.sijill.loader;

/**
 * A passage of a source document: its citation token ({@code 21}, {@code s1}, {@code fn2},
 * {@code annex-national-frameworks-3}), its 1-based position in the document, the line it starts
 * on and its text (lines joined, repaired where needed).
 *
 * <pre>{@code
 * Passage p = passages.get(0);
 * String iri = document.iri() + "/p/" + p.token();
 * }</pre>
 */
public record Passage(String token, int ordinal, int line, String text) {

    /** @return this passage with another text (e.g. after repair) */
    public Passage withText(String newText) { return new Passage(token, ordinal, line, newText); }
}
