package org.w3id.sijill.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.sijill.core.ProjectPaths;

/**
 * Issue 12, item 3: malformed requests get a 4xx with a reason, never a 5xx. First the cases the
 * attack pass found, then a seeded fuzz of 10^4 malformed requests over every
 * path of the server as {@code serve} assembles it (all modules: pages, dumps, named queries; on the
 * fixture store, so that the many pages rendered stay cheap on a loaded machine), sent
 * over raw loopback sockets so that broken escapes and headers reach the server as they are,
 * each worker's requests one after another on a kept-alive connection.
 */
class MalformedRequestFuzzTest {
    static final int FUZZ_REQUESTS = Integer.getInteger("sijill.fuzz.requests", 10_000);
    static final long SEED = 12L;

    static SijillServer server;
    static int port;

    @BeforeAll
    static void start(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        ProjectPaths paths = ProjectPaths.locate();
        java.nio.file.Path store = TestStores.fixtureStore();
        writeRelease(store);
        server = SijillServer.builder().config(TestStores.CONFIG).store(store)
                .ontology(paths.ontology().resolve("sijill.ttl")).port(0).timeout(java.time.Duration.ofSeconds(5))
                .addModules(StandardModules.of(paths, java.time.Duration.ofSeconds(5), tmp.resolve("dumps"), null))
                .build().start();
        port = server.port();
        DumpsReady.await(port, java.time.Duration.ofSeconds(120));
    }

    /**
     * Describes the fixture store as the loader describes a build (the dumps need it): the id from
     * the date and the fixture's SHA-256, the triple and quad counts from the store itself.
     */
    static void writeRelease(java.nio.file.Path store) throws Exception {
        byte[] fixture;
        try (InputStream in = TestStores.resource("fixture.trig")) {
            fixture = in.readAllBytes();
        }
        String hex = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(fixture));
        var ds = org.apache.jena.tdb2.TDB2Factory.connectDataset(store.toString());
        long[] counts = org.apache.jena.system.Txn.calculateRead(ds, () -> {
            var dsg = ds.asDatasetGraph();
            long quads = 0;
            for (var it = dsg.listGraphNodes(); it.hasNext(); ) quads += dsg.getGraph(it.next()).size();
            long triples = dsg.stream().map(q -> q.asTriple()).distinct().count();
            return new long[] {triples, quads};
        });
        java.nio.file.Files.writeString(store.resolve(Release.FILE), "release=" + TestStores.BUILT.substring(0, 10) + "-" + hex.substring(0, 12)
                + "\nbuilt=" + TestStores.BUILT + "\ntriples=" + counts[0] + "\nquads=" + counts[1] + "\n");
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop();
    }

    /** One raw HTTP/1.1 exchange; the status code and the start of the body. */
    record Answer(int status, String body) {}

    static Answer send(String method, String target, List<String> headers, byte[] body) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: localhost:").append(port).append("\r\nConnection: close\r\n");
            for (String h : headers) head.append(h).append("\r\n");
            if (body != null) head.append("Content-Length: ").append(body.length).append("\r\n");
            head.append("\r\n");
            OutputStream out = s.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) out.write(body);
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] buf = new byte[16384];
            for (int n; (n = in.read(buf)) >= 0; ) {
                if (all.size() < 65536) all.write(buf, 0, n);
            }
            String text = all.toString(StandardCharsets.ISO_8859_1);
            if (!text.startsWith("HTTP/1.1 ")) return new Answer(-1, text.substring(0, Math.min(200, text.length())));
            int status = Integer.parseInt(text.substring(9, 12));
            int sep = text.indexOf("\r\n\r\n");
            return new Answer(status, sep < 0 ? "" : text.substring(sep + 4, Math.min(text.length(), sep + 4 + 300)));
        }
    }

    static byte[] request(String method, String target, List<String> headers, byte[] body, boolean close) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: localhost:").append(port).append("\r\n");
        if (close) head.append("Connection: close\r\n");
        for (String h : headers) head.append(h).append("\r\n");
        if (body != null) head.append("Content-Length: ").append(body.length).append("\r\n");
        head.append("\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        if (body == null) return h;
        byte[] all = java.util.Arrays.copyOf(h, h.length + body.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    /**
     * One kept-alive HTTP/1.1 connection of a fuzz worker: a request, its whole answer (by
     * {@code Content-Length}, chunks or the connection's end), the next request on the same
     * socket; a new socket when the server closes one (as it does after refusing a malformed
     * request line or header). Saves the connection set-up and tear-down of 10^4 requests.
     */
    static final class Connection implements AutoCloseable {
        private Socket socket;
        private java.io.BufferedInputStream in;
        private OutputStream out;
        int opened;

        Answer exchange(String method, String target, List<String> headers, byte[] body) throws IOException {
            byte[] req = request(method, target, headers, body, false);
            boolean fresh = socket == null;
            try {
                return exchangeOnce(method, req);
            } catch (IOException e) {
                close();
                if (fresh) throw e;
                return exchangeOnce(method, req);  // a kept-alive socket the server had closed meanwhile
            }
        }

        private Answer exchangeOnce(String method, byte[] req) throws IOException {
            if (socket == null) {
                socket = new Socket(InetAddress.getLoopbackAddress(), port);
                socket.setSoTimeout(30_000);
                socket.setTcpNoDelay(true);
                in = new java.io.BufferedInputStream(socket.getInputStream(), 65_536);
                out = socket.getOutputStream();
                opened++;
            }
            out.write(req);
            out.flush();
            String statusLine = line();
            if (statusLine == null) throw new java.io.EOFException("connection closed before an answer");
            if (!statusLine.startsWith("HTTP/1.1 ")) return new Answer(-1, statusLine);
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean closeAfter = false;
            for (String h; (h = line()) != null && !h.isEmpty(); ) {
                String lower = h.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-length:")) length = Long.parseLong(h.substring(15).trim());
                else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) chunked = true;
                else if (lower.startsWith("connection:") && lower.contains("close")) closeAfter = true;
            }
            ByteArrayOutputStream start = new ByteArrayOutputStream();
            boolean noBody = method.equals("HEAD") || status == 204 || status == 304 || status < 200;
            if (noBody) {
                // nothing
            } else if (chunked) {
                for (String size; (size = line()) != null; ) {
                    int semi = size.indexOf(';');
                    long n = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
                    if (n == 0) {
                        while (true) {
                            String trailer = line();
                            if (trailer == null || trailer.isEmpty()) break;
                        }
                        break;
                    }
                    body(n, start, false);
                    line();
                }
            } else if (length >= 0) {
                body(length, start, false);
            } else {
                body(0, start, true);
                closeAfter = true;
            }
            if (closeAfter) close();
            String text = start.toString(StandardCharsets.ISO_8859_1);
            return new Answer(status, text.substring(0, Math.min(300, text.length())));
        }

        /** Reads {@code n} bytes of the body ({@code toEnd}: up to the connection's end), keeping the first 300. */
        private void body(long n, ByteArrayOutputStream start, boolean toEnd) throws IOException {
            byte[] buf = new byte[16_384];
            while (toEnd || n > 0) {
                int r = in.read(buf, 0, toEnd ? buf.length : (int) Math.min(buf.length, n));
                if (r < 0) {
                    if (toEnd) return;
                    throw new java.io.EOFException("connection closed inside an answer");
                }
                if (start.size() < 300) start.write(buf, 0, Math.min(r, 300 - start.size()));
                n -= r;
            }
        }

        /** @return the next CRLF-ended line (ISO-8859-1, without the CRLF), or {@code null} at the end */
        private String line() throws IOException {
            StringBuilder b = new StringBuilder();
            for (int c; (c = in.read()) >= 0; ) {
                if (c == '\n') {
                    int len = b.length();
                    return len > 0 && b.charAt(len - 1) == '\r' ? b.substring(0, len - 1) : b.toString();
                }
                b.append((char) c);
            }
            return b.length() == 0 ? null : b.toString();
        }

        @Override
        public void close() throws IOException {
            Socket s = socket;
            socket = null;
            if (s != null) s.close();
        }
    }

    static Answer get(String target, String... headers) throws IOException {
        return send("GET", target, List.of(headers), null);
    }

    @Test
    void theAttacksFromTheIssueGetA4xxWithAReason() throws IOException {
        for (String t : List.of("/page/country/LB?lang=%zz", "/compare?country=%FF", "/page/country/LB?x=%", "/sparql?query=%FF",
                "/id/country/LB?format=%C3%28", "/data/country/LB.ttl?limit=%ED%A0%80")) {
            Answer a = get(t);
            assertEquals(400, a.status(), t + " -> " + a.body());
            assertTrue(a.body().startsWith("Malformed query string"), t + " -> " + a.body());
        }
        Answer graph = get("/sparql?graph=%C3%A9");
        assertEquals(400, graph.status(), graph.body());
        assertTrue(graph.body().contains("absolute IRI"), graph.body());
        for (String path : List.of("/", "/page/country/LB", "/id/country/LB", "/compare?country=LB&country=SY", "/ontology", "/dataset")) {
            Answer accept = get(path, "Accept: ;");
            assertTrue(accept.status() < 500, path + " Accept ; -> " + accept.status() + " " + accept.body());
            Answer lang = get(path, "Accept-Language: ;");
            assertTrue(lang.status() < 500, path + " Accept-Language ; -> " + lang.status() + " " + lang.body());
        }
        Answer longQuery = get("/sparql?query=" + "x".repeat(65_536));
        assertTrue(longQuery.status() == 400 || longQuery.status() == 414 || longQuery.status() == 431,
                "64 kB query string -> " + longQuery.status() + " " + longQuery.body());
        assertTrue(!longQuery.body().isBlank(), "with a reason");
        Answer tooLong = get("/sparql?query=" + "x".repeat(ServerLimits.DEFAULTS.maxQueryChars() + 1));
        assertTrue(tooLong.status() == 414 || tooLong.status() == 431, "over-long query string -> " + tooLong.status() + " " + tooLong.body());
        assertTrue(!tooLong.body().isBlank(), "with a reason");
        Answer unknownMethod = send("FOO", "/page/country/LB", List.of(), null);
        assertEquals(405, unknownMethod.status(), unknownMethod.body());
    }

    static final String[] PATHS = {
            "/", "/sparql", "/query", "/compare", "/id/country/LB", "/id/country/SY", "/page/country/LB", "/page/ontology",
            "/data/country/LB.ttl", "/data/country/LB.jsonld", "/data/country/LB.nt", "/data/country/LB.rdf", "/ontology",
            "/api/queries", "/api/queries/cq02-countries-side-by-side", "/api/queries/cq01-topic-status-by-country",
            "/dumps/", "/dumps/SHA256SUMS", "/dataset", "/.well-known/void", "/context.jsonld", "/$/ping", "/$/metrics",
            "/$/stats", "/static/sijill.css", "/page/document/escwa-2018", "/id/", "/page/", "/data/", "/nothing-here"};
    /** The paths that cost most to answer (pages rendered from several queries, descriptions in four syntaxes). */
    static final java.util.Set<String> HEAVY = java.util.Set.of("/page/country/LB", "/", "/query", "/page/ontology",
            "/data/country/LB.ttl", "/data/country/LB.jsonld", "/data/country/LB.nt", "/data/country/LB.rdf");
    static final String[] NAMES = {"lang", "country", "format", "limit", "offset", "query", "graph", "default", "topic", "q",
            "year", "iso", "output", "timeout", "update", "x"};
    static final String[] BAD_VALUES = {"%zz", "%", "%F", "%FF", "%C3", "%C3%28", "%ED%A0%80", "%E2%82", "%F8%88%80%80%80", "%G0", "%%", "a%"};
    static final String[] VALUES = {"%zz", "%", "%F", "%FF", "%C3", "%C3%28", "%00", "%ED%A0%80", "%E2%82", "%F8%88%80%80%80",
            "LB", "ar", "en", "ttl", "jsonld", "html", "0", "-1", "99999999999", "1e9", "NaN", "", "%20", "+", "%2B", "a%3Db",
            "SELECT%20*%20%7B", "ASK%7B%7D", "%3Cscript%3E", "..%2F..%2Fetc%2Fpasswd", "%E2%80%AE", "%D8%B3%D8%AC%D9%84"};
    static final String[] PATH_SUFFIXES = {"", "%zz", "%FF", "/..", "/%2e%2e/%2e%2e/etc/passwd", "//", ".ttl", ".%FF", "%00", ";x=1", "/%C3%28"};
    static final String[] ACCEPTS = {";", ";;", ",", "*/*;q=x", "text/html;q=2", "a/b/c", "text/", "/html", "*/html", "text/turtle;q=0.5,;q=1",
            "application/sparql-results+json;charset=", "\u00ff/\u00ff", "text/html;level=1;q=0.9, */*;q=0.01"};
    static final String[] LANGS = {";", ",;,", "ar;q=", "*;q=0", "en-;q=0.5", "ar-SA;q=0.9,en;q=1.1", "\u00e9", "x".repeat(500), "ar;q=1;q=0"};
    static final String[] METHODS = {"GET", "GET", "GET", "HEAD", "POST", "OPTIONS", "PUT", "DELETE", "PATCH", "FOO"};
    static final String[] CONTENT_TYPES = {"application/sparql-query", "application/x-www-form-urlencoded", "text/plain",
            "multipart/form-data; boundary=x", "application/sparql-query; charset=nope", "application/sparql-update", ";"};
    static final String[] BODIES = {"SELECT * {", "ASK {}", "query=%zz", "query=%FF", "query=ASK%7B%7D", "update=DROP%20ALL",
            "\u00ff\u00fe", "SELECT * { FILTER(" + "(".repeat(5000) + "1" + ")".repeat(5000) + ") }", "--x\r\n\r\n--x--", ""};

    static String pick(Random r, String[] a) { return a[r.nextInt(a.length)]; }

    @Test
    void aFuzzOfMalformedRequestsOverEveryPathGetsNo5xx() throws Exception {
        assertTrue(PATHS.length >= 20, "the fuzz covers the server's paths");
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        Map<Integer, AtomicInteger> byStatus = new java.util.concurrent.ConcurrentHashMap<>();
        Map<String, java.util.concurrent.atomic.AtomicLong> msByPath = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger connections = new AtomicInteger();
        int threads = 8;
        String load0 = loadAverage();
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                final int worker = t;
                jobs.add(pool.submit(() -> {
                    Random r = new Random(SEED * 1000 + worker);
                    try (Connection conn = new Connection()) {
                        for (int i = worker; i < FUZZ_REQUESTS; i += threads) {
                            // one malformation per request, of one of eight kinds; three of them (the
                            // headers) reach the page renderers, the rest are refused early
                            int kind = r.nextInt(8);
                            String method = kind == 0 ? pick(r, METHODS) : kind == 1 ? "POST" : "GET";
                            String path = pick(r, PATHS);
                            // the paths that cost most to answer get a quarter of their share (still
                            // some 90 requests each); their refusals are the same code as everywhere
                            if (HEAVY.contains(path) && r.nextInt(4) != 0) path = pick(r, PATHS);
                            StringBuilder target = new StringBuilder(path);
                            if (kind == 2) target.append(pick(r, PATH_SUFFIXES));
                            int params = kind == 3 ? 1 + r.nextInt(3) : r.nextInt(2);
                            for (int p = 0; p < params; p++) {
                                target.append(p == 0 ? '?' : '&').append(pick(r, NAMES));
                                if (r.nextInt(8) != 0) target.append('=').append(kind == 3 && p == 0 ? pick(r, BAD_VALUES) : pick(r, VALUES));
                            }
                            List<String> headers = new ArrayList<>();
                            if (kind == 4 || r.nextInt(4) == 0) headers.add("Accept: " + pick(r, ACCEPTS));
                            if (kind == 5 || r.nextInt(4) == 0) headers.add("Accept-Language: " + pick(r, LANGS));
                            if (kind == 6) {
                                headers.add(switch (r.nextInt(3)) {
                                    case 0 -> "Cookie: lang=" + pick(r, LANGS).replace(";", "");
                                    case 1 -> "If-None-Match: " + pick(r, LANGS);
                                    default -> "Range: bytes=" + pick(r, VALUES);
                                });
                            }
                            if (kind == 7) target.append(target.indexOf("?") < 0 ? '?' : '&').append(pick(r, NAMES)).append('=').append("x".repeat(3000 + r.nextInt(60_000)));
                            byte[] body = null;
                            if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
                                headers.add("Content-Type: " + pick(r, CONTENT_TYPES));
                                body = pick(r, BODIES).getBytes(StandardCharsets.ISO_8859_1);
                            }
                            String described = method + " " + abbreviate(target.toString()) + " " + headers;
                            long r0 = System.nanoTime();
                            try {
                                Answer a = conn.exchange(method, target.toString(), headers, body);
                                msByPath.computeIfAbsent(path, k -> new java.util.concurrent.atomic.AtomicLong()).addAndGet((System.nanoTime() - r0) / 1_000_000);
                                byStatus.computeIfAbsent(a.status(), k -> new AtomicInteger()).incrementAndGet();
                                if (a.status() >= 500 || a.status() < 0) failures.add(a.status() + " for " + described + ": " + abbreviate(a.body()));
                            } catch (IOException e) {
                                failures.add("no answer for " + described + ": " + e);
                            }
                            done.incrementAndGet();
                        }
                        connections.addAndGet(conn.opened);
                    }
                    return null;
                }));
            }
            for (Future<?> f : jobs) f.get();
        } finally {
            pool.shutdownNow();
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long cpuMs = (os.getProcessCpuTime() - cpu0) / 1_000_000;
        System.out.println("[issue12] fuzz: " + done.get() + " malformed requests over " + PATHS.length + " paths on "
                + connections.get() + " connections in " + ms + " ms, " + cpuMs + " ms CPU of server and client (load average before " + load0 + ", after " + loadAverage() + "), statuses " + new TreeMap<>(byStatus)
                + ", failures " + failures.size() + "; total ms by path " + new TreeMap<>(msByPath));
        assertEquals(FUZZ_REQUESTS, done.get());
        assertEquals(new java.util.TreeSet<>(List.of(PATHS)), new java.util.TreeSet<>(msByPath.keySet()), "every path was fuzzed");
        assertTrue(failures.isEmpty(), failures.size() + " requests got a 5xx or no answer, e.g. " + failures.stream().sorted().limit(12).toList());
    }

    static String loadAverage() {
        return String.format(java.util.Locale.ROOT, "%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    static String abbreviate(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }
}
