package gancourse;

import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.env.EnvironmentalAction;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Makes ND4J refuse an array larger than its memory bound with an exception, before it asks the system for the
 * memory. Without it, a typo in a shape such as {@code Nd4j.create(100000, 100000)} (40 GB) crashes the whole JVM
 * in the native allocation (SIGSEGV in allocateDataBuffer): in a notebook the kernel dies with everything in it.
 *
 * <p>The bound is JavaCPP's off-heap one (-Dorg.bytedeco.javacpp.maxbytes, which the kernelspec, the command line
 * and the tests set), else its physical-memory one, given to libnd4j as the host's allocation limit: libnd4j then
 * checks every allocation outside a workspace against it and ND4J reports "Requested amount exceeds HOST device
 * limits" as a Java exception (after a garbage collection and a retry, so freed arrays count as free). With the
 * bound, {@link OffHeapCollector} collects garbage before it is reached, since allocations inside libnd4j's
 * operations are not retried.
 *
 * <p>ND4J runs the EnvironmentalActions listed in META-INF/services when it starts, for the variable each names
 * if that variable is set: PATH always is, so this runs wherever the library is on the class path.
 */
public final class NativeMemoryLimit implements EnvironmentalAction {
    @Override
    public String targetVariable() {
        return "PATH";
    }

    @Override
    public void process(String ignored) {
        long bound = bound();
        if (bound > 0 && Nd4j.getEnvironment().isCPU() && Nd4j.getEnvironment().getDeviceLimit(0) <= 0) {
            Nd4j.getEnvironment().setDeviceLimit(0, bound);
            OffHeapCollector.start(bound);
        }
    }

    /** The bound in bytes, or 0 for none. */
    public static long bound() {
        return Pointer.maxBytes() > 0 ? Pointer.maxBytes() : Pointer.maxPhysicalBytes();
    }
}
