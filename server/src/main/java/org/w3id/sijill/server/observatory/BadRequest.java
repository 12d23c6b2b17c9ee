package org.w3id.sijill.server.observatory;

import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.server.pages.Messages;
import org.w3id.sijill.server.pages.PageLanguage;

/**
 * A request the observatory cannot answer (HTTP 400), with its reason as a message key so it can be
 * said in the page's language; {@link #getMessage()} is the English reason.
 *
 * <pre>{@code
 * throw new BadRequest("obs.error.country.unknown", "XX");
 * }</pre>
 */
public final class BadRequest extends SijillException {
    private static final long serialVersionUID = 1L;
    private final String key;
    private final transient Object[] args;

    /**
     * @param key the message key in {@code templates/i18n/messages_*.properties}
     * @param args its parameters
     */
    public BadRequest(String key, Object... args) {
        super(Kind.BAD_INPUT, Messages.get(PageLanguage.EN, key, args));
        this.key = key;
        this.args = args.clone();
    }

    /** @return the reason in the language */
    public String message(PageLanguage lang) {
        return Messages.get(lang, key, args);
    }
}
