package org.w3id.sijill.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Measures heap during one run: the peak of heap in use (sampled every 2 ms: live data plus
 * garbage not yet collected) and the peak of heap still in use right after a collection (GC
 * notifications: an upper bound of what the run actually keeps alive).
 *
 * <pre>{@code
 * HeapMonitor m = HeapMonitor.start();
 * work();
 * HeapMonitor.Peaks p = m.stop();
 * }</pre>
 */
final class HeapMonitor {
    record Peaks(long peakUsed, long peakAfterGc, long baseline) {}

    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final long baseline;
    private final Thread sampler;
    private volatile boolean running = true;
    private final List<Runnable> removers = new ArrayList<>();

    private HeapMonitor() {
        System.gc();
        System.gc();
        baseline = used();
        peakUsed.set(baseline);
        peakAfterGc.set(baseline);
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!(gc instanceof NotificationEmitter emitter)) continue;
            NotificationListener l = (notification, handback) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) return;
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                long after = 0;
                for (MemoryUsage u : info.getGcInfo().getMemoryUsageAfterGc().values()) after += u.getUsed();
                // after-GC usage covers all pools reported by this collector, heap pools for G1
                peakAfterGc.accumulateAndGet(after, Math::max);
            };
            emitter.addNotificationListener(l, null, null);
            removers.add(() -> {
                try {
                    emitter.removeNotificationListener(l);
                } catch (javax.management.ListenerNotFoundException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        sampler = new Thread(() -> {
            while (running) {
                peakUsed.accumulateAndGet(used(), Math::max);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    static HeapMonitor start() { return new HeapMonitor(); }

    Peaks stop() throws InterruptedException {
        peakUsed.accumulateAndGet(used(), Math::max);
        running = false;
        sampler.join();
        removers.forEach(Runnable::run);
        return new Peaks(peakUsed.get(), peakAfterGc.get(), baseline);
    }

    private static long used() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
