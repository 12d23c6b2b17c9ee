package org.w3id.sijill.dump;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A buffered UTF-8 byte sink for JSON, not synchronized: strings are encoded straight into its
 * byte buffer as JSON string literals (RFC 8259: quotes, backslash and control characters escaped,
 * everything else — Arabic included — written as itself in UTF-8; unpaired surrogates, which UTF-8
 * cannot carry, as {@code \}{@code uXXXX} escapes), and pieces that repeat can be encoded once
 * ({@link #encodeString}) and copied in with {@link #raw}.
 *
 * <pre>{@code
 * Utf8JsonOutput out = new Utf8JsonOutput(stream, 1 << 16);
 * out.raw(Utf8JsonOutput.ascii("{\"@id\": "));
 * out.string("سجل \"x\"");   // "سجل \"x\""
 * out.ascii('}');
 * out.flush();
 * }</pre>
 */
final class Utf8JsonOutput {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    /** Room one character can take at most: a {@code \}{@code uXXXX} escape, or 4 bytes of UTF-8. */
    private static final int MAX_PER_CHAR = 6;

    private final OutputStream out;
    private final byte[] buf;
    private int pos;

    Utf8JsonOutput(OutputStream out, int bufferSize) {
        this.out = out;
        this.buf = new byte[Math.max(bufferSize, 64)];
    }

    /** @return the ASCII bytes of a fixed piece of JSON syntax */
    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** @return {@code s} as a JSON string literal (with its quotes), UTF-8 encoded */
    static byte[] encodeString(String s) {
        int n = s.length();
        byte[] plain = new byte[n + 2];
        plain[0] = '"';
        plain[n + 1] = '"';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
                plain = null;  // needs escapes or multi-byte characters: the general path
                break;
            }
            plain[i + 1] = (byte) c;
        }
        if (plain != null) return plain;
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(s.length() + 8);
        Utf8JsonOutput o = new Utf8JsonOutput(bytes, s.length() * MAX_PER_CHAR + 8);
        try {
            o.string(s);
            o.flushBuffer();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);  // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    void raw(byte[] b) throws IOException {
        if (b.length > buf.length - pos) {
            flushBuffer();
            if (b.length > buf.length) {
                out.write(b);
                return;
            }
        }
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
    }

    void ascii(char c) throws IOException {
        if (pos == buf.length) flushBuffer();
        buf[pos++] = (byte) c;
    }

    /** Writes text as UTF-8 without JSON escaping (for JSON that is already serialized). */
    void text(String s) throws IOException {
        raw(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code s} as a JSON string literal, quotes included. */
    void string(String s) throws IOException {
        int limit = buf.length - MAX_PER_CHAR;
        if (pos >= limit) flushBuffer();
        byte[] b = buf;
        int p = pos;
        b[p++] = '"';
        int n = s.length();
        for (int i = 0; i < n; i++) {
            if (p >= limit) {
                pos = p;
                flushBuffer();
                p = 0;
            }
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c >= 0x20 && c != '"' && c != '\\') {
                    b[p++] = (byte) c;
                    continue;
                }
                b[p++] = '\\';
                switch (c) {
                    case '"' -> b[p++] = '"';
                    case '\\' -> b[p++] = '\\';
                    case '\n' -> b[p++] = 'n';
                    case '\r' -> b[p++] = 'r';
                    case '\t' -> b[p++] = 't';
                    case '\b' -> b[p++] = 'b';
                    case '\f' -> b[p++] = 'f';
                    default -> p = unicodeEscape(b, p, c);
                }
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | (c >> 6));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (!Character.isSurrogate(c)) {
                b[p++] = (byte) (0xE0 | (c >> 12));
                b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                b[p++] = (byte) (0xF0 | (cp >> 18));
                b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                // an unpaired surrogate: not encodable in UTF-8
                b[p++] = '\\';
                p = unicodeEscape(b, p, c);
            }
        }
        if (p >= buf.length) {
            pos = p;
            flushBuffer();
            p = 0;
        }
        b[p++] = '"';
        pos = p;
    }

    /** Writes {@code uXXXX} (the backslash is already written). */
    private static int unicodeEscape(byte[] b, int p, char c) {
        b[p++] = 'u';
        b[p++] = HEX[(c >> 12) & 0xF];
        b[p++] = HEX[(c >> 8) & 0xF];
        b[p++] = HEX[(c >> 4) & 0xF];
        b[p++] = HEX[c & 0xF];
        return p;
    }

    private void flushBuffer() throws IOException {
        if (pos > 0) {
            out.write(buf, 0, pos);
            pos = 0;
        }
    }

    /** Writes out the buffer and flushes the stream (does not close it). */
    void flush() throws IOException {
        flushBuffer();
        out.flush();
    }
}
