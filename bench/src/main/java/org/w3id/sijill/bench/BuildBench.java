package org.w3id.sijill.bench;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * The build benchmark ({@code bench/run-build}): per size, a sources folder with that many
 * synthetic table rows ({@link SyntheticSources}), then, interleaved, {@code ./sijill build} on it
 * (wall time, and its stage times as the build prints them) and Jena's {@code tdb2.tdbloader}
 * (its default loader, in its own JVM) loading the same quads, exported from the build's store as
 * N-Quads, into a fresh TDB2 folder. Writes {@code WORKDIR/build-results.md}. {@code BUILD_JARS=a=A.jar,b=B.jar}
 * times the build of each jar in every round (an A/B); a stage's parts that run side by side are
 * listed with their own times ({@code ↳ … (concurrent)}), not added to the stages' sum.
 *
 * <pre>{@code
 * BuildBench WORKDIR SIJILL_HOME TDBLOADER_CLASSPATH ROUNDS 10000 1000000
 * }</pre>
 */
public final class BuildBench {
    private static final Pattern STAGE = Pattern.compile("^sijill build: (.+) done(?: \\(\\d+\\))? in (\\d+) ms$");
    /** A part of a stage that runs beside its other parts: its own time, within the stage's (not added to the stages' sum). */
    private static final Pattern PART = Pattern.compile("^sijill build:   (.+) finished in (\\d+) ms \\(concurrent\\)$");
    /** The prefix of a part's name in {@link Run#stagesMs}. */
    private static final String PART_PREFIX = "↳ ";
    private static final String HEAP = "-Xmx4g";

    private BuildBench() {}

    /** One timed run. */
    private record Run(long size, int round, String what, double seconds, double cpuSeconds, String load, Map<String, Long> stagesMs, String note) {}

    private static final Pattern CPU = Pattern.compile("^bench-cpu ([0-9.]+) ([0-9.]+)$");

    /** The command run under /usr/bin/time, which prints the process's user and system CPU seconds. */
    private static List<String> timed(String... command) {
        List<String> c = new ArrayList<>(List.of("/usr/bin/time", "-f", "bench-cpu %U %S"));
        c.addAll(List.of(command));
        return c;
    }

    private static double cpu(String line, double sofar) {
        Matcher m = CPU.matcher(line);
        return m.matches() ? Double.parseDouble(m.group(1)) + Double.parseDouble(m.group(2)) : sofar;
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]).toAbsolutePath();
        Path home = Path.of(args[1]).toAbsolutePath();
        String loaderCp = args[2];
        int rounds = Integer.parseInt(args[3]);
        List<Long> sizes = new ArrayList<>();
        for (int i = 4; i < args.length; i++) sizes.add(Long.parseLong(args[i]));
        if (sizes.isEmpty()) sizes = List.of(10_000L, 1_000_000L);
        List<Run> runs = new ArrayList<>();
        StringBuilder md = new StringBuilder();
        for (long size : sizes) {
            Path dir = work.resolve("build-" + size);
            Files.createDirectories(dir);
            Path sources = dir.resolve("sources");
            long t0 = System.nanoTime();
            SyntheticSources.write(home.resolve("sources"), sources, size);
            System.err.printf(Locale.ROOT, "bench: sources with %d synthetic rows ready in %.1f s%n", size, secs(t0));
            Path nq = dir.resolve("store.nq");
            long quads = -1;
            for (int r = 1; r <= rounds; r++) {
                for (Map.Entry<String, String> jar : jars(home).entrySet()) {
                    Path b = dir.resolve("b");
                    SyntheticSources.deleteTree(b);
                    Files.createDirectories(b);
                    Run build = build(home, jar.getKey(), jar.getValue(), sources, b.resolve("store"), size, r);
                    runs.add(build);
                    print(build);
                    if (quads < 0) {
                        quads = exportNQuads(b.resolve("store"), nq);
                    }
                    SyntheticSources.deleteTree(b);
                }
                Path tdb = dir.resolve("tdbloader");
                SyntheticSources.deleteTree(tdb);
                Run load = tdbloader(loaderCp, tdb, nq, size, r);
                runs.add(load);
                print(load);
                SyntheticSources.deleteTree(tdb);
            }
            md.append(table(size, quads, runs.stream().filter(x -> x.size() == size).toList()));
            Files.writeString(work.resolve("build-results.md"), md.toString());
        }
        System.out.println(md);
    }

    /**
     * The jars whose {@code build} is timed, by label: {@code BUILD_JARS="main=/tmp/main.jar,branch=/tmp/b.jar"}
     * (an A/B, one after the other in each round), else {@code BUILD_JAR}, else the project's jar.
     */
    private static Map<String, String> jars(Path home) {
        Map<String, String> jars = new LinkedHashMap<>();
        String list = System.getenv("BUILD_JARS");
        if (list != null && !list.isBlank()) {
            for (String item : list.split(",")) {
                int eq = item.indexOf('=');
                if (eq <= 0) throw new IllegalArgumentException("BUILD_JARS: expected label=path, got '" + item + "'");
                jars.put(item.substring(0, eq).strip(), item.substring(eq + 1).strip());
            }
            return jars;
        }
        jars.put("", System.getenv().getOrDefault("BUILD_JAR", home.resolve("server/target/sijill.jar").toString()));
        return jars;
    }

    private static Run build(Path home, String label, String jar, Path sources, Path store, long size, int round) throws IOException, InterruptedException {
        // what ./sijill does once its jar is current: java -jar with SIJILL_HOME (a copied jar may be given, so
        // that editing the code during a run does not make ./sijill rebuild it in the middle of the benchmark)
        ProcessBuilder pb = new ProcessBuilder(timed("java", HEAP, "-jar", jar, "build", "--sources", sources.toString(),
                "--store", store.toString(), "--keep", "1")).redirectErrorStream(true);
        pb.environment().put("SIJILL_HOME", home.toString());
        String load = load();
        long t0 = System.nanoTime();
        Process p = pb.start();
        Map<String, Long> stages = new LinkedHashMap<>();
        double cpu = Double.NaN;
        List<String> tail = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                Matcher m = STAGE.matcher(line);
                if (m.matches()) stages.merge(m.group(1).replaceAll("\\d+", "N"), Long.parseLong(m.group(2)), Long::sum);
                Matcher part = PART.matcher(line);
                if (part.matches()) stages.merge(PART_PREFIX + part.group(1).replaceAll("\\d+", "N") + " (concurrent)", Long.parseLong(part.group(2)), Long::sum);
                cpu = cpu(line, cpu);
                tail.add(line);
                if (tail.size() > 40) tail.remove(0);
            }
        }
        int rc = p.waitFor();
        double s = secs(t0);
        if (rc != 0) throw new IllegalStateException("sijill build failed (" + rc + "):\n" + String.join("\n", tail));
        return new Run(size, round, label.isEmpty() ? "sijill build" : "sijill build (" + label + ")", s, cpu, load, stages, "");
    }

    private static Run tdbloader(String cp, Path tdb, Path nq, long size, int round) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(timed("java", HEAP, "-cp", cp, "tdb2.tdbloader", "--loc", tdb.toString(), nq.toString()))
                .redirectErrorStream(true);
        String load = load();
        long t0 = System.nanoTime();
        Process p = pb.start();
        String last = "";
        double cpu = Double.NaN;
        List<String> tail = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.contains("Finished")) last = line.replaceAll("^.*?(Finished)", "$1");
                cpu = cpu(line, cpu);
                tail.add(line);
                if (tail.size() > 40) tail.remove(0);
            }
        }
        int rc = p.waitFor();
        double s = secs(t0);
        if (rc != 0) throw new IllegalStateException("tdb2.tdbloader failed (" + rc + "):\n" + String.join("\n", tail));
        return new Run(size, round, "tdb2.tdbloader", s, cpu, load, Map.of(), last);
    }

    /** Writes every quad of the store at {@code store} as N-Quads. @return the number of quads */
    private static long exportNQuads(Path store, Path nq) throws IOException {
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(store.toRealPath().toString());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(nq), 1 << 16)) {
            return Txn.calculateRead(dsg, () -> {
                RDFDataMgr.write(out, dsg, RDFFormat.NQUADS);
                long n = 0;
                for (var it = dsg.find(); it.hasNext(); it.next()) n++;
                return n;
            });
        } finally {
            TDBInternal.expel(dsg);
        }
    }

    private static String table(long size, long quads, List<Run> runs) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%n### %,d synthetic rows (%,d quads in the store)%n%n", size, quads));
        b.append("| round | command | wall s | CPU s (user+sys) | load (1 min) at start | notes |\n|---:|---|---:|---:|---:|---|\n");
        for (Run r : runs) {
            b.append(String.format(Locale.ROOT, "| %d | %s | %.1f | %.1f | %s | %s |%n", r.round(), r.what(), r.seconds(), r.cpuSeconds(), r.load(), r.note()));
        }
        List<Run> builds = runs.stream().filter(r -> r.what().startsWith("sijill build")).toList();
        Map<String, List<Long>> stages = new LinkedHashMap<>();
        for (int i = 0; i < builds.size(); i++) {
            int col = i;
            builds.get(i).stagesMs().forEach((k, v) -> {
                List<Long> row = stages.computeIfAbsent(k, x -> new ArrayList<>(java.util.Collections.nCopies(builds.size(), (Long) null)));
                row.set(col, v);
            });
        }
        b.append("\n| build stage | ").append(String.join(" | ", builds.stream().map(r -> "round " + r.round()
                        + r.what().substring("sijill build".length()) + " s").toList()))
                .append(" |\n|---|").append("---:|".repeat(builds.size())).append('\n');
        // a stage's parts are printed before the stage's own line: list them after it
        List<String> order = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        for (String k : stages.keySet()) {
            if (k.startsWith(PART_PREFIX)) {
                pending.add(k);
            } else {
                order.add(k);
                order.addAll(pending);
                pending.clear();
            }
        }
        order.addAll(pending);
        for (String k : order) {
            b.append("| ").append(k).append(" | ").append(String.join(" | ", stages.get(k).stream()
                    .map(ms -> ms == null ? "–" : String.format(Locale.ROOT, "%.1f", ms / 1000.0)).toList())).append(" |\n");
        }
        b.append("| (outside the stages: JVM start, jar check, exit) | ").append(String.join(" | ", builds.stream().map(r ->
                String.format(Locale.ROOT, "%.1f", r.seconds() - stageSum(r) / 1000.0)).toList()))
                .append(" |\n\n");
        for (Run bu : builds) {
            Run lo = runs.stream().filter(r -> r.round() == bu.round() && r.what().equals("tdb2.tdbloader")).findFirst().orElse(null);
            if (lo == null) continue;
            double after = afterStore(bu) / 1000.0;
            b.append(String.format(Locale.ROOT, "Round %d%s, wall: whole build %.1f s / tdbloader %.1f s = **%.2f×**; build up to the validated TDB2 store "
                    + "(without the text index, dumps and descriptions: %.1f s) %.1f s = **%.2f×**. CPU: whole build %.1f s / tdbloader %.1f s = **%.2f×**%n%n",
                    bu.round(), bu.what().substring("sijill build".length()), bu.seconds(), lo.seconds(), bu.seconds() / lo.seconds(), after,
                    bu.seconds() - after, (bu.seconds() - after) / lo.seconds(), bu.cpuSeconds(), lo.cpuSeconds(), bu.cpuSeconds() / lo.cpuSeconds()));
        }
        return b.toString();
    }

    /** @return the sum of a build's stage times (not of the parts within them), ms */
    private static long stageSum(Run r) {
        return r.stagesMs().entrySet().stream().filter(e -> !e.getKey().startsWith(PART_PREFIX)).mapToLong(Map.Entry::getValue).sum();
    }

    /**
     * @return the ms of a build after its store is complete and validated, which tdbloader has no counterpart of:
     *         the text index and dumps stages, or, when they run beside the validation in one stage, that
     *         stage less its validation and counting parts
     */
    private static long afterStore(Run r) {
        long ms = 0;
        for (Map.Entry<String, Long> e : r.stagesMs().entrySet()) {
            String k = e.getKey();
            if (afterStore(k)) ms += e.getValue();
            if (!k.startsWith(PART_PREFIX) && k.startsWith("validating, indexing and writing dumps")) {
                long checks = r.stagesMs().entrySet().stream().filter(p -> p.getKey().startsWith(PART_PREFIX + "validating with SHACL")
                        || p.getKey().startsWith(PART_PREFIX + "counting")).mapToLong(Map.Entry::getValue).sum();
                ms += Math.max(0, e.getValue() - checks);
            }
        }
        return ms;
    }

    /** Stages that tdbloader has no counterpart of and that come after the store is complete. */
    private static boolean afterStore(String stage) {
        return stage.startsWith("building the text index") || stage.startsWith("writing dumps") || stage.startsWith("publishing the dumps");
    }

    private static void print(Run r) {
        System.err.printf(Locale.ROOT, "bench: %,d rows round %d %s: %.1f s, CPU %.1f s (load %s) %s %s%n", r.size(), r.round(), r.what(), r.seconds(), r.cpuSeconds(),
                r.load(), r.note(), r.stagesMs().isEmpty() ? "" : r.stagesMs());
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
