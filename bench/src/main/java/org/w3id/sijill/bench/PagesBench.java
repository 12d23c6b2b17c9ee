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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.RDF;
import org.w3id.sijill.core.ProjectPaths;
import org.w3id.sijill.dump.DumpSettings;
import org.w3id.sijill.dump.ReleaseDumps;
import org.w3id.sijill.loader.ProgressListener;
import org.w3id.sijill.loader.StoreBuilder;
import org.w3id.sijill.release.ReleaseLayout;
import org.w3id.sijill.search.SearchIndexDefinition;
import org.w3id.sijill.search.TextIndexBuilder;
import org.w3id.sijill.vocab.SIJILL;

/**
 * Page and API latency as the store grows, and start to first answer. For each size it builds (once)
 * a store in the layout {@code sijill serve --store} serves ({@link ReleaseLayout}: a release folder
 * with the TDB2 store, its text index, {@code release.properties} and its dumps, behind the store
 * link): the ontology graph and the countries of the store built from {@code sources/}, plus
 * {@link SyntheticData#forCountries synthetic units} spread over those countries, so a country's own
 * laws, claims, organizations, passages and events grow with the size. Then it launches the real
 * server jar on it (loopback, a free port), times launch → first {@code 200} on {@code /$/ping},
 * {@code /} and {@code /page/country/LB}, and the median and p90 of every page and API answer over
 * {@code N} sequential requests after warm-up, with the ratio to the first size.
 *
 * <pre>{@code
 * bench/run-pages 10000 100000 1000000      # java ... PagesBench WORKDIR server/target/sijill.jar SIZE...
 * }</pre>
 */
public final class PagesBench {
    private PagesBench() {}

    // the JIT compiles an answer's code over its first few dozen requests (the document page at
    // 10^7 fell from 68 to 28 ms over 300); with 3 and 15 the median of one answer moved by up to
    // 1.5x from run to run
    static final int WARMUP = 30;
    static final int REQUESTS = 45;
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);
    static final String FOCUS = "LB";

    /** One timed request: a name, the path and query, and the headers it sends. */
    record Probe(String name, String path, String... headers) {}

    static List<Probe> probes() {
        String lookup = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT ?l WHERE { <" + SIJILL.ID + "country/LB> rdfs:label ?l }";
        return List.of(
                new Probe("landing `/`", "/"),
                new Probe("country `/page/country/LB`", "/page/country/LB"),
                new Probe("country timeline of a topic `/page/country/LB?topic=cybercrime`", "/page/country/LB?topic=cybercrime"),
                new Probe("law `/page/law/lb/1990/law-0`", "/page/law/lb/1990/law-0"),
                new Probe("organization `/page/org/org-0`", "/page/org/org-0"),
                new Probe("concept `/page/concept/law-topic/cybercrime`", "/page/concept/law-topic/cybercrime"),
                new Probe("document `/page/document/doc-0`", "/page/document/doc-0"),
                new Probe("passage `/page/document/doc-0/p/0`", "/page/document/doc-0/p/0"),
                new Probe("`/compare?country=LB&country=EG`", "/compare?country=LB&country=EG"),
                new Probe("`/matrix`", "/matrix"),
                new Probe("`/matrix?asOf=2020`", "/matrix?asOf=2020"),
                new Probe("`/map`", "/map"),
                new Probe("`/search?q=cybercrime`", "/search?q=cybercrime"),
                new Probe("`/api/search?q=cybercrime`", "/api/search?q=cybercrime"),
                new Probe("`/api/v1/countries`", "/api/v1/countries"),
                new Probe("`/api/v1/topics`", "/api/v1/topics"),
                new Probe("`/api/v1/instruments?country=LB`", "/api/v1/instruments?country=LB"),
                new Probe("`/api/v1/compare?country=LB&country=EG`", "/api/v1/compare?country=LB&country=EG"),
                new Probe("`/dataset`", "/dataset"),
                new Probe("`/.well-known/void`", "/.well-known/void"),
                new Probe("`/data/country/LB.ttl`", "/data/country/LB.ttl"),
                new Probe("`/sparql` label lookup", "/sparql?query=" + URLEncoder.encode(lookup, StandardCharsets.UTF_8),
                        "Accept", "application/sparql-results+json"));
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: PagesBench WORKDIR SERVER_JAR SIZE...");
            System.exit(2);
        }
        Path work = Path.of(args[0]).toAbsolutePath();
        Path jar = Path.of(args[1]).toAbsolutePath();
        List<Long> sizes = Arrays.stream(args, 2, args.length).map(Long::parseLong).toList();
        String heap = System.getenv().getOrDefault("SIJILL_JAVA_OPTS", "-Xmx2g");
        ProjectPaths paths = ProjectPaths.locate();

        Path base = work.resolve("base").resolve("store");
        if (ReleaseLayout.of(base).current().isEmpty()) new StoreBuilder(paths).build(paths.sources(), base, ProgressListener.NONE);
        Base b = Base.read(base);
        System.err.printf(Locale.ROOT, "base: %d quads (ontology graph and %d countries)%n", b.quads().size(), b.countries().size());

        List<Probe> probes = probes();
        Map<Long, Map<String, double[]>> results = new LinkedHashMap<>();
        Map<Long, long[]> starts = new LinkedHashMap<>();
        Map<Long, String> storeFacts = new LinkedHashMap<>();
        for (long size : sizes) {
            Path store = work.resolve("store-" + size).resolve("store");
            String facts = prepare(store, size, b, paths);
            storeFacts.put(size, facts);
            if (Boolean.getBoolean("pages.prepareOnly")) continue;
            Server s = Server.launch(jar, store, heap, work.resolve("server-" + size + ".log"));
            try {
                long[] first = s.firstAnswers("/$/ping", "/", "/page/country/" + FOCUS);
                // the pages are timed once the release's once-read figures are there too (VoID
                // statistics, the landing page's counts): before, /dataset answers 503 and / waits 2 s
                long ready = s.releaseRead();
                starts.put(size, new long[] {first[0], first[1], first[2], ready});
                System.err.printf(Locale.ROOT, "%d: start to first 200: ping %d ms, / %d ms, country %d ms; release read %d ms (load %s)%n",
                        size, first[0], first[1], first[2], ready, load());
                Map<String, double[]> row = new LinkedHashMap<>();
                for (Probe p : probes) {
                    double[] m = s.time(p);
                    row.put(p.name(), m);
                    System.err.printf(Locale.ROOT, "%d %s: status %d, median %.1f ms, p90 %.1f ms, %d bytes (load %.2f)%n",
                            size, p.name(), (int) m[0], m[1], m[2], (long) m[3], m[4]);
                }
                results.put(size, row);
            } finally {
                s.stop();
            }
        }
        if (Boolean.getBoolean("pages.prepareOnly")) return;
        String md = table(sizes, probes, results, starts, storeFacts);
        Files.writeString(work.resolve("pages-results.md"), md);
        System.out.println(md);
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static String table(List<Long> sizes, List<Probe> probes, Map<Long, Map<String, double[]>> results, Map<Long, long[]> starts,
                                Map<Long, String> facts) {
        StringBuilder md = new StringBuilder();
        long first = sizes.get(0);
        md.append("| store | facts |\n|---|---|\n");
        for (long size : sizes) md.append("| ").append(size).append(" | ").append(facts.get(size)).append(" |\n");
        md.append("\nStart to first 200 (ms from launching `java -jar sijill.jar serve`), and to the release read"
                + " (`/dataset` 200 and `/` with its counts, i.e. with an ETag; the pages below are timed after it):\n\n"
                + "| store | `/$/ping` | `/` | `/page/country/LB` | release read |\n|---|---:|---:|---:|---:|\n");
        for (long size : sizes) {
            long[] t = starts.get(size);
            md.append(String.format(Locale.ROOT, "| %d | %d | %d | %d | %d |%n", size, t[0], t[1], t[2], t[3]));
        }
        md.append("\nMedian / p90 ms over ").append(REQUESTS).append(" sequential requests after ").append(WARMUP)
                .append(" warm-up; ratio of the median to the ").append(first).append(" store; 1-minute load average when the probe started.\n\n| request |");
        for (long size : sizes) md.append(' ').append(size).append(" |");
        md.append(" ratio ").append(sizes.get(sizes.size() - 1)).append(" / ").append(first).append(" |\n|---|");
        md.append("---:|".repeat(sizes.size() + 1)).append('\n');
        for (Probe p : probes) {
            md.append("| ").append(p.name()).append(" |");
            double firstMedian = results.get(first).get(p.name())[1];
            double lastMedian = 0;
            for (long size : sizes) {
                double[] m = results.get(size).get(p.name());
                lastMedian = m[1];
                md.append(String.format(Locale.ROOT, " %s%.1f / %.1f (%.0f kB, load %.1f) |", m[0] == 200 ? "" : "**" + (int) m[0] + "** ",
                        m[1], m[2], m[3] / 1000, m[4]));
            }
            md.append(String.format(Locale.ROOT, " %.2f |%n", lastMedian / firstMedian));
        }
        return md.toString();
    }

    /** The part of the store built from {@code sources/} every bench store starts with. */
    record Base(List<Quad> quads, List<String> countries) {
        static Base read(Path store) {
            DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(store.toString());
            try {
                return Txn.calculateRead(dsg, () -> {
                    List<Quad> quads = new ArrayList<>();
                    Node onto = NodeFactory.createURI(StoreBuilder.ONTOLOGY_GRAPH);
                    dsg.find(onto, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(quads::add);
                    TreeSet<String> codes = new TreeSet<>();
                    Node member = SIJILL.arabLeagueMember.asNode();
                    dsg.find(Node.ANY, Node.ANY, RDF.Nodes.type, SIJILL.Country.asNode()).forEachRemaining(q -> {
                        Node c = q.getSubject();
                        if (!c.isURI() || !c.getURI().startsWith(SIJILL.ID + "country/")) return;
                        boolean arab = dsg.stream(Node.ANY, c, member, Node.ANY).anyMatch(m -> "true".equals(m.getObject().getLiteralLexicalForm()));
                        if (arab) codes.add(c.getURI().substring((SIJILL.ID + "country/").length()));
                    });
                    for (String cc : codes) {
                        Node c = NodeFactory.createURI(SIJILL.ID + "country/" + cc);
                        dsg.find(Node.ANY, c, Node.ANY, Node.ANY).forEachRemaining(q -> {
                            if (!q.getGraph().equals(onto)) quads.add(q);
                        });
                    }
                    if (!codes.contains(FOCUS)) throw new IllegalStateException("no Arab League country " + FOCUS + " in " + store);
                    List<String> ordered = new ArrayList<>();
                    ordered.add(FOCUS);
                    codes.stream().filter(c -> !c.equals(FOCUS)).forEach(ordered::add);
                    return new Base(quads, ordered);
                });
            } finally {
                TDBInternal.expel(dsg);
            }
        }
    }

    /** Builds the store of {@code size} quads once (a release behind the link at {@code store}). @return what it holds */
    static String prepare(Path store, long size, Base base, ProjectPaths paths) throws IOException {
        ReleaseLayout layout = ReleaseLayout.of(store);
        layout.recover();
        Optional<Path> current = layout.current();
        if (current.isPresent() && Files.isRegularFile(current.get().resolve("bench-ready"))) {
            return Files.readString(current.get().resolve("bench-ready")).trim();
        }
        Path folder = layout.newBuildFolder();
        long t0 = System.nanoTime();
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(folder.toString());
        DataLoader loader = LoaderFactory.parallelLoader(dsg, (fmt, fmtArgs) -> { });
        loader.startBulk();
        long quads;
        try {
            StreamRDF out = loader.stream();
            base.quads().forEach(out::quad);
            quads = base.quads().size() + SyntheticData.forCountries(Math.max(0, size - base.quads().size()), base.countries()).emit(out);
            loader.finishBulk();
        } catch (RuntimeException e) {
            loader.finishException(e);
            throw e;
        }
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        long focusFacts = Txn.calculateRead(dsg, () -> {
            Node c = NodeFactory.createURI(SIJILL.ID + "country/" + FOCUS);
            return dsg.stream(Node.ANY, Node.ANY, Node.ANY, c).count();
        });
        long t1 = System.nanoTime();
        long texts = TextIndexBuilder.build(dsg, folder.resolve(SearchIndexDefinition.FOLDER));
        double indexSeconds = (System.nanoTime() - t1) / 1e9;
        TDBInternal.expel(dsg);
        Instant built = Instant.now();
        String id = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC).format(built) + "-" + hex12("bench-pages-" + size);
        Files.write(folder.resolve(StoreBuilder.RELEASE_FILE), List.of("# bench/run-pages: synthetic store of " + size + " quads",
                "release=" + id, "built=" + built, "triples=" + quads, "quads=" + quads), StandardCharsets.UTF_8);
        long t2 = System.nanoTime();
        ReleaseDumps.write(folder, DumpSettings.fromProject(paths));
        double dumpSeconds = (System.nanoTime() - t2) / 1e9;
        String facts = String.format(Locale.ROOT, "%d quads; %d name <%scountry/%s> as object; %d texts indexed; load %.1f s, index %.1f s, dumps %.1f s",
                quads, focusFacts, SIJILL.ID, FOCUS, texts, loadSeconds, indexSeconds, dumpSeconds);
        Files.writeString(folder.resolve("bench-ready"), facts + "\n");
        layout.publish(folder, id);
        System.err.println("prepared " + store + ": " + facts);
        return facts;
    }

    private static String hex12(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8))).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The server jar running in its own process on a loopback port. */
    static final class Server {
        private final Process process;
        private final long launched;
        private final String base;
        private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        private Server(Process process, long launched, String base) {
            this.process = process;
            this.launched = launched;
            this.base = base;
        }

        static Server launch(Path jar, Path store, String heap, Path log) throws IOException {
            int port;
            try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(Arrays.asList(heap.trim().split("\\s+")));
            cmd.addAll(List.of("-jar", jar.toString(), "serve", "--port", Integer.toString(port), "--store", store.toString()));
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new Server(p, t0, "http://127.0.0.1:" + port);
        }

        /** @return milliseconds from launch to the first 200 of each path, polled one after the other */
        long[] firstAnswers(String... paths) throws InterruptedException {
            long[] out = new long[paths.length];
            long deadline = launched + TimeUnit.MINUTES.toNanos(10);
            for (int i = 0; i < paths.length; i++) {
                while (true) {
                    if (!process.isAlive()) throw new IllegalStateException("the server stopped; see its log");
                    if (System.nanoTime() > deadline) throw new IllegalStateException("no 200 on " + paths[i] + " within 10 minutes");
                    try {
                        HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(base + paths[i])).timeout(REQUEST_TIMEOUT).GET().build(),
                                HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() == 200) break;
                    } catch (IOException e) {
                        // not listening yet
                    }
                    Thread.sleep(10);
                }
                out[i] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - launched);
            }
            return out;
        }

        /** @return milliseconds from launch until {@code /dataset} answers 200 and {@code /} carries its counts (an ETag), polled every 0.5 s, at most 30 minutes */
        long releaseRead() throws InterruptedException {
            long deadline = launched + TimeUnit.MINUTES.toNanos(30);
            while (true) {
                if (!process.isAlive()) throw new IllegalStateException("the server stopped; see its log");
                if (System.nanoTime() > deadline) throw new IllegalStateException("the release was not read within 30 minutes");
                try {
                    HttpResponse<Void> d = client.send(HttpRequest.newBuilder(URI.create(base + "/dataset")).timeout(REQUEST_TIMEOUT).GET().build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (d.statusCode() == 200) {
                        HttpResponse<Void> l = client.send(HttpRequest.newBuilder(URI.create(base + "/")).timeout(REQUEST_TIMEOUT).GET().build(),
                                HttpResponse.BodyHandlers.discarding());
                        if (l.statusCode() == 200 && l.headers().firstValue("ETag").isPresent()) {
                            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - launched);
                        }
                    }
                } catch (IOException e) {
                    throw new IllegalStateException("the server stopped answering: " + e, e);
                }
                Thread.sleep(500);
            }
        }

        /** @return status, median ms, p90 ms, bytes, load average at the start */
        double[] time(Probe p) throws Exception {
            double load = Double.parseDouble(load());
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + p.path())).timeout(REQUEST_TIMEOUT).GET()
                    .header("Accept-Language", "en");
            if (p.headers().length > 0) b.headers(p.headers());
            HttpRequest req = b.build();
            int status = 0;
            long bytes = 0;
            for (int i = 0; i < WARMUP; i++) client.send(req, HttpResponse.BodyHandlers.ofByteArray());
            long[] ns = new long[REQUESTS];
            for (int i = 0; i < REQUESTS; i++) {
                long t = System.nanoTime();
                HttpResponse<byte[]> r = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
                ns[i] = System.nanoTime() - t;
                status = r.statusCode();
                bytes = r.body().length;
            }
            Arrays.sort(ns);
            return new double[] {status, ns[REQUESTS / 2] / 1e6, ns[(int) Math.ceil(0.9 * REQUESTS) - 1] / 1e6, bytes, load};
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        }
    }
}
