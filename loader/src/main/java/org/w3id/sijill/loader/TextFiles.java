package org.w3id.sijill.loader;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.core.SourceDataException;

/**
 * Reads source files as strict UTF-8: a byte sequence that is not UTF-8 is an error naming the
 * file, the line and (for CSV files, given the header) the field it falls in. A leading byte-order
 * mark is dropped.
 *
 * <pre>{@code
 * String text = TextFiles.readUtf8(Path.of("sources/tables/countries.csv"), List.of("iso2", "name_en"));
 * }</pre>
 */
public final class TextFiles {
    private TextFiles() {}

    /** Reads a text file that is not a table. */
    public static String readUtf8(Path file) {
        return readUtf8(file, List.of());
    }

    /**
     * @param csvHeader for CSV files, the expected column names (to name the field of a bad byte);
     *                  empty otherwise
     */
    public static String readUtf8(Path file, List<String> csvHeader) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "cannot read " + file + ": " + e.getMessage(), e);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int pos = in.position();
            throw notUtf8(file, bytes, pos, csvHeader);
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static SourceDataException notUtf8(Path file, byte[] bytes, int pos, List<String> header) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < pos; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        String field = null;
        if (!header.isEmpty()) {
            int column = 0;
            boolean quoted = false;
            for (int i = lineStart; i < pos; i++) {
                if (bytes[i] == '"') quoted = !quoted;
                else if (bytes[i] == ',' && !quoted) column++;
            }
            field = column < header.size() ? header.get(column) : "column " + (column + 1);
        }
        return new SourceDataException(file, line, field, String.format(
                "not valid UTF-8 (byte 0x%02X at byte %d of the line); save the file as UTF-8",
                bytes[pos] & 0xFF, pos - lineStart + 1));
    }
}
