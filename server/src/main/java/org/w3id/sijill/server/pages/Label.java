package org.w3id.sijill.server.pages;

/**
 * A text chosen to name something on a page, with its language. {@code fallback} is true when the
 * text is not in the page language (so the page marks it); {@code lang} is empty when unknown.
 *
 * <pre>{@code
 * Label l = new Label("Lebanon", "en", true);
 * }</pre>
 *
 * @param text the text
 * @param lang the language tag of the text, or "" when it has none
 * @param fallback true when the page language had no label and another was used
 */
public record Label(String text, String lang, boolean fallback) {
    /** @return the writing direction of the label's language, or "auto" */
    public String dir() {
        return PageLanguage.fromCode(lang).map(PageLanguage::dir).orElse("auto");
    }

    /** @return the message key of the fallback mark: {@code lang.fallback.en}, {@code .ar} or {@code .other} */
    public String fallbackKey() {
        return "lang.fallback." + PageLanguage.fromCode(lang).map(PageLanguage::code).orElse("other");
    }
}
