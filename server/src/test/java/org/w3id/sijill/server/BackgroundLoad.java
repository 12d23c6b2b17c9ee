package org.w3id.sijill.server;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Requests sent by a few threads while a test changes the server under them (a new release, a
 * replica killed or rolled): each thread goes through the URLs in turn from its own offset, until
 * stopped or until the requests of all threads reach a bound; answers other than 200 and errors are
 * kept as failures.
 *
 * <pre>{@code
 * BackgroundLoad load = BackgroundLoad.start("load", 4, urls, 600, Duration.ofMillis(20), url -> get(url));
 * waitFor(() -> load.requests() >= 10, "10 requests");
 * load.stop(Duration.ofSeconds(60));
 * assertEquals(List.of(), load.failures(5));
 * }</pre>
 */
public final class BackgroundLoad {
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicInteger requests = new AtomicInteger();
    private final ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
    private final List<Thread> threads = new ArrayList<>();

    private BackgroundLoad() {}

    /**
     * @param maxRequests the bound on the requests of all threads together
     * @param pause the wait after each answered request
     * @param get sends a GET to a URL
     * @return the load, running
     */
    public static BackgroundLoad start(String name, int threads, List<String> urls, int maxRequests, Duration pause,
            Function<String, HttpResponse<String>> get) {
        BackgroundLoad load = new BackgroundLoad();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            Thread th = new Thread(() -> load.run(offset, urls, maxRequests, pause, get), name + "-" + t);
            th.start();
            load.threads.add(th);
        }
        return load;
    }

    private void run(int offset, List<String> urls, int maxRequests, Duration pause, Function<String, HttpResponse<String>> get) {
        for (int i = 0; !stop.get() && requests.get() < maxRequests; i++) {
            String url = urls.get((i + offset) % urls.size());
            long started = System.nanoTime();
            try {
                HttpResponse<String> r = get.apply(url);
                if (r.statusCode() != 200) failures.add(new Failure(started, System.nanoTime(), r.statusCode() + " " + url + " " + r.body()));
                requests.incrementAndGet();
                if (!pause.isZero()) Thread.sleep(pause.toMillis());
            } catch (RuntimeException e) {
                failures.add(new Failure(started, System.nanoTime(), e + " " + url));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** @return the requests answered so far */
    public int requests() {
        return requests.get();
    }

    /** @return the number of failed requests so far */
    public int failed() {
        return failures.size();
    }

    /** @return the first {@code n} failures at most */
    public List<String> failures(int n) {
        return failuresStartedAfter(Long.MIN_VALUE, n);
    }

    /**
     * @param nanos a {@link System#nanoTime()} reading
     * @return the first {@code n} failures at most of the requests sent after {@code nanos}
     */
    public List<String> failuresStartedAfter(long nanos, int n) {
        return failures.stream().filter(f -> f.started - nanos > 0).limit(n).map(Failure::what).toList();
    }

    /** @return how many failed requests were sent before {@code nanos} and failed after it (were in flight then) */
    public int failedInFlightAt(long nanos) {
        return (int) failures.stream().filter(f -> f.started - nanos <= 0 && f.ended - nanos > 0).count();
    }

    private record Failure(long started, long ended, String what) {}

    /** Stops the threads and waits up to {@code join} for each. */
    public void stop(Duration join) throws InterruptedException {
        stop.set(true);
        for (Thread th : threads) th.join(join.toMillis());
    }
}
