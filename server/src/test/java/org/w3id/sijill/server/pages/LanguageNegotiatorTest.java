package org.w3id.sijill.server.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LanguageNegotiatorTest {

    @Test
    void parameterWinsOverCookieAndHeader() {
        assertEquals(PageLanguage.AR, LanguageNegotiator.choose("ar", "en", "en"));
        assertEquals(PageLanguage.EN, LanguageNegotiator.choose("EN", "ar", "ar"));
    }

    @Test
    void cookieWinsOverHeader() {
        assertEquals(PageLanguage.AR, LanguageNegotiator.choose(null, "ar", "en-GB,en;q=0.9"));
    }

    @Test
    void headerQValuesAreHonoured() {
        assertEquals(PageLanguage.AR, LanguageNegotiator.choose(null, "fr-FR, ar-LB;q=0.8, en;q=0.5"));
        assertEquals(PageLanguage.EN, LanguageNegotiator.choose(null, "ar;q=0.3, en;q=0.7"));
        assertEquals(PageLanguage.EN, LanguageNegotiator.choose(null, "ar;q=0, de"));
        // Equal weights: the first listed wins.
        assertEquals(PageLanguage.AR, LanguageNegotiator.choose(null, "ar, en"));
    }

    @Test
    void unsupportedOrMalformedFallsBackToEnglish() {
        assertEquals(PageLanguage.EN, LanguageNegotiator.choose("fr", null, "de, fr;q=0.5"));
        assertEquals(PageLanguage.EN, LanguageNegotiator.choose(null, null, "ar;q=abc"));
        assertEquals(PageLanguage.EN, LanguageNegotiator.choose(null, null, null));
        assertEquals(PageLanguage.EN, LanguageNegotiator.choose(null, null, "*"));
    }
}
