package gancourse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.bytedeco.javacpp.Pointer;
import org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * What runs the course's arrays: ND4J's CPU backend (how many threads, which BLAS) or its CUDA backend
 * (which GPU, how much memory). Lessons print it so a student knows what the timings refer to.
 */
public final class Backend {
    private Backend() {}

    /** True when ND4J runs on a GPU (the CUDA backend is on the classpath and started). */
    public static boolean gpu() {
        return "CUDA".equalsIgnoreCase(String.valueOf(info().get("backend")));
    }

    /** The device in a few words: "CPU, 2 threads (OpenBLAS)" or "GPU: NVIDIA T4, 15.8 GB". */
    public static String device() {
        Properties p = info();
        if (gpu()) {
            Object devices = p.get("cuda.devicesInformation");
            if (devices instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> d) {
                Object mem = d.get("cuda.totalMemory");
                String gb = mem instanceof Number n ? String.format(", %.1f GB", n.doubleValue() / 1e9) : "";
                return "GPU: " + d.get("cuda.deviceName") + gb;
            }
            return "GPU";
        }
        return "CPU, " + threads() + " threads (" + p.get("blas.vendor") + ")";
    }

    /**
     * How many CPU threads ND4J's operations use. Small networks (the dense GANs and autoencoders) run faster
     * on one: their matrix products are too small to share between threads, and the threads' hand-over costs
     * more than it saves. Convolutions are big enough for all cores. No effect on a GPU.
     */
    public static void threads(int n) {
        int cores = Runtime.getRuntime().availableProcessors();
        if (n < 1 || n > cores) {
            throw new IllegalArgumentException("threads must be between 1 and the " + cores + " processors, got " + n);
        }
        if (gpu()) return;
        Nd4j.getEnvironment().setMaxThreads(n);
        Nd4j.getEnvironment().setMaxMasterThreads(n);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(n);
        Nd4j.factory().blas().setMaxThreads(n); // OpenBLAS has a thread pool of its own for matrix products
    }

    /** The threads ND4J's operations use now. */
    public static int threads() {
        return NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads();
    }

    /**
     * Whether convolution, pooling and batch-norm layers run on oneDNN (fast) rather than im2col. Needs the
     * oneDNN build of ND4J (the library depends on it), org.nd4j.nativeblas.Nd4jCpu (in this library) and the
     * JVM option -Dorg.eclipse.deeplearning4j.helpers.disable=false, which the course's kernel and command
     * line set.
     */
    public static boolean oneDnn() {
        return !gpu() && !Boolean.parseBoolean(System.getProperty("org.eclipse.deeplearning4j.helpers.disable", "true"))
                && BaseMKLDNNHelper.mklDnnEnabled();
    }

    /** The facts a student or a teacher wants to see first, in order. */
    public static Map<String, String> describe() {
        Runtime rt = Runtime.getRuntime();
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Java", System.getProperty("java.vm.name") + " " + Runtime.version());
        m.put("ND4J backend", String.valueOf(info().get("backend")));
        m.put("device", device());
        if (!gpu()) {
            m.put("native build", "libnd4j" + System.getProperty(NativeBuild.PROPERTY, " (JavaCPP's default)"));
            m.put("convolutions", oneDnn() ? "oneDNN" : "im2col (slow: see the README on oneDNN)");
        }
        m.put("processors", Integer.toString(rt.availableProcessors()));
        m.put("Java heap (max)", gigabytes(rt.maxMemory()));
        m.put("ND4J off-heap (max)", gigabytes(Pointer.maxBytes()));
        String gpuProblem = GpuCheck.check(); // empty unless a GPU kernel had to fall back to the CPU
        if (!gpuProblem.isEmpty()) m.put("GPU problem", gpuProblem);
        m.put("smoke mode", Course.smoke() ? "on (tiny data and iterations, for tests)" : "off");
        m.put("data folder", Course.dataDir().toString());
        return m;
    }

    private static Properties info() {
        return Nd4j.getExecutioner().getEnvironmentInformation();
    }

    private static String gigabytes(long bytes) {
        return String.format("%.1f GB", bytes / 1e9);
    }
}
