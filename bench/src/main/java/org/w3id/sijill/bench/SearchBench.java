package org.w3id.sijill.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.w3id.sijill.core.ProjectPaths;
import org.w3id.sijill.loader.ProgressListener;
import org.w3id.sijill.loader.StoreBuilder;
import org.w3id.sijill.search.SearchIndexDefinition;
import org.w3id.sijill.search.TextIndexBuilder;
import org.w3id.sijill.server.SijillServer;
import org.w3id.sijill.server.search.SearchModule;

/**
 * Search latency benchmark: {@code GET /api/search} on a real server (the project's Fuseki
 * configuration, port 0, the search module) over (a) the store built from {@code sources/} and
 * (b) a synthetic Sijill-shaped store of a given size with its text index, at 1 and 8 concurrent
 * clients; reports p50/p99 latency and throughput to {@code bench/out/search-results.md}.
 * Client and server share one JVM (loopback HTTP).
 *
 * <pre>{@code
 * bench/run-search            # real store and a 10^6-triple synthetic store
 * }</pre>
 */
public final class SearchBench {
    private SearchBench() {}

    static final List<String> QUERIES = List.of("NTRA", "الجهاز القومى لتنظيم الاتصالات", "cybercrime law", "حماية البيانات الشخصية",
            "telecommunications authority", "مصر", "Egypt", "electronic transactions", "قانون مكافحة جرائم تقنية المعلومات", "Q-CERT");
    static final int[] CLIENTS = {1, 8};
    static final int REQUESTS_PER_CLIENT = 200;

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: SearchBench WORKDIR SYNTHETIC_SIZE");
            System.exit(2);
        }
        Path work = Path.of(args[0]).toAbsolutePath();
        long size = Long.parseLong(args[1]);
        ProjectPaths paths = ProjectPaths.locate();
        StringBuilder md = new StringBuilder("| store | triples | clients | requests | p50 ms | p99 ms | requests/s |\n|---|---|---|---|---|---|---|\n");

        Path real = work.resolve("search-real").resolve("store");
        if (!Files.isDirectory(real.resolve(SearchIndexDefinition.FOLDER))) {
            new StoreBuilder(paths).build(paths.sources(), real, ProgressListener.NONE);
        }
        measure("real (sources/)", real, paths, md);

        Path synth = work.resolve("search-synthetic-" + size);
        BenchMain.prepare(synth, size);
        if (!Files.isDirectory(synth.resolve(SearchIndexDefinition.FOLDER))) {
            DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(synth.toString());
            long t0 = System.nanoTime();
            long docs = TextIndexBuilder.build(dsg, synth.resolve(SearchIndexDefinition.FOLDER));
            System.err.printf(Locale.ROOT, "indexed %s: %d texts in %.1f s%n", synth, docs, (System.nanoTime() - t0) / 1e9);
            TDBInternal.expel(dsg);
        }
        measure("synthetic " + size, synth, paths, md);
        Files.writeString(work.resolve("search-results.md"), md.toString());
        System.out.println(md);
    }

    private static void measure(String name, Path store, ProjectPaths paths, StringBuilder md) throws Exception {
        SijillServer server = SijillServer.builder().config(paths.fusekiConfig().resolve("sijill.ttl")).store(store).port(0)
                .timeout(Duration.ofSeconds(30)).addModule(new SearchModule()).build().start();
        try {
            String base = "http://localhost:" + server.port() + "/api/search?limit=20&q=";
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            long triples = countTriples(store);
            run(client, base, 1, 50); // warm-up
            for (int clients : CLIENTS) {
                long t0 = System.nanoTime();
                long[] lat = run(client, base, clients, REQUESTS_PER_CLIENT);
                double seconds = (System.nanoTime() - t0) / 1e9;
                Arrays.sort(lat);
                md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.1f | %.1f | %.0f |%n", name, triples, clients, lat.length,
                        pct(lat, 0.50), pct(lat, 0.99), lat.length / seconds));
                System.err.print(md.substring(md.lastIndexOf("| " + name)));
            }
        } finally {
            server.stop();
        }
    }

    private static long countTriples(Path store) {
        try {
            Path release = store.resolve("release.properties");
            if (Files.isRegularFile(release)) {
                for (String l : Files.readAllLines(release)) if (l.startsWith("triples=")) return Long.parseLong(l.substring(8));
            }
            Path ready = store.resolve("bench-ready");
            if (Files.isRegularFile(ready)) {
                for (String l : Files.readAllLines(ready)) if (l.startsWith("quads=")) return Long.parseLong(l.substring(6));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return -1;
    }

    private static long[] run(HttpClient client, String base, int clients, int perClient) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                final int offset = c;
                futures.add(pool.submit(() -> {
                    long[] out = new long[perClient];
                    for (int i = 0; i < perClient; i++) {
                        String q = QUERIES.get((i + offset) % QUERIES.size());
                        HttpRequest req = HttpRequest.newBuilder(URI.create(base + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                                .timeout(Duration.ofSeconds(60)).GET().build();
                        long t = System.nanoTime();
                        HttpResponse<byte[]> r = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
                        out[i] = System.nanoTime() - t;
                        if (r.statusCode() != 200) throw new IllegalStateException(q + " → " + r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8));
                    }
                    return out;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<long[]> f : futures) for (long v : f.get()) all.add(v);
            return all.stream().mapToLong(Long::longValue).toArray();
        } finally {
            pool.shutdown();
        }
    }

    private static double pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
