package org.w3id.sijill.server.pages;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.server.OnFirstUse;

/**
 * Renders the Pebble templates under {@code templates/} on the classpath, with HTML autoescaping
 * on, in one page language.
 *
 * <pre>{@code
 * String html = new TemplateRenderer().render("landing", PageLanguage.AR, Map.of("view", landing));
 * }</pre>
 */
public final class TemplateRenderer {
    /** Built by the first render or {@link #compile}, not while the server starts; it keeps the templates it compiled. */
    private final OnFirstUse<PebbleEngine> engine = new OnFirstUse<>(TemplateRenderer::engine);

    private static PebbleEngine engine() {
        ClasspathLoader loader = new ClasspathLoader(TemplateRenderer.class.getClassLoader());
        loader.setPrefix("templates");
        loader.setSuffix(".peb");
        return new PebbleEngine.Builder()
                .loader(loader)
                .autoEscaping(true)
                .defaultEscapingStrategy("html")
                .extension(new PagesPebbleExtension())
                .build();
    }

    /**
     * Compiles templates ahead of their first page (a warm-up once the port is open).
     *
     * @param templates template names without suffix
     * @throws SijillException {@code ENVIRONMENT} when one cannot be read or parsed
     */
    public void compile(String... templates) {
        for (String template : templates) {
            try {
                engine.get().getTemplate(template);
            } catch (PebbleException e) {
                throw new SijillException(SijillException.Kind.ENVIRONMENT, "cannot compile template '" + template + "': " + e.getMessage(), e);
            }
        }
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
            engine.get().getTemplate(template).evaluate(out, ctx, lang.locale());
        } catch (IOException | PebbleException e) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "cannot render template '" + template + "': " + e.getMessage(), e);
        }
        return out.toString();
    }
}
