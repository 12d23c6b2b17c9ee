package org.w3id.sijill.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The initials key: a body is found by an abbreviation no source states, and nothing else gets one. */
class SearchAnalyzersTest {

    @Test
    void initialsOfATitleCaseNameSkipConnectingWordsAndParentheses() {
        assertEquals(Optional.of("oecd"), SearchAnalyzers.initialsKey("Organisation for Economic Co-operation and Development"));
        assertEquals(Optional.of("ntra"), SearchAnalyzers.initialsKey("National Telecom Regulatory Authority"));
        assertEquals(Optional.of("escwa"), SearchAnalyzers.initialsKey("Economic and Social Commission for Western Asia (United Nations)"));
    }

    @Test
    void noInitialsForShortNamesLawTitlesOrArabic() {
        assertEquals(Optional.empty(), SearchAnalyzers.initialsKey("Arab Republic of Egypt"), "three words: too short to be an abbreviation");
        assertEquals(Optional.empty(), SearchAnalyzers.initialsKey("Law No. 4 of 2009 on electronic signatures"), "a lower-case word: a title, not a body");
        assertEquals(Optional.empty(), SearchAnalyzers.initialsKey("منظمة التعاون الاقتصادي والتنمية"));
    }
}
