package org.w3id.sijill.bench;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.w3id.sijill.dump.JsonLdContext;
import org.w3id.sijill.dump.StreamingJsonLdWriter;

/**
 * The dump benchmark. {@code all WORKDIR SIZE...} builds one TDB2 store of synthetic Sijill-shaped
 * data per size, then runs each writer on it one after another, each in a fresh JVM (so heap peaks
 * do not mix and a capped run can be stopped), and writes {@code WORKDIR/results.md}.
 * {@code prepare STORE SIZE} and {@code run STORE WRITER OUT} are the two steps.
 *
 * <pre>{@code
 * bench/run 100000 1000000
 * }</pre>
 */
public final class BenchMain {
    /** Writers, in run order. */
    static final List<String> WRITERS = List.of("sijill-streaming", "jena-nquads", "jena-jsonld11-compact", "jsonld-java-compact");
    static final long JSONLD_JAVA_CAP_SECONDS = 300;
    static final long CAP_SECONDS = 1800;
    static final String HEAP = "-Xmx8g";
    static final String SMALL_HEAP = "-Xmx256m";

    public static void main(String[] args) throws Exception {
        if (args.length == 0) usage();
        switch (args[0]) {
            case "prepare" -> prepare(Path.of(args[1]), Long.parseLong(args[2]));
            case "run" -> run(Path.of(args[1]), args[2], Path.of(args[3]));
            case "all" -> all(Path.of(args[1]), java.util.Arrays.stream(args, 2, args.length).map(Long::parseLong).toList());
            default -> usage();
        }
    }

    private static void usage() {
        System.err.println("usage: BenchMain all WORKDIR SIZE... | prepare STORE SIZE | run STORE WRITER OUT");
        System.exit(2);
    }

    static void prepare(Path store, long size) throws IOException {
        Path ready = store.resolve("bench-ready");
        if (Files.exists(ready)) return;
        Files.createDirectories(store);
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(store.toString());
        long t0 = System.nanoTime();
        DataLoader loader = LoaderFactory.parallelLoader(dsg, (fmt, fmtArgs) -> { });
        loader.startBulk();
        long n;
        try {
            n = new SyntheticData(size).emit(loader.stream());
            loader.finishBulk();
        } catch (RuntimeException e) {
            loader.finishException(e);
            throw e;
        }
        // the context's prefixes, so that Jena's compacted writer compacts as well as ours
        Txn.executeWrite(dsg, () -> JsonLdContext.published().prefixes().forEach((p, ns) -> dsg.prefixes().add(p, ns)));
        long quads = Txn.calculateRead(dsg, () -> dsg.stream().count());
        Files.writeString(ready, "generated=" + n + "\nquads=" + quads + "\nloadSeconds=" + (System.nanoTime() - t0) / 1e9 + "\n");
        System.err.printf(Locale.ROOT, "prepared %s: %d quads in %.1f s%n", store, quads, (System.nanoTime() - t0) / 1e9);
    }

    static void run(Path store, String writer, Path out) throws Exception {
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(store.toString());
        long quads = Txn.calculateRead(dsg, () -> dsg.stream().count());
        HeapMonitor monitor = HeapMonitor.start();
        com.sun.management.OperatingSystemMXBean osBean =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = osBean.getProcessCpuTime();
        long t0 = System.nanoTime();
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            Txn.executeRead(dsg, () -> write(writer, dsg, os));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuSeconds = (osBean.getProcessCpuTime() - cpu0) / 1e9;
        HeapMonitor.Peaks p = monitor.stop();
        System.out.printf(Locale.ROOT, "RESULT\t%s\t%d\t%.3f\t%d\t%d\t%d\t%d\t%.3f%n", writer, quads, seconds, p.peakUsed(), p.peakAfterGc(),
                p.baseline(), Files.size(out), cpuSeconds);
    }

    private static void write(String writer, DatasetGraph dsg, OutputStream os) {
        switch (writer) {
            case "sijill-streaming" -> new StreamingJsonLdWriter(JsonLdContext.published()).write(dsg, os);
            case "jena-nquads" -> RDFDataMgr.write(os, dsg, RDFFormat.NQUADS);
            case "jena-jsonld11-compact" -> RDFDataMgr.write(os, dsg, RDFFormat.JSONLD11_PRETTY);
            case "jsonld-java-compact" -> jsonldJava(dsg, os);
            default -> throw new IllegalArgumentException("unknown writer " + writer);
        }
    }

    /** jsonld-java: N-Quads → fromRDF → compact with the Sijill context (given inline: no network). */
    private static void jsonldJava(DatasetGraph dsg, OutputStream os) {
        try {
            StringWriter nq = new StringWriter();
            RDFDataMgr.write(nq, dsg, Lang.NQUADS);
            com.github.jsonldjava.core.JsonLdOptions opts = new com.github.jsonldjava.core.JsonLdOptions();
            opts.format = com.github.jsonldjava.core.JsonLdConsts.APPLICATION_NQUADS;
            Object expanded = com.github.jsonldjava.core.JsonLdProcessor.fromRDF(nq.toString(), opts);
            Object context = com.github.jsonldjava.utils.JsonUtils.fromString(JsonLdContext.published().json());
            Object compacted = com.github.jsonldjava.core.JsonLdProcessor.compact(expanded, context, opts);
            Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
            com.github.jsonldjava.utils.JsonUtils.writePrettyPrint(w, compacted);
            w.flush();
        } catch (Exception e) {
            throw new IllegalStateException("jsonld-java failed: " + e.getMessage(), e);
        }
    }

    /** One writer's run; {@code cpuSeconds} is the process's CPU time during the write (all threads, GC included). */
    record Row(long size, String writer, String status, long quads, double seconds, long peakUsed, long peakAfterGc, long baseline, long bytes,
            double cpuSeconds, String load) {
        double rate() { return quads / seconds; }
    }

    static void all(Path work, List<Long> sizes) throws Exception {
        Files.createDirectories(work);
        String java = ProcessHandle.current().info().command().orElse("java");
        String cp = System.getProperty("java.class.path");
        List<Row> rows = new ArrayList<>();
        Map<String, Boolean> skip = new LinkedHashMap<>();
        // writers left out on request, e.g. BENCH_SKIP=jsonld-java-compact (it misses its cap from 10^5 on)
        List<String> notRun = List.of(System.getenv().getOrDefault("BENCH_SKIP", "").split("[ ,]+"));
        for (long size : sizes) {
            Path store = work.resolve("store-" + size);
            exec(List.of(java, HEAP, "-cp", cp, BenchMain.class.getName(), "prepare", store.toString(), Long.toString(size)), 7200, null);
            List<String[]> plan = new ArrayList<>();
            for (String w : WRITERS) plan.add(new String[] {w, HEAP});
            plan.add(new String[] {"sijill-streaming", SMALL_HEAP});
            for (String[] run : plan) {
                String writer = run[0];
                String label = writer + (run[1].equals(HEAP) ? "" : " (" + run[1] + ")");
                if (notRun.contains(writer)) {
                    rows.add(new Row(size, label, "not run (BENCH_SKIP)", 0, 0, 0, 0, 0, 0, 0, load()));
                    continue;
                }
                if (skip.getOrDefault(writer, false)) {
                    rows.add(new Row(size, label, "skipped (did not finish within the cap at a smaller size)", 0, 0, 0, 0, 0, 0, 0, load()));
                    continue;
                }
                long cap = writer.equals("jsonld-java-compact") ? JSONLD_JAVA_CAP_SECONDS : CAP_SECONDS;
                Path out = work.resolve("out-" + size + "-" + writer + ".jsonld");
                List<String> cmd = List.of(java, run[1], "-cp", cp, BenchMain.class.getName(), "run", store.toString(), writer, out.toString());
                System.err.printf("size %d: %s …%n", size, label);
                StringBuilder stdout = new StringBuilder();
                String load = load();
                String status = exec(cmd, cap, stdout);
                Row row = null;
                for (String line : stdout.toString().split("\n")) {
                    if (!line.startsWith("RESULT\t")) continue;
                    String[] f = line.split("\t");
                    row = new Row(size, label, "ok", Long.parseLong(f[2]), Double.parseDouble(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5]),
                            Long.parseLong(f[6]), Long.parseLong(f[7]), Double.parseDouble(f[8]), load);
                }
                if (row == null) {
                    row = new Row(size, label, status, 0, 0, 0, 0, 0, 0, 0, load);
                    if (status.startsWith("timeout")) skip.put(writer, true);
                }
                rows.add(row);
                Files.deleteIfExists(out);
                System.err.println("  " + row);
                Files.writeString(work.resolve("results.md"), table(rows));
            }
        }
        System.out.println(table(rows));
    }

    /** Runs a child JVM; @return "ok", "timeout after N s" or "failed (exit N): last lines of stderr". */
    private static String exec(List<String> cmd, long capSeconds, StringBuilder stdout) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Path err = Files.createTempFile("bench", ".err");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (stdout != null) stdout.append(line).append('\n');
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        reader.start();
        boolean done = p.waitFor(capSeconds, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly().waitFor();
            reader.join();
            return "timeout after " + capSeconds + " s";
        }
        reader.join();
        String e = Files.readString(err);
        Files.deleteIfExists(err);
        if (p.exitValue() != 0) {
            String[] lines = e.strip().split("\n");
            String tail = String.join(" | ", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 3), lines.length));
            if (e.contains("OutOfMemoryError")) return "failed: OutOfMemoryError";
            return "failed (exit " + p.exitValue() + "): " + tail;
        }
        return "ok";
    }

    static String table(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("| triples | writer | status | seconds | triples/s | heap before (MB) | peak heap used (MB) | peak after GC (MB) | run's own peak after GC (MB) | output bytes | vs Jena JSON-LD 1.1 compact | vs Jena N-Quads | CPU s | vs N-Quads by CPU | load (1 min) |\n");
        sb.append("|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            if (!r.status().equals("ok")) {
                sb.append(String.format(Locale.ROOT, "| %,d | %s | %s | | | | | | | | | | | | %s |%n", r.size(), r.writer(), r.status(), r.load()));
                continue;
            }
            Row jc = find(rows, r.size(), "jena-jsonld11-compact");
            Row nq = find(rows, r.size(), "jena-nquads");
            sb.append(String.format(Locale.ROOT, "| %,d | %s | ok | %.2f | %,.0f | %,.0f | %,.0f | %,.0f | %,.0f | %,d | %s | %s | %.2f | %s | %s |%n", r.quads(), r.writer(), r.seconds(),
                    r.rate(), r.baseline() / 1e6, r.peakUsed() / 1e6, r.peakAfterGc() / 1e6, Math.max(0, r.peakAfterGc() - r.baseline()) / 1e6, r.bytes(),
                    jc == null ? "n/a" : String.format(Locale.ROOT, "%.2f×", r.rate() / jc.rate()),
                    nq == null ? "n/a" : String.format(Locale.ROOT, "%.2f×", r.rate() / nq.rate()),
                    r.cpuSeconds(), nq == null ? "n/a" : String.format(Locale.ROOT, "%.2f×", nq.cpuSeconds() / r.cpuSeconds()), r.load()));
        }
        return sb.toString();
    }

    /** @return the 1-minute load average, from /proc/loadavg */
    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "n/a";  // not Linux: no load figure
        }
    }

    private static Row find(List<Row> rows, long size, String writer) {
        return rows.stream().filter(x -> x.size() == size && x.writer().equals(writer) && x.status().equals("ok")).findFirst().orElse(null);
    }
}
