package org.w3id.sijill.server.pages;

/**
 * Where a fact comes from: the verbatim quote, the passage it is quoted from and that passage's
 * document.
 *
 * <pre>{@code
 * EvidenceView e = new EvidenceView(quote, passageLink, documentLink);
 * }</pre>
 *
 * @param quote the quote, with its language
 * @param passage link to the passage, or null
 * @param document link to the source document, or null
 * @param locator the passage's place in its document in the page language ("paragraph 22"), or
 *                null where the passage is named in full only
 */
public record EvidenceView(Label quote, ValueView passage, ValueView document, String locator) {

    /** Evidence whose passage is named in full only. */
    public EvidenceView(Label quote, ValueView passage, ValueView document) {
        this(quote, passage, document, null);
    }
}
