package gancourse;

import java.util.Locale;


/**
 * Why a GPU kernel runs on the CPU, in plain words. The GPU kernel puts both ND4J backends on the classpath:
 * ND4J tries them by priority (CUDA 100, CPU 0; environment variables BACKEND_PRIORITY_GPU and
 * BACKEND_PRIORITY_CPU change that), skips one whose natives do not start, and logs only a terse
 * "Skipped [JCublasBackend] backend (unavailable)". This class asks the CUDA backend again and translates
 * its error into what to do.
 */
public final class GpuCheck {
    /** Set by the GPU kernelspec and {@code mvn -Pgpu}: the user asked for CUDA. */
    public static final String WANTED = "gancourse.backend";
    static final String CUDA_BACKEND = "org.nd4j.linalg.jcublas.JCublasBackend";

    private GpuCheck() {}

    /** Empty when all is as asked; otherwise one paragraph a student can act on. */
    public static String check() {
        if (!"cuda".equalsIgnoreCase(System.getProperty(WANTED, "")) || Backend.gpu()) return "";
        String refused = System.getProperty(GpuSupport.REFUSED); // the kernel's check before ND4J started
        if (refused != null) return "This kernel was set up for the GPU but runs on the CPU: " + refused + ".";
        return explain(probeCuda());
    }

    /** The CUDA backend's own complaint: null when its classes are missing, "" when it says it can run. */
    static String probeCuda() {
        try {
            Class<?> c = Class.forName(CUDA_BACKEND);
            Object backend = c.getDeclaredConstructor().newInstance();
            boolean ok = (boolean) c.getMethod("canRun").invoke(backend);
            return ok ? "" : "the CUDA backend says it cannot run";
        } catch (ClassNotFoundException e) {
            return null;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            Throwable t = e;
            while (t.getCause() != null) t = t.getCause();
            return t.toString();
        }
    }

    /** The plain-words reason for a CUDA failure message (null: the CUDA jars are not on the classpath). */
    static String explain(String error) {
        String head = "This kernel was set up for the GPU but runs on the CPU: ";
        if (error == null) {
            return head + "the CUDA backend is not installed. Run ./course setup --gpu, then pick the kernel "
                    + "\"Java (GAN course, GPU)\".";
        }
        String e = error.toLowerCase(Locale.ROOT);
        if (e.contains("libcuda.so") || e.contains("no cuda-capable device") || e.contains("cuda driver") && e.contains("not found")) {
            return head + "no NVIDIA driver or GPU was found. Check that `nvidia-smi` lists your GPU "
                    + "(in Docker: run with --gpus all).";
        }
        if (e.contains("insufficient") || e.contains("driver version")) {
            return head + "the NVIDIA driver is too old for CUDA 11.6. Install driver 450.80.02 or newer "
                    + "(510 or newer recommended); `nvidia-smi` shows the version you have.";
        }
        if (e.contains("no kernel image") || e.contains("compute capability") || e.contains("unsupported gpu")) {
            return head + "this GPU's architecture is not among those ND4J's CUDA 11.6 build has code for "
                    + "(compute capabilities " + String.join(", ", GpuSupport.BUILT_FOR) + "). See the README's GPU section.";
        }
        if (e.contains("out of memory")) {
            return head + "the GPU has no free memory: close other programs that use it (see `nvidia-smi`).";
        }
        return head + "the CUDA backend failed to start (" + error + "). The README's GPU section lists what it needs.";
    }
}
