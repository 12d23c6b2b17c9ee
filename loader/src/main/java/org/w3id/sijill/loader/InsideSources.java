package org.w3id.sijill.loader;

import java.io.IOException;
import java.nio.file.Path;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.core.SourceDataException;

/**
 * Keeps every file the loader reads inside the sources folder: the real path (symbolic links
 * resolved) must lie under the real path of the sources folder, so a link in {@code documents/}
 * or {@code tables/} cannot publish {@code /etc/passwd}.
 *
 * <pre>{@code
 * Path file = InsideSources.check(sourcesDir, docs.resolve(name), csv, row.line(), "file");
 * }</pre>
 */
public final class InsideSources {
    private InsideSources() {}

    /**
     * @param sourcesDir the sources folder
     * @param file       a file named by the sources (it must exist)
     * @param register   the file that names it, for the error
     * @param line       the line of {@code register} that names it (0: none)
     * @param field      the field that names it
     * @return {@code file}, when its real path lies inside the sources folder
     * @throws SourceDataException naming {@code register}, line and field otherwise
     */
    public static Path check(Path sourcesDir, Path file, Path register, long line, String field) {
        Path root;
        Path real;
        try {
            root = sourcesDir.toRealPath();
        } catch (IOException e) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "cannot resolve the sources folder " + sourcesDir + ": " + e.getMessage(), e);
        }
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            throw new SourceDataException(register, line, field, "'" + file.getFileName() + "' cannot be read (" + e.getMessage() + ")");
        }
        if (!real.startsWith(root)) {
            throw new SourceDataException(register, line, field, "'" + file.getFileName() + "' resolves to " + real
                    + ", outside the sources folder " + root + " (symbolic links must stay inside it)");
        }
        return file;
    }
}
