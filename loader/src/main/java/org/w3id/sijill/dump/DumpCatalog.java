package org.w3id.sijill.dump;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.core.SourceDataException;

/**
 * What a dumps folder holds: the release it was written from and, per file, its name, format,
 * size and SHA-256 — read from the folder's {@code release.properties} and {@code SHA256SUMS}
 * (and checked against the files' sizes). This is what the landing page's downloads section and
 * the dataset description show.
 *
 * <pre>{@code
 * DumpCatalog c = DumpCatalog.read(Path.of("var/dumps"));
 * for (DumpCatalog.DumpFile f : c.files()) System.out.println(f.name() + " " + f.bytes() + " " + f.sha256());
 * }</pre>
 *
 * @param release the release id the dumps were written from
 * @param built   when that release was built (from the store's release file)
 * @param files   the dump files, in {@link DumpFormat} order
 */
public record DumpCatalog(String release, String built, List<DumpFile> files) {

    /**
     * One dump file.
     *
     * @param name   file name ({@code sijill.jsonld}, …)
     * @param format its format (media type, compression)
     * @param bytes  size in bytes
     * @param sha256 SHA-256, lowercase hex
     */
    public record DumpFile(String name, DumpFormat format, long bytes, String sha256) {
        /** @return the media type of the content, e.g. {@code application/ld+json} */
        public String mediaType() { return format.mediaType(); }

        /** @return the HTTP ETag: {@code "release/sha256"} (a strong validator) */
        public String etag(String release) { return '"' + release + '/' + sha256 + '"'; }
    }

    public DumpCatalog {
        files = List.copyOf(files);
    }

    /** @return the file of that name, if the catalog has it */
    public Optional<DumpFile> file(String name) {
        return files.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** Reads a dumps folder; an incomplete or inconsistent folder is an error naming the file. */
    public static DumpCatalog read(Path dir) {
        Release release = Release.read(dir);
        Path sums = dir.resolve(DumpFormat.CHECKSUMS);
        List<String> lines;
        try {
            lines = Files.readAllLines(sums, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, sums + ": missing (write the dumps: ./sijill dump --out " + dir + ")", e);
        } catch (IOException e) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, sums + ": cannot read: " + e.getMessage(), e);
        }
        List<DumpFile> files = new ArrayList<>();
        int n = 0;
        for (String line : lines) {
            n++;
            if (line.isBlank()) continue;
            // sha256sum format: 64 hex, two spaces (or space and '*'), file name
            if (!line.matches("[0-9a-f]{64} [ *].+")) throw new SourceDataException(sums, n, null, "not a sha256sum line: '" + line + "'");
            String sha = line.substring(0, 64);
            String name = line.substring(66);
            DumpFormat format = DumpFormat.byFileName(name)
                    .orElseThrow(() -> new SourceDataException(sums, 0, null, "unknown dump file '" + name + "'"));
            Path f = dir.resolve(name);
            long bytes;
            try {
                bytes = Files.size(f);
            } catch (IOException e) {
                throw new SijillException(SijillException.Kind.ENVIRONMENT, f + ": listed in " + sums + " but cannot be read: " + e.getMessage(), e);
            }
            files.add(new DumpFile(name, format, bytes, sha));
        }
        if (files.isEmpty()) throw new SourceDataException(sums, 0, null, "lists no files");
        files.sort(Comparator.comparing(DumpFile::format));
        return new DumpCatalog(release.id(), release.built(), files);
    }

    /** @return the catalog of {@code dir}, or empty when the folder holds no complete dumps */
    public static Optional<DumpCatalog> readIfPresent(Path dir) {
        if (!Release.exists(dir) || !Files.isRegularFile(dir.resolve(DumpFormat.CHECKSUMS))) return Optional.empty();
        return Optional.of(read(dir));
    }
}
