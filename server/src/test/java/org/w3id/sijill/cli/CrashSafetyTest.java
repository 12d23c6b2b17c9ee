package org.w3id.sijill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.sijill.core.ProjectPaths;
import org.w3id.sijill.dump.DumpFormat;
import org.w3id.sijill.dump.DumpWriter;
import org.w3id.sijill.release.ReleaseLayout;

/**
 * Crash safety with real child JVMs killed with {@code kill -9} ({@link Process#destroyForcibly})
 * at the critical point, held there by the test-only pause hooks:
 * <ul>
 *   <li>{@code sijill build} killed right before the link flip: the store path still names a
 *   complete store (the old release), the next start reports nothing missing;</li>
 *   <li>{@code sijill dump} killed right before the dumps are published: every file in the dumps
 *   folder still matches its {@code SHA256SUMS};</li>
 *   <li>leftovers of dead processes ({@code .store.building-*}, {@code store.old-*},
 *   {@code .staging-*}) are removed on the next start, and a missing link is repointed;</li>
 *   <li>{@code dump} of a store another process holds prints one line, no stack trace.</li>
 * </ul>
 */
class CrashSafetyTest {

    static final String OLD = "2026-11-20-000000000001";

    @TempDir
    Path tmp;

    @Test
    void killedBuildLeavesTheOldReleaseAtThePath() throws Exception {
        ReleaseLayout layout = ReleaseLayout.of(tmp.resolve("var").resolve("store"));
        Path old = fixtureRelease(layout, OLD);
        layout.flip(old);
        Process p = child(List.of("-D" + ReleaseLayout.PAUSE_BEFORE_FLIP + "=120000"),
                "build", "--sources", ProjectPaths.locate().sources().toString(), "--store", layout.link().toString());
        killAt(p, ReleaseLayout.PAUSE_MESSAGE);
        // the new release is complete in releases/, but the path still names the old one
        assertTrue(Files.isDirectory(layout.link()), "no store at the path after kill -9 before the flip");
        assertEquals(old.toRealPath(), layout.link().toRealPath());
        assertEquals(OLD, releaseId(layout.link()));
        assertEquals(2, layout.releaseFolders().size(), layout.releaseFolders().toString());
        Path built = layout.releaseFolders().stream().filter(r -> !r.getFileName().toString().equals(OLD)).findFirst().orElseThrow();
        assertTrue(Files.isRegularFile(built.resolve("dumps").resolve(DumpFormat.CHECKSUMS)), "the new release carries its dumps");
        assertChecksumsHold(built.resolve("dumps"));
        assertTrue(layout.recover().isEmpty(), "nothing to recover: " + layout.recover());
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(layout.link().toRealPath().toString());
        try {
            assertTrue(Txn.calculateRead(dsg, () -> dsg.stream().count()) > 0, "the store at the path opens and has data");
        } finally {
            TDBInternal.expel(dsg);
        }
    }

    @Test
    void killedDumpLeavesFilesThatMatchTheirChecksums() throws Exception {
        ReleaseLayout layout = ReleaseLayout.of(tmp.resolve("var").resolve("store"));
        layout.flip(fixtureRelease(layout, OLD));
        Path out = tmp.resolve("out").resolve("dumps");
        CliRun first = CliRun.of("dump", "--store", layout.link().toString(), "--out", out.toString());
        assertEquals(0, first.exit(), first.err());
        assertChecksumsHold(out);
        String before = Files.readString(out.resolve(DumpFormat.CHECKSUMS));

        // a second dump of another release into the same folder, killed before it publishes
        Path other = fixtureRelease(layout, "2026-11-21-000000000002");
        layout.flip(other);
        Process p = child(List.of("-D" + DumpWriter.PAUSE_BEFORE_PUBLISH + "=120000"),
                "dump", "--store", layout.link().toString(), "--out", out.toString());
        killAt(p, DumpWriter.PAUSE_MESSAGE);
        assertChecksumsHold(out);
        assertEquals(before, Files.readString(out.resolve(DumpFormat.CHECKSUMS)), "the published dumps are the old complete set");
        try (var s = Files.list(out.getParent())) {
            assertTrue(s.anyMatch(f -> f.getFileName().toString().startsWith(".staging-")), "the killed dump left its staging folder");
        }
        // the next run cleans up and publishes the new set in one flip
        CliRun again = CliRun.of("dump", "--store", layout.link().toString(), "--out", out.toString());
        assertEquals(0, again.exit(), again.err());
        assertChecksumsHold(out);
        assertTrue(Files.readString(out.resolve("release.properties")).contains("2026-11-21-000000000002"));
    }

    @Test
    void leftoversOfDeadProcessesAreCleanedAndAMissingLinkRepaired() throws Exception {
        ReleaseLayout layout = ReleaseLayout.of(tmp.resolve("var").resolve("store"));
        Path r = fixtureRelease(layout, OLD);
        Path var = layout.link().getParent();
        long dead = deadPid();
        List<Path> junk = List.of(var.resolve(".store.building-" + dead + "-1"), var.resolve("store.old-1700000000000"),
                var.resolve("store.building-42"), r.resolve(".staging-" + dead + "-7"), var.resolve(".store.link-" + dead + "-3"));
        for (Path j : junk) Files.createDirectories(j);
        Path live = var.resolve(".store.building-" + ProcessHandle.current().pid() + "-9");
        Files.createDirectories(live);
        // kill -9 between moving an old-style store aside and creating the link: no link at all
        List<String> done = layout.recover();
        for (Path j : junk) assertFalse(Files.exists(j), j + " was not removed: " + done);
        assertTrue(Files.exists(live), "a live process's build folder must stay");
        assertTrue(Files.isSymbolicLink(layout.link()) && layout.link().toRealPath().equals(r.toRealPath()), done.toString());
        assertTrue(done.stream().anyMatch(l -> l.contains("pointed")), done.toString());
    }

    @Test
    void dumpOfAStoreAServerHoldsPrintsOneLine() throws Exception {
        ReleaseLayout layout = ReleaseLayout.of(tmp.resolve("var").resolve("store"));
        layout.flip(fixtureRelease(layout, OLD));
        DatasetGraph held = DatabaseMgr.connectDatasetGraph(layout.link().toRealPath().toString());  // as a running serve holds it
        try {
            Process p = child(List.of(), "dump", "--store", layout.link().toString(), "--out", tmp.resolve("d").toString());
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p));
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "dump did not finish");
            String text = out.get(10, TimeUnit.SECONDS);
            assertEquals(5, p.exitValue(), text);
            List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
            assertEquals(1, lines.size(), "expected one line, got:\n" + text);
            assertTrue(lines.get(0).startsWith("sijill: ") && lines.get(0).contains("in use"), text);
            assertFalse(text.contains("\tat "), text);
        } finally {
            TDBInternal.expel(held);
        }
    }

    // ---- helpers

    /** A release folder with a small TDB2 store and its release.properties. */
    static Path fixtureRelease(ReleaseLayout layout, String id) throws IOException {
        Path dir = layout.releasesDir().resolve(id);
        Files.createDirectories(dir);
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(dir.toString());
        Txn.executeWrite(dsg, () -> {
            for (int i = 0; i < 50; i++) {
                dsg.add(NodeFactory.createURI("https://w3id.org/sijill/graph/test"), NodeFactory.createURI("https://w3id.org/sijill/id/x/" + i),
                        NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#label"), NodeFactory.createLiteralLang("x " + i + " " + id, "en"));
            }
        });
        TDBInternal.expel(dsg);
        Files.writeString(dir.resolve("release.properties"), "release=" + id + "\nbuilt=" + id.substring(0, 10) + "T10:00:00Z\ntriples=50\nquads=50\n");
        return dir;
    }

    static Process child(List<String> jvmArgs, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx1g");
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(SijillCli.class.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("SIJILL_HOME", ProjectPaths.locate().home().toString());
        return pb.start();
    }

    /** Waits (bounded) for the child to print {@code marker}, then kills it with SIGKILL. */
    static void killAt(Process p, String marker) throws Exception {
        CompletableFuture<Boolean> seen = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null; ) {
                    if (l.contains(marker)) return true;
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        });
        boolean reached;
        try {
            reached = seen.get(600, TimeUnit.SECONDS);
        } finally {
            p.destroyForcibly();  // SIGKILL
            p.waitFor(60, TimeUnit.SECONDS);
        }
        if (!reached) fail("the child ended without reaching the pause point (exit " + p.exitValue() + ")");
    }

    static String read(Process p) {
        try {
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }

    static void assertChecksumsHold(Path dumps) throws Exception {
        List<String> lines = Files.readAllLines(dumps.resolve(DumpFormat.CHECKSUMS));
        assertFalse(lines.isEmpty());
        for (String l : lines) {
            String[] parts = l.split("  ", 2);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(dumps.resolve(parts[1])));
            assertEquals(parts[0], HexFormat.of().formatHex(digest), parts[1] + " fails its SHA256SUMS in " + dumps);
        }
    }

    static String releaseId(Path store) throws IOException {
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(store.resolve("release.properties"))) {
            p.load(r);
        }
        return p.getProperty("release");
    }

    static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }
}
