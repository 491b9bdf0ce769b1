package gancourse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Chooses which of ND4J's native CPU builds JavaCPP loads: oneDNN with AVX2 where the CPU has AVX2 and FMA,
 * plain oneDNN otherwise. The AVX2 build makes ND4J's element-wise work (the optimiser, activations) faster:
 * 7-13% of a dense GAN's step on this course's machine. JavaCPP on its own would load the AVX2 build on any
 * CPU and crash with an illegal instruction on one without AVX2 (deeplearning4j issue 8621), so the choice is
 * made here, before ND4J starts: by the command line, the benchmark, the tests and the kernel (whose
 * kernel/install-kernel compiles this same file). Dependency-free on purpose.
 */
public final class NativeBuild {
    public static final String PROPERTY = "org.bytedeco.javacpp.platform.extension";

    private NativeBuild() {}

    /** Sets JavaCPP's platform extension, unless the user set one or the CUDA backend is on the class path. */
    public static String select() {
        String chosen = System.getProperty(PROPERTY);
        if (chosen != null || cudaOnClassPath()) return chosen;
        chosen = cpuHas("avx2", "fma") ? "-onednn-avx2" : "-onednn";
        System.setProperty(PROPERTY, chosen);
        return chosen;
    }

    // The extension is global in JavaCPP: set, it would also stop the CUDA backend from finding its cuDNN build.
    // A GPU kernel that chose the CPU before ND4J started (GpuSupport) has the CUDA jars off its class path.
    private static boolean cudaOnClassPath() {
        if (System.getProperty(GpuSupport.REFUSED) != null) return false;
        String paths = System.getProperty("java.class.path", "") + ";" + System.getenv().getOrDefault("RJK_CLASSPATH", "");
        return paths.contains("nd4j-cuda") || paths.contains("lib-gpu");
    }

    static boolean cpuHas(String... flags) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("flags")) {
                    List<String> has = Arrays.asList(line.substring(line.indexOf(':') + 1).trim().split("\\s+"));
                    return has.containsAll(List.of(flags));
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or no /proc: the build that runs everywhere.
        }
        return false;
    }
}
