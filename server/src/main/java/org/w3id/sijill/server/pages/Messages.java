package org.w3id.sijill.server.pages;

import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The interface texts of the pages in one language, from {@code templates/i18n/messages_{ar,en}.properties}
 * (UTF-8). Parameters use {@link MessageFormat} ({@code {0}}).
 *
 * <pre>{@code
 * String s = Messages.get(PageLanguage.AR, "page.incoming.page", 2); // «الصفحة 2»
 * }</pre>
 */
public final class Messages {
    private Messages() {}

    /** The bundle's base name on the classpath. */
    public static final String BUNDLE = "templates.i18n.messages";

    /** @return the bundle of a page language */
    public static ResourceBundle bundle(PageLanguage lang) {
        return ResourceBundle.getBundle(BUNDLE, lang.locale(), ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /**
     * Each message with parameters, parsed once per language: parsing its pattern on every call was
     * a tenth of the matrix page's time at 10^7 triples in a profile. A {@link MessageFormat}
     * is not safe for threads, so each call formats with a copy.
     */
    private static final Map<PageLanguage, Map<String, MessageFormat>> FORMATS = new EnumMap<>(PageLanguage.class);

    static {
        for (PageLanguage l : PageLanguage.values()) FORMATS.put(l, new ConcurrentHashMap<>());
    }

    /** @return the text of {@code key}, formatted with {@code params} when there are any */
    public static String get(PageLanguage lang, String key, Object... params) {
        if (params.length == 0) return bundle(lang).getString(key);
        MessageFormat parsed = FORMATS.get(lang).computeIfAbsent(key, k -> new MessageFormat(bundle(lang).getString(k), lang.locale()));
        return ((MessageFormat) parsed.clone()).format(params);
    }
}
