package org.w3id.sijill.server.pages;

import java.text.MessageFormat;
import java.util.ResourceBundle;

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

    /** @return the text of {@code key}, formatted with {@code params} when there are any */
    public static String get(PageLanguage lang, String key, Object... params) {
        String text = bundle(lang).getString(key);
        return params.length == 0 ? text : new MessageFormat(text, lang.locale()).format(params);
    }
}
