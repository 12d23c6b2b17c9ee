package org.w3id.sijill.loader;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import org.w3id.sijill.core.SijillException;

/**
 * Puts a newly built store in place of the old one: the old store is renamed away
 * ({@code {store}.old-*}), the new one renamed in, then the old one deleted. If renaming the new
 * one in fails, the old one is renamed back. Both renames are within one folder (atomic on the
 * same file system).
 *
 * <pre>{@code
 * StoreSwap.swap(Path.of("var/store.building-123"), Path.of("var/store"));
 * }</pre>
 */
public final class StoreSwap {
    private StoreSwap() {}

    public static void swap(Path built, Path target) {
        Path old = null;
        try {
            if (Files.exists(target)) {
                old = target.resolveSibling(target.getFileName() + ".old-" + System.currentTimeMillis());
                move(target, old);
            }
            try {
                move(built, target);
            } catch (IOException e) {
                if (old != null) move(old, target);
                throw e;
            }
        } catch (IOException e) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "cannot put the new store in place at " + target + ": " + e.getMessage(), e);
        }
        if (old != null) deleteTree(old);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Deletes a folder and everything in it. */
    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    if (exc != null) throw exc;
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "cannot delete " + dir + ": " + e.getMessage(), e);
        }
    }
}
