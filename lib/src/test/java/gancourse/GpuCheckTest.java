package gancourse;

import static org.junit.jupiter.api.Assertions.*;

import gancourse.Backend;
import org.junit.jupiter.api.Test;

class GpuCheckTest {

    @Test
    void onTheCpuBackendTheCudaClassesAreAbsentAndTheMessageSaysHowToInstallThem() {
        assertFalse(Backend.gpu());
        assertNull(GpuCheck.probeCuda(), "the CPU build has no CUDA backend on its classpath");
        String why = GpuCheck.explain(GpuCheck.probeCuda());
        assertTrue(why.contains("runs on the CPU") && why.contains("./course setup --gpu"), why);
    }

    @Test
    void nothingIsSaidWhenNobodyAskedForTheGpu() {
        String before = System.getProperty(GpuCheck.WANTED);
        try {
            System.clearProperty(GpuCheck.WANTED);
            assertEquals("", GpuCheck.check());
            System.setProperty(GpuCheck.WANTED, "cuda");
            assertTrue(GpuCheck.check().contains("not installed"), "asked for CUDA on a CPU build: say so");
        } finally {
            if (before == null) System.clearProperty(GpuCheck.WANTED); else System.setProperty(GpuCheck.WANTED, before);
        }
    }

    @Test
    void simulatedCudaFailuresAreTranslatedIntoWhatToDo() {
        assertTrue(GpuCheck.explain("java.lang.UnsatisfiedLinkError: libcuda.so.1: cannot open shared object file")
                .contains("no NVIDIA driver"));
        assertTrue(GpuCheck.explain("cudaErrorInsufficientDriver: CUDA driver version is insufficient for CUDA runtime version")
                .contains("too old"));
        assertTrue(GpuCheck.explain("no kernel image is available for execution on the device").contains("architecture"));
        assertTrue(GpuCheck.explain("cudaErrorMemoryAllocation: out of memory").contains("free memory"));
        String other = GpuCheck.explain("something odd");
        assertTrue(other.contains("something odd") && other.contains("README"), other);
    }
}
