package org.w3id.sijill.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.w3id.sijill.core.SijillException;
import org.w3id.sijill.core.SourceDataException;

/**
 * {@link ConcurrentStage}: parts run side by side; a failure skips the parts not started, the
 * running ones are awaited before the stage is left, and the failure thrown is the earliest
 * submitted part's, the very exception it threw (the others suppressed in it).
 */
class ConcurrentStageTest {

    private static void await(CountDownLatch latch) throws InterruptedException {
        assertTrue(latch.await(30, TimeUnit.SECONDS), "a part did not start");
    }

    @Test
    void theFirstSubmittedFailureIsThrownOnceTheRunningPartsAreDone() throws Exception {
        RecordedParts progress = new RecordedParts();
        CountDownLatch bStarted = new CountDownLatch(1);
        CountDownLatch aFailing = new CountDownLatch(1);
        AtomicBoolean bFinished = new AtomicBoolean();
        AtomicBoolean cRan = new AtomicBoolean();
        SourceDataException a = new SourceDataException(java.nio.file.Path.of("tables/x.csv"), 3, "name", "bad");
        SijillException b = new SijillException(SijillException.Kind.ENVIRONMENT, "disk full");
        SourceDataException thrown;
        try (ConcurrentStage stage = new ConcurrentStage(2, progress)) {
            stage.submit("a", () -> {
                await(bStarted);
                aFailing.countDown();
                throw a;
            });
            stage.submit("b", () -> {
                bStarted.countDown();
                await(aFailing);
                Thread.sleep(200); // still running when a has failed
                bFinished.set(true);
                throw b;
            });
            stage.submit("c", () -> cRan.getAndSet(true));
            thrown = assertThrows(SourceDataException.class, stage::await);
            assertTrue(bFinished.get(), "the stage was left while a part still ran");
        }
        assertSame(a, thrown, "not the exception the first part threw");
        assertEquals(List.of(b), List.of(thrown.getSuppressed()));
        assertFalse(cRan.get(), "a part queued after the failure ran");
        assertEquals(List.of(), progress.done);
    }

    @Test
    void resultsAndTimesOfPassingParts() {
        RecordedParts progress = new RecordedParts();
        try (ConcurrentStage stage = new ConcurrentStage(2, progress)) {
            Future<Integer> six = stage.submit("six", () -> 6);
            Future<String> word = stage.submit("word", () -> "sijill");
            assertEquals(42, stage.run("times seven", () -> stage.get(six) * 7));
            assertEquals("sijill", stage.get(word));
            stage.await();
        }
        assertEquals(List.of("six", "times seven", "word"), progress.done.stream().sorted().toList());
    }

    @Test
    void leavingTheStageEarlySkipsQueuedPartsAndWaitsForRunningOnes() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        AtomicBoolean queuedRan = new AtomicBoolean();
        IllegalStateException own = new IllegalStateException("the caller's own failure");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
            try (ConcurrentStage stage = new ConcurrentStage(1, ProgressListener.NONE)) {
                stage.submit("running", () -> {
                    started.countDown();
                    Thread.sleep(200);
                    finished.set(true);
                    return null;
                });
                stage.submit("queued", () -> queuedRan.getAndSet(true));
                await(started);
                throw own;
            }
        });
        assertSame(own, e);
        assertTrue(finished.get(), "close() returned while a part still ran");
        assertFalse(queuedRan.get(), "a queued part ran after the caller gave up");
    }
}
