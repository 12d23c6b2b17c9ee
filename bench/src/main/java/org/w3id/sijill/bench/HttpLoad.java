package org.w3id.sijill.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small closed-loop HTTP/1.1 load generator for loopback servers: {@code clients} threads, each
 * on its own keep-alive connection, send GET requests back to back for {@code seconds} (after one
 * second of warm-up) and record each latency; the server's peak resident memory is read from
 * {@code /proc/PID/status} ({@code VmHWM}) when a process id is given. One result line on standard
 * output. Bounded: stops by itself after warm-up plus {@code seconds}, loopback addresses only.
 *
 * <pre>{@code
 * java -cp ... org.w3id.sijill.bench.HttpLoad http://127.0.0.1:3030/$/ping 32 10 12345
 * # clients=32 seconds=10 requests=151234 rps=15123 p50_ms=1.9 p99_ms=7.4 errors=0 peak_rss_mb=612
 * }</pre>
 */
public final class HttpLoad {
    private HttpLoad() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: HttpLoad URL CLIENTS SECONDS [SERVER_PID]");
            System.exit(2);
        }
        URI url = URI.create(args[0]);
        int clients = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        String pid = args.length > 3 ? args[3] : null;
        String host = url.getHost();
        if (!(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"))) {
            throw new IllegalArgumentException("loopback only, got " + host);
        }
        int port = url.getPort() < 0 ? 80 : url.getPort();
        String target = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        byte[] request = ("GET " + target + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAccept: */*\r\nUser-Agent: sijill-bench\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);

        long warmEnd = System.nanoTime() + 1_000_000_000L;
        long end = warmEnd + seconds * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        List<long[]> perClient = new ArrayList<>();
        List<int[]> counts = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long[] lat = new long[4_000_000 / clients + 1];
            int[] n = new int[1];
            perClient.add(lat);
            counts.add(n);
            Thread t = new Thread(() -> {
                Socket s = null;
                try {
                    while (System.nanoTime() < end) {
                        try {
                            if (s == null) {
                                s = new Socket();
                                s.setTcpNoDelay(true);
                                s.connect(new InetSocketAddress(host, port), 5000);
                                s.setSoTimeout(30_000);
                            }
                            OutputStream out = s.getOutputStream();
                            InputStream in = new BufferedInputStream(s.getInputStream(), 65536);
                            while (System.nanoTime() < end) {
                                long t0 = System.nanoTime();
                                out.write(request);
                                out.flush();
                                int status = readResponse(in);
                                long t1 = System.nanoTime();
                                if (status != 200) errors.incrementAndGet();
                                if (t0 >= warmEnd && n[0] < lat.length) lat[n[0]++] = t1 - t0;
                            }
                        } catch (IOException e) {
                            errors.incrementAndGet();
                            closeQuietly(s);
                            s = null;
                        }
                    }
                } finally {
                    closeQuietly(s);
                }
            });
            t.start();
            threads.add(t);
        }
        long peakRss = 0;
        while (System.nanoTime() < end) {
            Thread.sleep(200);
            if (pid != null) peakRss = Math.max(peakRss, rssKb(pid, "VmHWM:"));
        }
        for (Thread t : threads) t.join(60_000);
        int total = 0;
        for (int[] n : counts) total += n[0];
        long[] all = new long[total];
        int k = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(perClient.get(c), 0, all, k, counts.get(c)[0]);
            k += counts.get(c)[0];
        }
        Arrays.sort(all);
        System.out.println(String.format(Locale.ROOT, "clients=%d seconds=%d requests=%d rps=%.0f p50_ms=%.2f p99_ms=%.2f errors=%d peak_rss_mb=%s",
                clients, seconds, total, total / (double) seconds, pct(all, 0.50), pct(all, 0.99), errors.get(),
                pid == null ? "-" : Long.toString(peakRss / 1024)));
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) return Double.NaN;
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
    }

    /** @return kB of the given /proc/PID/status line, 0 when unreadable */
    static long rssKb(String pid, String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                if (line.startsWith(key)) return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
            }
        } catch (IOException | NumberFormatException e) {
            return 0;  // the process ended: no figure
        }
        return 0;
    }

    /** Reads one response (Content-Length or chunked body); @return its status */
    private static int readResponse(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        for (String h = line(in); !h.isEmpty(); h = line(in)) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) length = Long.parseLong(h.substring(15).trim());
            else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) chunked = true;
        }
        if (chunked) {
            while (true) {
                long size = Long.parseLong(line(in).split(";")[0].trim(), 16);
                if (size == 0) {
                    while (!line(in).isEmpty()) { /* trailers */ }
                    break;
                }
                skip(in, size);
                line(in);
            }
        } else if (length > 0) {
            skip(in, length);
        }
        return status;
    }

    private static void skip(InputStream in, long n) throws IOException {
        while (n > 0) {
            long s = in.skip(n);
            if (s <= 0) {
                if (in.read() < 0) throw new IOException("connection closed in a body");
                s = 1;
            }
            n -= s;
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') break;
            if (c != '\r') sb.append((char) c);
        }
        if (c < 0 && sb.length() == 0) throw new IOException("connection closed");
        return sb.toString();
    }

    private static void closeQuietly(Socket s) {
        if (s == null) return;
        try {
            s.close();
        } catch (IOException e) {
            // closing a broken connection: nothing more to release
        }
    }
}
