package org.w3id.sijill.loader;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code lines} segmentation: every non-blank line is one passage (trimmed), tokens
 * {@code 1}, {@code 2}, … in order. A line of spaces only, no-break spaces included, is blank.
 *
 * <pre>{@code
 * List<Passage> ps = new LineSplitter().split("first\n\nsecond\n");   // tokens 1 and 2
 * }</pre>
 */
public final class LineSplitter implements PassageSplitter {
    @Override
    public List<Passage> split(String text) {
        List<Passage> out = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String t = lines[i].replaceAll("^[\\s\\p{Z}]+|[\\s\\p{Z}]+$", "");
            if (t.isEmpty()) continue;
            int n = out.size() + 1;
            out.add(new Passage(Integer.toString(n), n, i + 1, t));
        }
        return out;
    }
}
