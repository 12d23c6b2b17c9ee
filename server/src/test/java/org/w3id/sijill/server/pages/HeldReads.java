package org.w3id.sijill.server.pages;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;

/**
 * A store whose transactions, on the threads a test names, wait until the test lets them go: a
 * release that takes long to read (a release of 10^7 triples holds its once-read figures for minutes).
 *
 * <pre>{@code
 * HeldReads slow = new HeldReads(Fixture.dataset(), t -> true);
 * ... // requests meet a store that is still being read
 * slow.release();
 * }</pre>
 */
final class HeldReads extends DatasetGraphWrapper {
    private final CountDownLatch hold = new CountDownLatch(1);
    private final Predicate<Thread> held;
    private final AtomicInteger reads = new AtomicInteger();

    /** @param held the threads whose transactions wait */
    HeldReads(DatasetGraph base, Predicate<Thread> held) {
        super(base);
        this.held = held;
    }

    /** Lets every waiting and later transaction go. */
    void release() {
        hold.countDown();
    }

    /** @return how many transactions the held threads began */
    int reads() {
        return reads.get();
    }

    @Override
    public void begin(TxnType type) {
        await();
        super.begin(type);
    }

    @Override
    public void begin(ReadWrite mode) {
        await();
        super.begin(mode);
    }

    private void await() {
        if (!held.test(Thread.currentThread())) return;
        reads.incrementAndGet();
        try {
            assertTrue(hold.await(60, TimeUnit.SECONDS), "the test let the read go");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
