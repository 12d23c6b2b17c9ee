package org.w3id.sijill.server.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Messages with parameters, parsed once per language and formatted with a copy: every such
 * message of both bundles gives what a {@link MessageFormat} made for the call gives, with
 * numbers and text as parameters, on the first call, on later ones, and from several threads at
 * once.
 */
class MessagesFormatTest {
    private record Case(PageLanguage lang, String key, Object[] params, String expected) {}

    private static List<Case> cases() {
        List<Case> out = new ArrayList<>();
        for (PageLanguage lang : PageLanguage.values()) {
            ResourceBundle bundle = Messages.bundle(lang);
            for (String key : Collections.list(bundle.getKeys())) {
                String text = bundle.getString(key);
                if (!text.contains("{0")) continue;
                for (Object[] params : List.of(new Object[] {1234567, 2, 3, 4}, new Object[] {0.5, 1, 0, 99999})) {
                    out.add(new Case(lang, key, params, new MessageFormat(text, lang.locale()).format(params)));
                }
            }
        }
        return out;
    }

    @Test
    void everyMessageWithParametersFormatsAsAFreshMessageFormat() throws Exception {
        List<Case> cases = cases();
        assertTrue(cases.size() >= 20, "messages with parameters in both languages: " + cases.size());
        for (int round = 0; round < 2; round++) {
            for (Case c : cases) assertEquals(c.expected(), Messages.get(c.lang(), c.key(), c.params()), c.lang() + " " + c.key());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int shift = t;
                done.add(pool.submit(() -> {
                    int checked = 0;
                    for (int i = 0; i < 50; i++) {
                        for (int j = 0; j < cases.size(); j++) {
                            Case c = cases.get((j + shift * 7) % cases.size());
                            assertEquals(c.expected(), Messages.get(c.lang(), c.key(), c.params()), c.lang() + " " + c.key());
                            checked++;
                        }
                    }
                    return checked;
                }));
            }
            for (Future<Integer> f : done) assertEquals(50 * cases.size(), f.get(60, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
    }
}
