package org.w3id.sijill.loader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.w3id.sijill.core.SijillException;

/**
 * SHA-256 over all build inputs in a stable order — each file's path (relative to its root,
 * with {@code /}) and its bytes: the registers, the documents, the ligature fixes, the tables with
 * their metadata, the mappings, and the ontology, schemes and shapes. The same inputs give the
 * same digest on any machine.
 *
 * <pre>{@code
 * String hex = InputDigest.of(sourcesDir, ontologyFiles).hex();
 * }</pre>
 */
public record InputDigest(String hex, int files) {

    /** @return the digest of the build inputs */
    public static InputDigest of(Path sourcesDir, OntologyFiles ontology) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "SHA-256 unavailable", e);
        }
        List<Path> sourceFiles = new ArrayList<>();
        for (String f : List.of("documents.csv", "external-sources.csv", "arabic-ligature-fixes.csv", EditorialTranscriptions.FILE)) {
            if (Files.isRegularFile(sourcesDir.resolve(f))) sourceFiles.add(sourcesDir.resolve(f));
        }
        for (String d : List.of("documents", "tables", "mappings")) sourceFiles.addAll(files(sourcesDir.resolve(d)));
        int n = 0;
        for (Path p : sourceFiles) {
            add(md, "sources/" + sourcesDir.relativize(p).toString().replace('\\', '/'), p);
            n++;
        }
        for (Path p : ontology.all()) {
            add(md, "ontology/" + ontology.dir().relativize(p).toString().replace('\\', '/'), p);
            n++;
        }
        return new InputDigest(HexFormat.of().formatHex(md.digest()), n);
    }

    private static void add(MessageDigest md, String name, Path p) {
        try {
            md.update(name.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            byte[] bytes = Files.readAllBytes(p);
            md.update(Long.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            md.update((byte) 0);
            md.update(bytes);
        } catch (IOException e) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
