package org.w3id.sijill.server.pages;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import org.w3id.sijill.core.SijillException;

/**
 * Renders the Pebble templates under {@code templates/} on the classpath, with HTML autoescaping
 * on, in one page language.
 *
 * <pre>{@code
 * String html = new TemplateRenderer().render("landing", PageLanguage.AR, Map.of("view", landing));
 * }</pre>
 */
public final class TemplateRenderer {
    private final PebbleEngine engine;

    public TemplateRenderer() {
        ClasspathLoader loader = new ClasspathLoader(TemplateRenderer.class.getClassLoader());
        loader.setPrefix("templates");
        loader.setSuffix(".peb");
        this.engine = new PebbleEngine.Builder()
                .loader(loader)
                .autoEscaping(true)
                .defaultEscapingStrategy("html")
                .extension(new PagesPebbleExtension())
                .build();
    }

    /**
     * @param template template name without suffix, e.g. {@code country}
     * @param lang the page language (sets {@code lang} in the context and the message locale)
     * @param context the template variables
     * @return the HTML
     */
    public String render(String template, PageLanguage lang, Map<String, Object> context) {
        Map<String, Object> ctx = new HashMap<>(context);
        ctx.put("lang", lang);
        StringWriter out = new StringWriter();
        try {
            engine.getTemplate(template).evaluate(out, ctx, lang.locale());
        } catch (IOException | PebbleException e) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "cannot render template '" + template + "': " + e.getMessage(), e);
        }
        return out.toString();
    }
}
