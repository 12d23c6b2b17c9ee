package org.w3id.sijill.loader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.update.UpdateFactory;
import org.w3id.sijill.core.SourceDataException;

/**
 * Reads a table's mapping ({@code mappings/<t>.rq}) and refuses, at parse time and with file and
 * line, what a mapping must never do: reach out ({@code SERVICE} anywhere — in {@code OPTIONAL},
 * {@code EXISTS}, subqueries) or act as an update ({@code LOAD}, {@code INSERT}, {@code DROP}, …).
 * A mapping is a SPARQL CONSTRUCT evaluated against nothing but the row's values.
 *
 * <pre>{@code
 * Query q = MappingQuery.parse(Path.of("sources/mappings/countries.rq"));
 * }</pre>
 */
public final class MappingQuery {
    private MappingQuery() {}

    private static final Set<String> UPDATE_WORDS = Set.of("LOAD", "INSERT", "DELETE", "CLEAR", "DROP", "CREATE", "COPY", "MOVE", "ADD", "WITH");

    /** A keyword of the query text (outside IRIs, strings and comments) and its line. */
    record Word(String text, int line) {}

    /** @return the CONSTRUCT query of {@code rq} */
    public static Query parse(Path rq) {
        String text = TextFiles.readUtf8(rq);
        List<Word> words = words(text);
        for (Word w : words) {
            if (w.text().equalsIgnoreCase("SERVICE")) {
                throw new SourceDataException(rq, w.line(), "SERVICE", "federated queries are refused in mappings: a mapping"
                        + " must not make requests to other servers; put the facts in a table with their source instead");
            }
        }
        Query q;
        try {
            q = QueryFactory.create(text, Syntax.syntaxSPARQL_11);
        } catch (QueryParseException e) {
            if (isUpdate(text)) {
                Word w = words.stream().filter(x -> UPDATE_WORDS.contains(x.text().toUpperCase(Locale.ROOT))).findFirst().orElse(new Word("update", 1));
                throw new SourceDataException(rq, w.line(), w.text().toUpperCase(Locale.ROOT), "updates are refused in mappings: a mapping is a"
                        + " SPARQL CONSTRUCT query over the row's values; it must not load or change data");
            }
            throw new SourceDataException(rq, Math.max(e.getLine(), 1), null, "SPARQL syntax error: " + e.getMessage());
        }
        if (!q.isConstructType()) throw new SourceDataException(rq, 1, null, "the mapping must be a SPARQL CONSTRUCT query");
        return q;
    }

    private static boolean isUpdate(String text) {
        try {
            UpdateFactory.create(text);
            return true;
        } catch (QueryParseException e) {
            return false;
        }
    }

    /**
     * @return the line of the first occurrence of {@code token} in the CONSTRUCT template of
     *         {@code rq} (outside comments), else of the file, else 1
     */
    static int lineOf(Path rq, String token) {
        String[] lines = TextFiles.readUtf8(rq).split("\n", -1);
        int template = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].toUpperCase(Locale.ROOT).contains("CONSTRUCT")) {
                template = i;
                break;
            }
        }
        for (int pass = 0; pass < 2; pass++) {
            for (int i = pass == 0 ? template : 0; i < lines.length; i++) {
                String l = lines[i].strip();
                if (l.startsWith("#")) continue;
                if (l.contains(token)) return i + 1;
            }
        }
        return 1;
    }

    /** The words of SPARQL text outside IRIs ({@code <…>}), strings and comments, with their lines. */
    static List<Word> words(String text) {
        List<Word> out = new ArrayList<>();
        int line = 1;
        int n = text.length();
        for (int i = 0; i < n; ) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (c == '#') {
                while (i < n && text.charAt(i) != '\n') i++;
            } else if (c == '"' || c == '\'') {
                boolean triple = text.startsWith(String.valueOf(c).repeat(3), i);
                String end = triple ? String.valueOf(c).repeat(3) : String.valueOf(c);
                i += end.length();
                while (i < n && !text.startsWith(end, i)) {
                    if (text.charAt(i) == '\\') i++;
                    else if (text.charAt(i) == '\n') line++;
                    i++;
                }
                i += end.length();
            } else if (c == '<' && i + 1 < n && !Character.isWhitespace(text.charAt(i + 1)) && text.charAt(i + 1) != '=') {
                int close = i + 1;
                while (close < n && text.charAt(close) != '>' && !Character.isWhitespace(text.charAt(close))) close++;
                i = close < n && text.charAt(close) == '>' ? close + 1 : i + 1;
            } else if (Character.isLetter(c) && (i == 0 || !isNameChar(text.charAt(i - 1)))) {
                int start = i;
                while (i < n && isNameChar(text.charAt(i))) i++;
                // prefixed names (rdfs:label) and variables are not keywords
                if (i < n && text.charAt(i) == ':') {
                    while (i < n && (isNameChar(text.charAt(i)) || text.charAt(i) == ':')) i++;
                } else {
                    out.add(new Word(text.substring(start, i), line));
                }
            } else if (c == '?' || c == '$') {
                i++;
                while (i < n && isNameChar(text.charAt(i))) i++;
            } else {
                i++;
            }
        }
        return out;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }
}
