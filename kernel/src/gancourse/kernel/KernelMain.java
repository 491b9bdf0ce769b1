package gancourse.kernel;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.logging.LogManager;

import org.rapaio.jupyter.kernel.MainApp;

/*
 * Starts rapaio-jupyter-kernel 3.0.1, quietly, and ends the JVM as soon as the kernel has closed.
 *
 * Why quietly: the kernel is built in MainApp's static initializer, before MainApp reads its logging
 * settings; it prints "Parsing classpath: ..." and "Add ... to classpath" to stdout for every jar (about
 * 70 lines at each start, in every CI log) and logs at INFO. Here our logging.properties (warnings and
 * errors) is read first, and those two kinds of lines are dropped while the kernel is built.
 *
 * Why exit: after a shutdown_request the kernel's main() returns, but any non-daemon thread keeps the JVM
 * alive: the stock JShell engine's idle worker for 60 s after any cell ran, and a thread a cell started,
 * for good. Jupyter waits 5 s and then kills it; a kernel killed on every shutdown (and a JVM left behind
 * by anything that does not kill) is worse than ending the JVM here, where nothing is left to do.
 */
public final class KernelMain {

    public static void main(String[] args) {
        int status = 0;
        try {
            gpuOrCpu();
            gancourse.NativeBuild.select(); // ND4J's AVX2 build where the CPU has AVX2, before a cell loads ND4J
            projectDataFolder();
            JShellSources.install(); // before the kernel starts JShell
            buildKernelQuietly();
            MainApp.main(args);
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    /*
     * The GPU kernel (gancourse.backend=cuda) checks, before ND4J starts, that CUDA can run: an NVIDIA driver,
     * and a GPU that ND4J's CUDA build has code for (gancourse.GpuSupport). If not, the CUDA jars are left off
     * the class path (see KernelEnv): ND4J starts on the CPU backend, with the fast native build, and
     * Backend.describe() says why in one line. Without this check ND4J tried CUDA, printed a long stack trace
     * and fell back on the plain native build. GAN_COURSE_DEBUG=1 skips the check, to see CUDA's own error.
     */
    private static void gpuOrCpu() {
        if (!"cuda".equalsIgnoreCase(System.getProperty("gancourse.backend", "")) || debug()) return;
        String why = gancourse.GpuSupport.refusal();
        if (!why.isEmpty()) {
            System.setProperty(gancourse.GpuSupport.REFUSED, why);
            System.err.println("gan-course kernel: the CPU backend runs instead of the GPU: " + why);
        }
    }

    static boolean debug() {
        String v = System.getenv("GAN_COURSE_DEBUG");
        return v != null && !v.isBlank() && !v.equals("0") && !v.equalsIgnoreCase("false");
    }

    /*
     * The kernelspec names the project's data folder (gancourse.data.default): a kernel that another Jupyter
     * starts from another folder (VS Code, the student's own JupyterLab) would otherwise cache the datasets
     * in <its folder>/data and download them again. GAN_COURSE_DATA, set in the environment or as a JVM
     * option, still wins: the kernelspec cannot give a variable a default value, so this is done here.
     */
    private static void projectDataFolder() {
        String projectData = System.getProperty("gancourse.data.default");
        String env = System.getenv("GAN_COURSE_DATA");
        if (projectData != null && !projectData.isBlank() && (env == null || env.isBlank())
                && System.getProperty("GAN_COURSE_DATA") == null) {
            System.setProperty("GAN_COURSE_DATA", projectData);
        }
    }

    private static void buildKernelQuietly() throws Exception {
        try (InputStream settings = KernelMain.class.getResourceAsStream("/logging.properties")) {
            if (settings != null) {
                LogManager.getLogManager().readConfiguration(settings);
            }
        }
        PrintStream stdout = System.out;
        ClasspathLinesDropped filter = new ClasspathLinesDropped(stdout);
        System.setOut(new PrintStream(filter, true));
        try {
            Class.forName(MainApp.class.getName()); // runs the static initializer, which builds the kernel
        } finally {
            System.out.flush();
            System.setOut(stdout);
            filter.passLine(); // what is left of a last line without its newline
        }
    }

    /** Passes stdout on line by line, except the kernel's two messages about its class path. */
    private static final class ClasspathLinesDropped extends OutputStream {
        private final PrintStream out;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        ClasspathLinesDropped(PrintStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) {
            line.write(b);
            if (b == '\n') {
                passLine();
            }
        }

        void passLine() {
            String text = line.toString(Charset.defaultCharset());
            line.reset();
            String trimmed = text.strip();
            boolean classpathLine = trimmed.startsWith("Parsing classpath: ")
                    || (trimmed.startsWith("Add ") && trimmed.endsWith(" to classpath"));
            if (!classpathLine) {
                out.print(text);
                out.flush();
            }
        }
    }
}
