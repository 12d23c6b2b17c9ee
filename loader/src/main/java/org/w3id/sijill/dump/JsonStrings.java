package org.w3id.sijill.dump;

import java.io.IOException;
import java.io.Writer;

/**
 * JSON string literals (RFC 8259): quotes, backslash and control characters escaped, everything
 * else — Arabic included — written as itself (the writer encodes UTF-8). Unpaired surrogates,
 * which UTF-8 cannot carry, are written as {@code \}{@code uXXXX} escapes.
 *
 * <pre>{@code
 * JsonStrings.write(writer, "سجل \"x\""); // "سجل \"x\""
 * }</pre>
 */
final class JsonStrings {
    private JsonStrings() {}

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    static void write(Writer w, String s) throws IOException {
        w.write('"');
        int start = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            String esc = null;
            boolean unicode = false;
            if (c == '"') esc = "\\\"";
            else if (c == '\\') esc = "\\\\";
            else if (c < 0x20) {
                switch (c) {
                    case '\n' -> esc = "\\n";
                    case '\r' -> esc = "\\r";
                    case '\t' -> esc = "\\t";
                    case '\b' -> esc = "\\b";
                    case '\f' -> esc = "\\f";
                    default -> unicode = true;
                }
            } else if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) ? i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))
                        : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
                unicode = !paired;
            }
            if (esc == null && !unicode) continue;
            if (i > start) w.write(s, start, i - start);
            if (esc != null) {
                w.write(esc);
            } else {
                w.write("\\u");
                w.write(HEX[(c >> 12) & 0xF]);
                w.write(HEX[(c >> 8) & 0xF]);
                w.write(HEX[(c >> 4) & 0xF]);
                w.write(HEX[c & 0xF]);
            }
            start = i + 1;
        }
        if (start < n) w.write(s, start, n - start);
        w.write('"');
    }
}
