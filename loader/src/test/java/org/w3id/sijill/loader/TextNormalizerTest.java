package org.w3id.sijill.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Normalisation used to match evidence quotes and gazetteer names. */
class TextNormalizerTest {

    @Test
    void foldsWhitespaceAndArabicForms() {
        assertEquals("a b c", TextNormalizer.normalize("  a \n\t b   c "));
        assertEquals("الامن", TextNormalizer.normalize("الأمن"));
        assertEquals("الي", TextNormalizer.normalize("إلى"));
        assertEquals("المعلومات الرقميه", TextNormalizer.normalize("المعلومـــات الرَّقمِيّة"));
        assertEquals("\"Under the bonnet\" - x", TextNormalizer.normalize("“Under the bonnet” – x"));
    }

    @Test
    void findsQuotesAcrossLineBreaksAndHamzaForms() {
        assertTrue(TextNormalizer.contains("Law No. 81\n of 2018", "Law No. 81 of 2018"));
        assertTrue(TextNormalizer.contains("تعزيز الأطر القانونية", "تعزيز الاطر القانونيه"));
        assertFalse(TextNormalizer.contains("Law No. 81 of 2018", "Law No. 82"));
    }
}
