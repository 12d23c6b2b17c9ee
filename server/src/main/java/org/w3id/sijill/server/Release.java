package org.w3id.sijill.server;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Properties;
import org.w3id.sijill.core.SijillException;

/**
 * The data release a store holds, which HTTP caching is tied to: {@code ETag}s carry the release
 * id and {@code Last-Modified} is the build time. Read from {@code {store}/release.properties}
 * (written by the loader; keys {@code release} and {@code built}, an ISO-8601 instant); when that
 * file is absent the store directory's modification time stands for both.
 *
 * <pre>{@code
 * Release r = Release.read(Path.of("var/store"));
 * response.setHeader("ETag", "\"" + r.id() + "-ttl\"");
 * }</pre>
 *
 * @param id    the release id (letters, digits, {@code .-_} only, so it fits in an ETag)
 * @param built when the release was built, truncated to seconds (HTTP dates have no fraction)
 */
public record Release(String id, Instant built) {

    /** The file, in the store directory, that names the release. */
    public static final String FILE = "release.properties";

    public Release {
        if (id == null || !id.matches("[A-Za-z0-9._-]+")) {
            throw new SijillException(SijillException.Kind.INVALID_DATA,
                    "release id must be letters, digits, '.', '-' or '_': '" + id + "'");
        }
        built = built.truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * @param store the TDB2 store directory
     * @return the release it holds
     * @throws SijillException {@code INVALID_DATA} naming the file and key when release.properties is malformed
     */
    public static Release read(Path store) {
        Path file = store.resolve(FILE);
        try {
            if (!Files.isRegularFile(file)) {
                Instant mtime = Files.getLastModifiedTime(store).toInstant();
                return new Release("store-" + mtime.truncatedTo(ChronoUnit.SECONDS).getEpochSecond(), mtime);
            }
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            String id = p.getProperty("release");
            String built = p.getProperty("built");
            if (id == null || id.isBlank()) {
                throw new SijillException(SijillException.Kind.INVALID_DATA, file + ": key 'release' is missing");
            }
            if (built == null || built.isBlank()) {
                throw new SijillException(SijillException.Kind.INVALID_DATA, file + ": key 'built' is missing");
            }
            try {
                return new Release(id.trim(), Instant.parse(built.trim()));
            } catch (DateTimeParseException e) {
                throw new SijillException(SijillException.Kind.INVALID_DATA,
                        file + ": key 'built': not an ISO-8601 instant: '" + built + "'", e);
            }
        } catch (IOException e) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "cannot read the release of store " + store + ": " + e.getMessage(), e);
        }
    }
}
