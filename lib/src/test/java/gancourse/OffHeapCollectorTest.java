package gancourse;

import static org.junit.jupiter.api.Assertions.*;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class OffHeapCollectorTest {
    @Test
    void collectsHalfWayFromWhatIsLiveToTheBound() {
        var count = new AtomicLong();
        long live = 200;
        var c = new OffHeapCollector(1000, count::get, () -> count.set(live));
        assertEquals(500, c.trigger(), "before any collection: half the bound");
        count.set(499);
        assertFalse(c.poll());
        count.set(500);
        assertTrue(c.poll());
        assertEquals(live, count.get());
        assertEquals(600, c.trigger(), "half way from 200 live to the bound of 1000");
        count.set(599);
        assertFalse(c.poll());
        assertEquals(1, c.collections());
    }

    @Test
    void whatIsLivePastTheBoundStillLeavesATrigger() {
        var count = new AtomicLong(1200);
        var c = new OffHeapCollector(1000, count::get, () -> {});
        assertTrue(c.poll());
        assertEquals(1200, c.trigger(), "nothing was freed: collect again as soon as anything more is allocated");
        assertThrows(IllegalArgumentException.class, () -> new OffHeapCollector(0, count::get, () -> {}));
    }

    @Test
    void aRunningCollectorKeepsGarbageArraysUnderItsBound() throws InterruptedException {
        // Garbage made much faster than the Java heap fills (1 MB arrays, a few hundred MB a second), five times
        // the bound in all: libnd4j's count of allocated bytes must stay under the bound.
        var env = Nd4j.getEnvironment();
        long before = env.getDeviceCouner(0);
        long bound = before + 400_000_000L;
        var c = new OffHeapCollector(bound, () -> env.getDeviceCouner(0), OffHeapCollector::collectGarbage);
        Thread thread = c.startThread();
        long highest = 0;
        try {
            for (int i = 0; i < 2000; i++) {
                INDArray x = Nd4j.rand(250, 1000);
                x.addi(1);
                highest = Math.max(highest, env.getDeviceCouner(0));
                Thread.sleep(1);
            }
        } finally {
            thread.interrupt();
            thread.join();   // its last collection is over, and its count visible here
        }
        assertTrue(c.collections() > 0, "no collection in 2 GB of garbage");
        assertTrue(highest < bound, "libnd4j's count reached " + highest + ", bound " + bound);
    }
}
