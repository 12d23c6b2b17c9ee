package org.w3id.sijill.server.pages;

import java.util.Locale;
import java.util.Optional;

/**
 * The two languages every page is rendered in, with their writing direction.
 *
 * <pre>{@code
 * PageLanguage ar = PageLanguage.fromCode("ar").orElseThrow();
 * String dir = ar.dir(); // "rtl"
 * }</pre>
 */
public enum PageLanguage {
    /** English, left to right. */
    EN("en", "ltr", "English"),
    /** Arabic, right to left. */
    AR("ar", "rtl", "العربية");

    private final String code;
    private final String dir;
    private final String nativeName;

    PageLanguage(String code, String dir, String nativeName) {
        this.code = code;
        this.dir = dir;
        this.nativeName = nativeName;
    }

    /** @return the BCP 47 code, {@code en} or {@code ar} */
    public String code() { return code; }

    /** @return the writing direction, {@code ltr} or {@code rtl} */
    public String dir() { return dir; }

    /** @return the language's name in itself */
    public String nativeName() { return nativeName; }

    /** @return the other page language */
    public PageLanguage other() { return this == EN ? AR : EN; }

    /**
     * @return the locale used for message bundles, formatting and sorting; Arabic pages write
     *         numbers in Western digits, as the data, dates and counts on every page do (Java's
     *         {@code ar} would format some numbers in Arabic-Indic digits beside them)
     */
    public Locale locale() { return Locale.forLanguageTag("ar".equals(code) ? "ar-u-nu-latn" : code); }

    /**
     * @param code a language code or tag, e.g. {@code ar}, {@code ar-EG}, {@code EN}
     * @return the page language whose primary subtag matches
     */
    public static Optional<PageLanguage> fromCode(String code) {
        if (code == null) return Optional.empty();
        String primary = code.trim().toLowerCase(Locale.ROOT);
        int dash = primary.indexOf('-');
        if (dash >= 0) primary = primary.substring(0, dash);
        for (PageLanguage l : values()) {
            if (l.code.equals(primary)) return Optional.of(l);
        }
        return Optional.empty();
    }
}
