package gancourse;

import java.util.function.LongSupplier;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs the garbage collector before ND4J's arrays reach the native memory bound ({@link NativeMemoryLimit}).
 *
 * <p>Why: training outside workspaces leaves every iteration's arrays to the garbage collector, and the Java
 * heap, which holds only their small handles, fills too slowly to collect them in time. When ND4J allocates an
 * array from Java past the bound, it collects and retries; but an operation that allocates inside libnd4j
 * (oneDNN's batch-norm gradient, for one) just fails. DL4J then falls back to its own implementation and
 * carries on, after printing an error and a stack trace into the student's notebook: lessons 04, 05 and 06 did
 * so under a 2 GB limit, as on Binder.
 *
 * <p>How: a daemon thread reads libnd4j's count of allocated bytes every {@value #POLL_MILLIS} ms and collects
 * when it passes half way from what was live after the last collection to the bound. Half way adapts to what a
 * notebook keeps (datasets, networks) and leaves the other half for the arrays made between two polls.
 */
public final class OffHeapCollector {
    static final long POLL_MILLIS = 25;
    /** Time for ND4J's deallocator threads to free the collected arrays before counting what is live: they
     *  took 30 to 60 ms after a collection of 800 MB of garbage (this machine). */
    static final long SETTLE_MILLIS = 100;

    private final long bound;
    private final LongSupplier allocated;
    private final Runnable collect;
    private long trigger;
    private int collections;

    OffHeapCollector(long bound, LongSupplier allocated, Runnable collect) {
        if (bound <= 0) throw new IllegalArgumentException("bound must be positive, got " + bound);
        this.bound = bound;
        this.allocated = allocated;
        this.collect = collect;
        this.trigger = bound / 2;
    }

    /** Starts the collector for libnd4j's host allocations on the CPU backend, bounded by {@code bound}. */
    static void start(long bound) {
        var env = Nd4j.getEnvironment();
        new OffHeapCollector(bound, () -> env.getDeviceCouner(0), OffHeapCollector::collectGarbage).startThread();
    }

    /** Polls in a daemon thread until interrupted. */
    Thread startThread() {
        Thread t = new Thread(this::run, "gan-course off-heap collector");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** One look at the count: collects if it passed the trigger. Returns whether it collected. */
    boolean poll() {
        if (allocated.getAsLong() < trigger) return false;
        collect.run();
        collections++;
        long live = allocated.getAsLong();
        trigger = live + Math.max(0, bound - live) / 2;
        return true;
    }

    long trigger() {
        return trigger;
    }

    int collections() {
        return collections;
    }

    private void run() {
        try {
            while (true) {
                poll();
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    static void collectGarbage() {
        System.gc();
        try {
            Thread.sleep(SETTLE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
