package org.w3id.sijill.release;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3id.sijill.core.SijillException;

/**
 * The on-disk layout of published stores: immutable release folders and one symbolic link that
 * names the current one.
 * <pre>
 * var/store                 -&gt; releases/2026-12-01-592673e19fa0   (symbolic link, flipped atomically)
 * var/releases/2026-12-01-592673e19fa0/
 *     Data-0001/ tdb.lock  release.properties   the TDB2 store (and any index subfolder)
 *     dumps/                                   the downloads of this release, with SHA256SUMS
 * var/releases/.in-use/{release}.{pid}        which server processes use which release
 * </pre>
 * A build writes into {@code var/.store.building-{pid}-{n}}, renames the finished folder into
 * {@code releases/} (one rename) and then flips the link: it creates the new link under a
 * temporary name and renames it over the old one ({@link java.nio.file.StandardCopyOption#ATOMIC_MOVE},
 * {@code rename(2)}), so at every instant the path names a complete store. {@link #recover} cleans
 * what an interrupted process left and repoints a missing or dangling link; {@link #prune} keeps
 * the newest releases and never deletes one a live server uses.
 *
 * <pre>{@code
 * ReleaseLayout layout = ReleaseLayout.of(Path.of("var/store"));
 * layout.recover().forEach(System.err::println);
 * Path building = layout.newBuildFolder();
 * ... write the store into building ...
 * Path release = layout.publish(building, "2026-12-01-592673e19fa0");
 * layout.prune(3);
 * }</pre>
 */
public final class ReleaseLayout {

    /** Folder (beside the link) holding the release folders. */
    public static final String RELEASES = "releases";
    /** Folder, inside a release, holding its dumps. */
    public static final String DUMPS = "dumps";
    /** Test hook: milliseconds to sleep right before the link flip (the crash tests kill the process there). */
    public static final String PAUSE_BEFORE_FLIP = "sijill.test.pauseBeforeFlip";
    /** Printed on standard error when {@link #PAUSE_BEFORE_FLIP} is set, just before sleeping. */
    public static final String PAUSE_MESSAGE = "sijill: pausing before the release flip";
    /** The default number of releases {@link #prune} keeps. */
    public static final int DEFAULT_KEEP = 3;

    private static final String IN_USE = ".in-use";
    private static final Pattern PID_NAME = Pattern.compile(".*\\.(?:building|staging|link|old)-(\\d+)-\\d+$");

    private final Path link;
    private final Path releases;

    private ReleaseLayout(Path link) {
        this.link = link;
        this.releases = link.resolveSibling(RELEASES);
    }

    /** @param store the store path that names the current release (e.g. {@code var/store}) */
    public static ReleaseLayout of(Path store) {
        Path abs = store.toAbsolutePath().normalize();
        if (abs.getParent() == null) throw new SijillException(SijillException.Kind.BAD_INPUT, "the store path needs a parent folder: " + store);
        return new ReleaseLayout(abs);
    }

    /** @return the path that names the current release */
    public Path link() { return link; }

    /** @return the folder of the release folders */
    public Path releasesDir() { return releases; }

    /** @return whether the store path is a link of this layout (not an old-style plain folder) */
    public boolean isLink() { return Files.isSymbolicLink(link); }

    /** @return the real folder of the current release, if the path names an existing folder */
    public Optional<Path> current() {
        try {
            return Files.isDirectory(link) ? Optional.of(link.toRealPath()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** @return a new, empty folder beside the link for a build ({@code .{name}.building-{pid}-{n}}) */
    public Path newBuildFolder() {
        return newFolder(link.getParent(), "." + link.getFileName() + ".building-");
    }

    /** @return a new, empty staging folder inside {@code parent} ({@code .staging-{pid}-{n}}) */
    public static Path newStagingFolder(Path parent) {
        return newFolder(parent, ".staging-");
    }

    private static Path newFolder(Path parent, String prefix) {
        try {
            Files.createDirectories(parent);
            for (int i = 0; ; i++) {
                Path p = parent.resolve(prefix + ProcessHandle.current().pid() + "-" + ThreadLocalRandom.current().nextInt(1_000_000_000));
                try {
                    return Files.createDirectory(p);
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    if (i > 100) throw e;
                }
            }
        } catch (IOException e) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "cannot create a folder in " + parent + ": " + e.getMessage(), e);
        }
    }

    /**
     * Makes a finished build the current release: renames {@code built} to {@code releases/{id}}
     * (or {@code {id}.2}, … when that name is taken) and flips the link to it. An old-style plain
     * store folder at the link's path is first moved into {@code releases/} as a release of its own.
     *
     * @return the release folder
     */
    public Path publish(Path built, String releaseId) {
        try {
            Files.createDirectories(releases);
            migratePlainFolder();
            Path target = releases.resolve(releaseId);
            for (int n = 2; Files.exists(target, LinkOption.NOFOLLOW_LINKS); n++) target = releases.resolve(releaseId + "." + n);
            move(built, target);
            pauseForTests();
            flip(target);
            return target;
        } catch (IOException e) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "cannot publish the release at " + link + ": " + e.getMessage(), e);
        }
    }

    /** Points the link at {@code release} (a folder in {@code releases/}) in one atomic rename. */
    public void flip(Path release) throws IOException {
        Path relative = link.getParent().relativize(release.toAbsolutePath().normalize());
        Path tmp = link.resolveSibling("." + link.getFileName() + ".link-" + ProcessHandle.current().pid() + "-"
                + ThreadLocalRandom.current().nextInt(1_000_000_000));
        Files.createSymbolicLink(tmp, relative);
        try {
            Files.move(tmp, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    private void migratePlainFolder() throws IOException {
        if (!Files.isDirectory(link, LinkOption.NOFOLLOW_LINKS)) return;
        // an old-style store: keep it as a release, so the link can take its place
        String name = "legacy-" + Files.getLastModifiedTime(link).toMillis();
        Path target = releases.resolve(name);
        move(link, target);
        flip(target);
    }

    private static void pauseForTests() {
        String ms = System.getProperty(PAUSE_BEFORE_FLIP);
        if (ms == null) return;
        System.err.println(PAUSE_MESSAGE);
        System.err.flush();
        try {
            Thread.sleep(Long.parseLong(ms));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Cleans what an interrupted build, dump or flip left ({@code .{name}.building-*},
     * {@code .staging-*}, {@code .*.link-*}, {@code .*.old-*} of processes no longer alive, beside
     * the link and inside release folders; old-style
     * {@code {name}.building-*} and {@code {name}.old-*}) and, when the link is missing or
     * dangling but releases exist, points it at the newest release.
     *
     * @return one line per thing done, for the operator
     */
    public List<String> recover() {
        List<String> done = new ArrayList<>();
        Path parent = link.getParent();
        String name = link.getFileName().toString();
        for (Path p : list(parent)) {
            String f = p.getFileName().toString();
            boolean ours = f.startsWith(".") && PID_NAME.matcher(f).matches();
            boolean oldStyle = f.startsWith(name + ".building-") || f.startsWith(name + ".old-");
            if ((ours && !ownerAlive(f)) || oldStyle) {
                deleteTree(p);
                done.add("removed " + p + " (left by an interrupted build or dump)");
            }
        }
        for (Path r : releaseFolders()) {
            for (Path p : list(r)) {
                if (p.getFileName().toString().startsWith(".staging-") && !ownerAlive(p.getFileName().toString())) {
                    deleteTree(p);
                    done.add("removed " + p + " (left by an interrupted dump)");
                }
            }
        }
        for (Path p : list(releases.resolve(IN_USE))) {
            if (!pidAlive(pidOfMarker(p))) deleteQuietly(p);
        }
        if (!Files.isDirectory(link)) {
            Optional<Path> newest = releaseFolders().stream().filter(r -> Files.isRegularFile(r.resolve("release.properties")))
                    .max(Comparator.comparing(ReleaseLayout::built));
            if (newest.isPresent()) {
                try {
                    flip(newest.get());
                    done.add("pointed " + link + " at " + newest.get() + " (the path was " + (Files.isSymbolicLink(link) ? "dangling" : "missing") + ")");
                } catch (IOException e) {
                    throw new SijillException(SijillException.Kind.ENVIRONMENT, "cannot repair the link " + link + ": " + e.getMessage(), e);
                }
            }
        }
        return done;
    }

    /** @return the release folders, oldest first */
    public List<Path> releaseFolders() {
        return list(releases).stream().filter(p -> !p.getFileName().toString().startsWith(".") && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                .sorted(Comparator.comparing(ReleaseLayout::built)).toList();
    }

    /**
     * Deletes release folders beyond the newest {@code keep}, except the current one and any that
     * a live server process has marked in use ({@link #markInUse}).
     *
     * @return the folders deleted
     */
    public List<Path> prune(int keep) {
        if (keep < 1) throw new SijillException(SijillException.Kind.BAD_INPUT, "keep at least one release, got " + keep);
        List<Path> all = new ArrayList<>(releaseFolders());
        Optional<Path> current = current();
        List<Path> deleted = new ArrayList<>();
        int excess = all.size() - keep;
        for (Path r : all) {
            if (excess <= 0) break;
            if (current.isPresent() && current.get().equals(realPath(r))) continue;
            if (inUse(r)) continue;
            deleteTree(r);
            deleted.add(r);
            excess--;
        }
        return deleted;
    }

    /** Records that this process serves {@code release}; {@link #prune} leaves it alone while the process lives. */
    public void markInUse(Path release) {
        try {
            Files.createDirectories(releases.resolve(IN_USE));
            Files.writeString(marker(release), "");
        } catch (IOException e) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "cannot mark " + release + " in use: " + e.getMessage(), e);
        }
    }

    /** Withdraws {@link #markInUse} for {@code release}. */
    public void unmarkInUse(Path release) {
        deleteQuietly(marker(release));
    }

    /** @return whether a live process other than finished ones marked {@code release} in use */
    public boolean inUse(Path release) {
        String prefix = release.getFileName() + ".";
        for (Path m : list(releases.resolve(IN_USE))) {
            String f = m.getFileName().toString();
            if (f.startsWith(prefix) && f.substring(prefix.length()).matches("\\d+") && pidAlive(pidOfMarker(m))) return true;
        }
        return false;
    }

    private Path marker(Path release) {
        return releases.resolve(IN_USE).resolve(release.getFileName() + "." + ProcessHandle.current().pid());
    }

    private static long pidOfMarker(Path marker) {
        String f = marker.getFileName().toString();
        try {
            return Long.parseLong(f.substring(f.lastIndexOf('.') + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean ownerAlive(String fileName) {
        Matcher m = PID_NAME.matcher(fileName);
        return m.matches() && pidAlive(Long.parseLong(m.group(1)));
    }

    private static boolean pidAlive(long pid) {
        if (pid <= 0) return false;
        if (pid == ProcessHandle.current().pid()) return true;
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    /** The build time a release records ({@code built} in its release.properties), else its folder's time. */
    private static java.time.Instant built(Path release) {
        java.util.Properties p = new java.util.Properties();
        try (java.io.Reader r = Files.newBufferedReader(release.resolve("release.properties"))) {
            p.load(r);
            String b = p.getProperty("built");
            if (b != null && !b.isBlank()) return java.time.Instant.parse(b.strip());
        } catch (IOException | java.time.format.DateTimeParseException e) {
            // no readable release file: the folder's time stands for it
        }
        return mtime(release).toInstant();
    }

    private static java.nio.file.attribute.FileTime mtime(Path p) {
        try {
            return Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return java.nio.file.attribute.FileTime.fromMillis(0);
        }
    }

    private static List<Path> list(Path dir) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) return out;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            s.forEach(out::add);
        } catch (NoSuchFileException e) {
            return out;
        } catch (IOException e) {
            throw new SijillException(SijillException.Kind.ENVIRONMENT, "cannot list " + dir + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** Renames within one file system; atomic where the file system allows. */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a marker that cannot be removed only keeps a release longer; say so
            System.getLogger(ReleaseLayout.class.getName()).log(System.Logger.Level.WARNING, "cannot remove " + p + ": " + e.getMessage());
        }
    }

    /** Deletes a folder and everything in it (symbolic links are removed, not followed). */
    public static void deleteTree(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) return;
        try {
            if (Files.isSymbolicLink(dir)) {
                Files.delete(dir);
                return;
            }
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
