package gancourse;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Whether ND4J's CUDA 11.6 build can run on this machine's GPU, decided before ND4J starts: no NVIDIA driver,
 * or a GPU the build has no code for, and the GPU kernel runs on the CPU backend from the start, saying why in
 * one line (instead of a stack trace and a fallback that also lost the fast CPU build). Dependency-free on
 * purpose: the kernel (kernel/install-kernel) compiles this same file into its start-up.
 *
 * <p>{@link #BUILT_FOR}: the compute capabilities libnd4jcuda.so (in nd4j-cuda-11.6-1.0.0-M2.1-linux-x86_64.jar)
 * has compiled kernels for. It holds no PTX, so no newer GPU can compile its own: a GPU runs the build only
 * when a kernel of its own major version and an equal or lower minor is there (CUDA's binary compatibility).
 * GpuSupportTest reads them from the jar's fat binaries, and the README's table from this list.
 */
public final class GpuSupport {
    /** Compute capabilities with compiled kernels in ND4J 1.0.0-M2.1's CUDA 11.6 build. */
    public static final List<String> BUILT_FOR = List.of("3.7", "5.0", "5.2", "6.0", "6.1", "7.0", "7.5", "8.0", "8.6");
    /** Set by the kernel when it chose the CPU before ND4J started: the reason, in one line. */
    public static final String REFUSED = "gancourse.cuda.refused";

    private GpuSupport() {}

    /** True when a GPU of this compute capability runs one of {@link #BUILT_FOR}'s kernels. */
    public static boolean runs(String capability) {
        int[] device = parse(capability);
        for (String built : BUILT_FOR) {
            int[] b = parse(built);
            if (b[0] == device[0] && b[1] <= device[1]) return true;
        }
        return false;
    }

    /** The compiled kernels a GPU of this capability uses, e.g. "8.6" for an RTX 4090 (8.9); null if none. */
    public static String kernelsFor(String capability) {
        int[] device = parse(capability);
        String best = null;
        for (String built : BUILT_FOR) {
            int[] b = parse(built);
            if (b[0] == device[0] && b[1] <= device[1]) best = built;
        }
        return best;
    }

    /**
     * Empty when CUDA may start (a driver, and a supported GPU or one whose capability cannot be read); otherwise
     * why the CPU backend runs instead, in one line.
     */
    public static String refusal() {
        if (!driverPresent()) return "no NVIDIA driver: libcuda.so.1 missing";
        List<String[]> gpus = nvidiaSmiGpus();
        return gpus == null ? "" : refusal(gpus);
    }

    /** The decision for GPUs given as {name, compute capability}: the first one is the one ND4J uses. */
    static String refusal(List<String[]> gpus) {
        if (gpus.isEmpty()) return "the NVIDIA driver sees no GPU (nvidia-smi lists none)";
        String name = gpus.get(0)[0], capability = gpus.get(0)[1];
        if (!capability.matches("\\d+\\.\\d+") || runs(capability)) return "";
        return name + " (compute capability " + capability + ") is not supported by ND4J's CUDA 11.6 build, "
                + "which has kernels for compute capabilities " + String.join(", ", BUILT_FOR) + " and no PTX";
    }

    /** libcuda.so.1, the driver's library, where the dynamic loader looks for it. */
    static boolean driverPresent() {
        List<String> dirs = new ArrayList<>();
        String ld = System.getenv("LD_LIBRARY_PATH");
        if (ld != null) dirs.addAll(List.of(ld.split(File.pathSeparator)));
        dirs.addAll(List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib", "/lib/x86_64-linux-gnu", "/lib64",
                "/usr/local/nvidia/lib64", "/usr/lib/wsl/lib"));
        for (String dir : dirs) {
            if (!dir.isBlank() && Files.exists(Path.of(dir, "libcuda.so.1"))) return true;
        }
        String cache = run("ldconfig", "-p");
        if (cache == null) cache = run("/sbin/ldconfig", "-p");
        return cache != null && cache.contains("libcuda.so.1");
    }

    /** {name, compute capability} of each GPU, from nvidia-smi; null when nvidia-smi cannot tell. */
    static List<String[]> nvidiaSmiGpus() {
        String out = run("nvidia-smi", "--query-gpu=name,compute_cap", "--format=csv,noheader");
        if (out == null) return null;
        List<String[]> gpus = new ArrayList<>();
        if (out.isBlank()) return gpus;
        for (String line : out.split("\n")) {
            int comma = line.lastIndexOf(',');
            if (comma < 0) return null; // an old driver without compute_cap: let CUDA decide
            gpus.add(new String[] {line.substring(0, comma).strip(), line.substring(comma + 1).strip()});
        }
        return gpus;
    }

    private static int[] parse(String capability) {
        String[] p = capability.strip().split("\\.");
        return new int[] {Integer.parseInt(p[0]), p.length > 1 ? Integer.parseInt(p[1]) : 0};
    }

    // The command's output, or null when it is missing, fails or takes more than 10 s.
    private static String run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            StringBuilder out = new StringBuilder();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (!line.isBlank()) out.append(line).append('\n');
                }
            }
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) return null;
            return out.toString().strip();
        } catch (IOException | InterruptedException e) {
            return null;
        }
    }
}
