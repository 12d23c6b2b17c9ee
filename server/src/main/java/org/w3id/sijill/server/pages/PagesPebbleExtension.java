package org.w3id.sijill.server.pages;

import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.util.List;
import java.util.Map;

/**
 * Template functions of the pages: {@code t("key", arg?)} gives an interface text in the language
 * the template is rendered in (the evaluation locale).
 *
 * <pre>{@code
 * {{ t("nav.home") }}   {{ t("page.incoming.page", 2) }}
 * }</pre>
 */
public final class PagesPebbleExtension extends AbstractExtension {

    @Override
    public Map<String, Function> getFunctions() {
        return Map.of("t", new Function() {
            @Override
            public List<String> getArgumentNames() {
                return List.of("key", "arg");
            }

            @Override
            public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int lineNumber) {
                PageLanguage lang = PageLanguage.fromCode(context.getLocale().getLanguage()).orElse(PageLanguage.EN);
                String key = String.valueOf(args.get("key"));
                Object arg = args.get("arg");
                return arg == null ? Messages.get(lang, key) : Messages.get(lang, key, arg);
            }
        });
    }
}
