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
 * @param direction a fixed writing direction (e.g. {@code ltr} for dates and numbers), or null to
 *                  take it from the language
 */
public record Label(String text, String lang, boolean fallback, String direction) {

    public Label(String text, String lang, boolean fallback) {
        this(text, lang, fallback, null);
    }

    /** @return the writing direction: the fixed one, else that of the label's language, else "auto" */
    public String dir() {
        if (direction != null) return direction;
        return PageLanguage.fromCode(lang).map(PageLanguage::dir).orElse("auto");
    }

    /** @return the message key of the fallback mark: {@code lang.fallback.en}, {@code .ar} or {@code .other} */
    public String fallbackKey() {
        return "lang.fallback." + PageLanguage.fromCode(lang).map(PageLanguage::code).orElse("other");
    }
}
