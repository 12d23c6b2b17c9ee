package org.w3id.sijill.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code lines} segmentation: blank lines, including lines of no-break spaces, are no passages. */
class LineSplitterTest {

    @Test
    void aLineOfNoBreakSpacesIsBlankAndTokensStayDense() {
        List<Passage> ps = new LineSplitter().split("Best regards,\nPascal Dutru\n \u00A0\nPascal Dutru\n\u2003\nmanager\n");
        assertEquals(List.of("Best regards,", "Pascal Dutru", "Pascal Dutru", "manager"), ps.stream().map(Passage::text).toList());
        assertEquals(List.of("1", "2", "3", "4"), ps.stream().map(Passage::token).toList());
        assertEquals(4, ps.get(2).line(), "the line number in the file is kept");
    }

    @Test
    void noBreakSpacesAroundTextAreTrimmed() {
        assertEquals("Web:", new LineSplitter().split("\u00A0 Web:\u00A0\n").get(0).text());
    }
}
