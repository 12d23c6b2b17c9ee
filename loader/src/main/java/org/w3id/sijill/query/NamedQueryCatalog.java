package org.w3id.sijill.query;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.core.SourceDataException;

/**
 * The named queries of a folder ({@code queries/*.rq}), read once. The header comment of each
 * file gives its title (its first paragraph; Arabic-script lines give an Arabic title), description
 * (the later plain lines) and
 * {@code @param}/{@code @example} declarations.
 *
 * <pre>{@code
 * NamedQueryCatalog catalog = NamedQueryCatalog.load(ProjectPaths.locate().queries());
 * for (NamedQuery q : catalog.all()) System.out.println(q.name() + ": " + q.title());
 * }</pre>
 */
public final class NamedQueryCatalog {
    private static final java.util.regex.Pattern ARABIC = java.util.regex.Pattern.compile("\\p{InArabic}");
    private final Map<String, NamedQuery> queries;

    private NamedQueryCatalog(Map<String, NamedQuery> queries) {
        this.queries = Collections.unmodifiableMap(queries);
    }

    /** Reads every {@code .rq} file of the folder, in name order; a file that does not parse is an error. */
    public static NamedQueryCatalog load(Path dir) {
        Map<String, NamedQuery> found = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".rq")).sorted().toList()) {
                NamedQuery q = read(f);
                found.put(q.name(), q);
            }
        } catch (IOException e) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "cannot read queries folder " + dir + ": " + e.getMessage(), e);
        }
        return new NamedQueryCatalog(found);
    }

    /** Reads one query file. */
    public static NamedQuery read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "cannot read " + file + ": " + e.getMessage(), e);
        }
        String name = file.getFileName().toString().replaceFirst("\\.rq$", "");
        StringBuilder title = new StringBuilder();
        StringBuilder titleAr = new StringBuilder();
        StringBuilder description = new StringBuilder();
        List<QueryParameter> params = new ArrayList<>();
        Map<String, List<String>> examples = new LinkedHashMap<>();
        boolean inTitle = true;
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length && lines[i].startsWith("#"); i++) {
            String line = lines[i].replaceFirst("^#+\\s?", "").strip();
            try {
                if (line.startsWith("@param ")) {
                    params.add(QueryParameter.parse(line.substring(7)));
                } else if (line.startsWith("@example ")) {
                    String[] kv = line.substring(9).trim().split("\\s+", 2);
                    if (kv.length != 2) throw new SourceDataException(file, i + 1, "@example", "expected '@example name value'");
                    examples.computeIfAbsent(kv[0], k -> new ArrayList<>()).add(kv[1]);
                }
            } catch (SourceDataException e) {
                throw e;
            } catch (SijillException e) {
                throw new SourceDataException(file, i + 1, "@param", e.getMessage());
            }
            // The title is the first paragraph of the header (Arabic-script lines give the Arabic
            // title); a blank comment line or an @-line ends it, and later lines describe.
            if (line.isEmpty() || line.startsWith("@")) {
                if (title.length() > 0 || titleAr.length() > 0) inTitle = false;
                continue;
            }
            StringBuilder target = !inTitle ? description : ARABIC.matcher(line).find() ? titleAr : title;
            if (target.length() > 0) target.append(' ');
            target.append(line);
        }
        if (title.length() == 0 && titleAr.length() == 0) {
            throw new SourceDataException(file, 1, null, "a named query starts with a comment giving its title");
        }
        Query query;
        try {
            query = QueryFactory.create(text);
        } catch (QueryParseException e) {
            throw new SourceDataException(file, e.getLine(), null, "SPARQL syntax error: " + e.getMessage());
        }
        for (String exampleParam : examples.keySet()) {
            if (params.stream().noneMatch(p -> p.name().equals(exampleParam))) {
                throw new SourceDataException(file, 0, "@example", "example for undeclared parameter '" + exampleParam + "'");
            }
        }
        return new NamedQuery(name, title.length() > 0 ? title.toString() : null, titleAr.length() > 0 ? titleAr.toString() : null,
                description.toString(), List.copyOf(params), examples, text, query);
    }

    /** @return every query, in file-name order */
    public Collection<NamedQuery> all() {
        return queries.values();
    }

    /** @return the query of that name, if any */
    public Optional<NamedQuery> find(String name) {
        return Optional.ofNullable(queries.get(name));
    }

    /** @return the query of that name, or a NOT_FOUND error naming the known ones */
    public NamedQuery get(String name) {
        return find(name).orElseThrow(() -> new SijillException(SijillException.Kind.NOT_FOUND,
                "no query named '" + name + "'; known: " + queries.keySet()));
    }
}
