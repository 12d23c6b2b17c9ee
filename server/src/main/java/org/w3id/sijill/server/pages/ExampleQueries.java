package org.w3id.sijill.server.pages;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.w3id.sijill.core.SijillException;

/**
 * The example queries: the {@code *.rq} files of a folder (the project's {@code queries/}), each
 * titled by its header comment: the first paragraph of comment lines (up to a blank comment line
 * or an {@code @param}/{@code @example} line); lines in Arabic script give the Arabic title. The folder is read on every call, so new files show up
 * without a restart.
 *
 * <pre>{@code
 * ExampleQueries examples = new ExampleQueries(ProjectPaths.locate().queries());
 * for (ExampleQueries.Example e : examples.list()) System.out.println(e.name() + ": " + e.titleEn());
 * }</pre>
 */
public final class ExampleQueries {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final Pattern ARABIC = Pattern.compile("\\p{InArabic}");

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
     */
    public record Example(String name, String titleEn, String titleAr, String description, String text) {
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
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> rq = files.filter(p -> p.getFileName().toString().endsWith(".rq") && Files.isRegularFile(p))
                    .sorted().toList();
            List<Example> out = new ArrayList<>();
            for (Path p : rq) out.add(read(p));
            return out;
        } catch (IOException e) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "cannot list example queries in " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param name an example name from a request
     * @return the example, if the name is well-formed and the file exists
     */
    public Optional<Example> find(String name) {
        if (name == null || !NAME.matcher(name).matches()) return Optional.empty();
        return list().stream().filter(e -> e.name().equals(name)).findFirst();
    }

    private static Example read(Path p) throws IOException {
        String text = Files.readString(p, StandardCharsets.UTF_8);
        String file = p.getFileName().toString();
        String name = file.substring(0, file.length() - ".rq".length());
        StringBuilder en = new StringBuilder();
        StringBuilder ar = new StringBuilder();
        StringBuilder description = new StringBuilder();
        boolean inTitle = true;
        for (String line : text.split("\\R")) {
            String t = line.strip();
            if (!t.startsWith("#")) {
                if (t.isEmpty() && en.length() == 0 && ar.length() == 0) continue;
                break;
            }
            String c = t.replaceFirst("^#+", "").strip();
            // The title is the first paragraph of the header; "@param"/"@example" lines and what
            // follows a blank comment line are details.
            if (c.isEmpty() || c.startsWith("@")) {
                if (en.length() > 0 || ar.length() > 0) inTitle = false;
                if (c.startsWith("@")) continue;
                continue;
            }
            StringBuilder target = !inTitle ? description : ARABIC.matcher(c).find() ? ar : en;
            if (target.length() > 0) target.append(' ');
            target.append(c);
        }
        String titleEn = en.length() == 0 ? null : en.toString();
        String titleAr = ar.length() == 0 ? null : ar.toString();
        return new Example(name, titleEn, titleAr, description.toString(), text);
    }
}
