package org.w3id.sijill.dump;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.jena.atlas.json.JSON;
import org.junit.jupiter.api.Test;

/**
 * JSON strings encoded straight to UTF-8 bytes: escapes as RFC 8259 asks, every other character
 * as itself, unpaired surrogates escaped, and strings longer than the buffer split correctly.
 */
class Utf8JsonOutputTest {

    private static String written(int bufferSize, String... strings) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Utf8JsonOutput out = new Utf8JsonOutput(bytes, bufferSize);
        for (String s : strings) out.string(s);
        out.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void escapesQuotesBackslashesAndControlCharacters() throws Exception {
        assertEquals("\"a\\\"b\\\\c\\n\\r\\t\\b\\f\\u0001\\u001f\u007f\"", written(1 << 16, "a\"b\\c\n\r\t\b\f\u0001\u001f\u007f"));
    }

    @Test
    void arabicAndSupplementaryCharactersAreUtf8() throws Exception {
        String s = "سجل «مصر» 😀 é";
        assertEquals("\"" + s + "\"", written(1 << 16, s));
        assertArrayEquals(("\"" + s + "\"").getBytes(StandardCharsets.UTF_8), Utf8JsonOutput.encodeString(s));
        assertArrayEquals("\"sid:law/eg\"".getBytes(StandardCharsets.US_ASCII), Utf8JsonOutput.encodeString("sid:law/eg"));
    }

    @Test
    void unpairedSurrogatesAreEscaped() throws Exception {
        assertEquals("\"\\ud800x\\udc00\\ud83d\"", written(1 << 16, "\ud800x\udc00\ud83d"));
        assertEquals("\"\\ud800\ud83d\ude00\"", written(1 << 16, "\ud800\ud83d\ude00"));
    }

    @Test
    void stringsLongerThanTheBufferAreWhole() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20_000; i++) sb.append(i % 7 == 0 ? "\"" : i % 5 == 0 ? "😀" : i % 3 == 0 ? "ب" : "a");
        String s = sb.toString();
        for (int size : new int[] {64, 100, 4096}) {
            String json = written(size, s, "x");
            String first = json.substring(0, json.length() - 3);
            assertEquals(s, JSON.parseAny(first).getAsString().value(), "buffer " + size);
            assertEquals("\"x\"", json.substring(json.length() - 3));
        }
    }
}
