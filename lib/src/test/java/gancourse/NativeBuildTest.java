package gancourse;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class NativeBuildTest {
    @Test
    void theLoadedBuildMatchesTheCpu() throws Exception {
        Nd4j.create(1); // make sure ND4J is loaded
        String expected = NativeBuild.cpuHas("avx2", "fma") ? "-onednn-avx2" : "-onednn";
        assertEquals(expected, System.getProperty(NativeBuild.PROPERTY), "the listener should have chosen before ND4J loaded");
        String maps = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/maps"));
        assertTrue(maps.contains("linux-x86_64" + expected + "/libnd4jcpu.so"), "ND4J loaded another build than " + expected);
        assertTrue(Backend.oneDnn(), "oneDNN should be on");
    }

    @Test
    void aCpuFlagThatNoCpuHasIsMissing() {
        assertFalse(NativeBuild.cpuHas("avx2", "no-such-flag"));
        assertTrue(NativeBuild.cpuHas("fpu"), "every x86-64 CPU lists fpu");
    }
}
