package org.w3id.sijill.dump;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Pattern;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.core.SourceDataException;

/**
 * A release of the store, as the loader records it in {@code {store}/release.properties}:
 * {@code release} (id {@code yyyy-MM-dd-} + 12 hex digits of a content hash), {@code built}
 * (timestamp), {@code triples}, {@code quads}. The same file, copied into a dumps folder, says
 * which release the dumps were written from.
 *
 * <pre>{@code
 * Release r = Release.read(Path.of("var/store"));
 * r.id(); // "2026-04-27-3f2a9c0d1e4b"
 * }</pre>
 */
public record Release(String id, String built, long triples, long quads) {

    /** The file name, in the store folder and in the dumps folder. */
    public static final String FILE = "release.properties";
    private static final Pattern ID = Pattern.compile("\\d{4}-\\d{2}-\\d{2}-[0-9a-f]{12}");

    public Release {
        if (id == null || !ID.matcher(id).matches()) {
            throw new SijillException(SijillException.Kind.INVALID_DATA, "malformed release id '" + id + "' (expected yyyy-MM-dd-<12 hex>)");
        }
    }

    /** Reads {@code folder/release.properties}; a missing file or field is an error naming it. */
    public static Release read(Path folder) {
        Path file = folder.resolve(FILE);
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (NoSuchFileException e) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, file + ": no release file (build the store first: ./sijill build)", e);
        } catch (IOException e) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, file + ": cannot read: " + e.getMessage(), e);
        }
        String id = field(p, file, "release");
        if (!ID.matcher(id).matches()) {
            throw new SourceDataException(file, 0, "release", "malformed release id '" + id + "' (expected yyyy-MM-dd-<12 hex>)");
        }
        return new Release(id, field(p, file, "built"), number(p, file, "triples"), number(p, file, "quads"));
    }

    /** @return whether {@code folder/release.properties} exists */
    public static boolean exists(Path folder) {
        return Files.isRegularFile(folder.resolve(FILE));
    }

    /** Writes {@code folder/release.properties} with these values. */
    public void write(Path folder) {
        Properties p = new Properties();
        p.setProperty("release", id);
        p.setProperty("built", built);
        p.setProperty("triples", Long.toString(triples));
        p.setProperty("quads", Long.toString(quads));
        try (Writer w = Files.newBufferedWriter(folder.resolve(FILE), StandardCharsets.UTF_8)) {
            p.store(w, "Sijill release");
        } catch (IOException e) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, folder.resolve(FILE) + ": cannot write: " + e.getMessage(), e);
        }
    }

    private static String field(Properties p, Path file, String key) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) throw new SourceDataException(file, 0, key, "missing");
        return v.strip();
    }

    private static long number(Properties p, Path file, String key) {
        String v = field(p, file, key);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new SourceDataException(file, 0, key, "not a whole number: '" + v + "'");
        }
    }
}
