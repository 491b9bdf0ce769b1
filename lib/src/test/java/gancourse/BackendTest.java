package gancourse;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class BackendTest {
    @Test
    void theThreadCountCanBeChangedAndIsReportedBack() {
        int before = Backend.threads();
        try {
            Backend.threads(1);
            assertEquals(1, Backend.threads());
            assertTrue(Backend.device().startsWith("CPU, 1 threads"), Backend.device());
        } finally {
            Backend.threads(before);
        }
        assertEquals(before, Backend.threads());
    }

    @Test
    void aWrongThreadCountIsRefusedClearly() {
        var e = assertThrows(IllegalArgumentException.class, () -> Backend.threads(0));
        assertTrue(e.getMessage().contains("between 1 and"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Backend.threads(Runtime.getRuntime().availableProcessors() + 1));
    }

    @Test
    void convolutionsRunOnOneDnn() {
        // The oneDNN native build is on the class path and the tests run with the helpers switched on
        // (pom.xml), so the bridge class must let DL4J find oneDNN.
        assertTrue(Backend.oneDnn(), "DL4J's oneDNN helpers are off: is org.nd4j.nativeblas.Nd4jCpu on the class path?");
        assertEquals("oneDNN", Backend.describe().get("convolutions"));
    }

    @Test
    void theDescriptionNamesTheBackendAndTheMemory() {
        var d = Backend.describe();
        assertEquals("CPU", d.get("ND4J backend"));
        assertFalse(Backend.gpu());
        assertTrue(d.get("ND4J off-heap (max)").endsWith("GB"));
        assertTrue(d.containsKey("data folder"));
    }
}
