package org.w3id.sijill.server.pages;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.query.NamedQuery;
import org.w3id.sijill.query.NamedQueryCatalog;

/**
 * The example queries: the named queries of a folder (the project's {@code queries/}, read by
 * {@link NamedQueryCatalog}), each titled by the first paragraph of its header comment. The folder
 * is read on every call, so new files show up without a restart.
 *
 * <pre>{@code
 * ExampleQueries examples = new ExampleQueries(ProjectPaths.locate().queries());
 * for (ExampleQueries.Example e : examples.list()) System.out.println(e.name() + ": " + e.titleEn());
 * }</pre>
 */
public final class ExampleQueries {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private final Path folder;

    /** @param folder the folder of {@code .rq} files; it may not exist yet (then there are no examples) */
    public ExampleQueries(Path folder) {
        this.folder = folder;
    }

    /**
     * One example.
     *
     * @param name the file name without {@code .rq}
     * @param titleEn the (Latin-script) title, or null
     * @param titleAr the Arabic title, or null
     * @param description the other header lines
     * @param text the whole query text
     * @param runnableText the text to prefill the query page with: the header comment and the query
     *        with its {@code @example} parameter values bound (the text itself when it has none)
     */
    public record Example(String name, String titleEn, String titleAr, String description, String text, String runnableText) {
        /** @return the title in {@code lang}, falling back to the other title, then to the name */
        public Label title(PageLanguage lang) {
            String mine = lang == PageLanguage.AR ? titleAr : titleEn;
            String other = lang == PageLanguage.AR ? titleEn : titleAr;
            if (mine != null) return new Label(mine, lang.code(), false);
            if (other != null) return new Label(other, lang.other().code(), true);
            return new Label(name, "", false);
        }

        /** @return true for the data checks ({@code *-violation.rq}) rather than questions */
        public boolean isCheck() { return name.endsWith("-violation"); }
    }

    /** @return the examples, sorted by file name */
    public List<Example> list() {
        if (!Files.isDirectory(folder)) return List.of();
        return NamedQueryCatalog.load(folder).all().stream()
                .map(q -> new Example(q.name(), q.title(), q.titleAr(), q.description(), q.text(), runnable(q)))
                .toList();
    }

    /**
     * @param name the name of a query of the folder, e.g. {@code cq02-countries-side-by-side}
     * @return the parsed named query, to bind and run
     * @throws SijillException ({@code ENVIRONMENT}) when the folder has no such query
     */
    public NamedQuery named(String name) {
        if (!Files.isDirectory(folder)) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "the queries folder " + folder + " does not exist");
        }
        return NamedQueryCatalog.load(folder).find(name).orElseThrow(() -> new SijillException(
                SijillException.Kind.ENVIRONMENT, "the queries folder " + folder + " has no query '" + name + "'"));
    }

    /** @return the query text with its example values bound by a VALUES block ({@link ExampleBinding}) */
    private static String runnable(NamedQuery q) {
        return ExampleBinding.prefill(q);
    }

    /**
     * @param name an example name from a request
     * @return the example, if the name is well-formed and the file exists
     */
    public Optional<Example> find(String name) {
        if (name == null || !NAME.matcher(name).matches()) return Optional.empty();
        return list().stream().filter(e -> e.name().equals(name)).findFirst();
    }

}
