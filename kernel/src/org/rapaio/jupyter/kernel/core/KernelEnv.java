package org.rapaio.jupyter.kernel.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.rapaio.jupyter.kernel.GeneralProperties;

/*
 * Replacement for the class of the same name in rapaio-jupyter-kernel 3.0.1: the kernel's settings, read
 * from the RJK_* environment variables that the kernelspec sets (the same ones, with the same defaults).
 * Same public methods as 3.0.1, so the kernel links to it.
 *
 * Why: the GPU kernel's class path holds ND4J's CUDA backend beside the CPU one. When the kernel has found,
 * before ND4J starts, that CUDA cannot run here (no NVIDIA driver, or a GPU the build has no code for:
 * KernelMain sets gancourse.cuda.refused), the CUDA jars are left off the class path, so that ND4J starts
 * straight on the CPU backend instead of failing on CUDA with a stack trace first.
 */
public class KernelEnv {

    private final List<String> compilerOptions;
    private final long timeoutMillis;
    private final String initScriptContent;
    private final String classpath;
    private final String mimaCache;

    public KernelEnv() {
        GeneralProperties defaults = GeneralProperties.defaultProperties();
        String options = setting(RapaioKernel.RJK_COMPILER_OPTIONS, defaults.getDefaultCompilerOptions());
        compilerOptions = new ArrayList<>(Arrays.stream(options.split("\\s+")).filter(s -> !s.isBlank()).toList());
        String timeout = setting(RapaioKernel.RJK_TIMEOUT_MILLIS, defaults.getDefaultTimeoutMillis());
        try {
            timeoutMillis = Long.parseLong(timeout.trim());
        } catch (NumberFormatException e) {
            throw new RuntimeException("Cannot start the kernel: " + RapaioKernel.RJK_TIMEOUT_MILLIS + "='" + timeout
                    + "' is not a number of milliseconds");
        }
        String script = setting(RapaioKernel.RJK_INIT_SCRIPT, defaults.getDefaultInitScript());
        initScriptContent = script.isBlank() ? "" : read(script);
        String cp = setting(RapaioKernel.RJK_CLASSPATH, "");
        classpath = System.getProperty("gancourse.cuda.refused") == null ? cp : withoutCuda(cp);
        mimaCache = setting(RapaioKernel.RJK_MIMA_CACHE, defaults.getDefaultMimaCache());
    }

    private static String setting(String name, String fallback) {
        String v = System.getenv(name);
        return v != null ? v : fallback == null ? "" : fallback;
    }

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RuntimeException("Cannot load the init script " + path + ": " + e.getMessage());
        }
    }

    // The class path (';'-separated, 'dir/*.jar' globs) with every 'dir/*.jar' written out, less CUDA's jars.
    static String withoutCuda(String cp) {
        List<String> kept = new ArrayList<>();
        for (String entry : cp.split(";")) {
            if (!entry.endsWith("/*.jar")) {
                if (!isCuda(Path.of(entry).getFileName().toString())) kept.add(entry);
                continue;
            }
            List<String> inDir = new ArrayList<>();
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of(entry.substring(0, entry.length() - 6)), "*.jar")) {
                for (Path jar : jars) {
                    if (!isCuda(jar.getFileName().toString())) inDir.add(jar.toString());
                }
            } catch (IOException e) {
                inDir = List.of(entry);
            }
            kept.addAll(inDir.stream().sorted().toList()); // the order in which the kernel's glob lists them
        }
        return String.join(";", kept);
    }

    private static boolean isCuda(String jarName) {
        return jarName.startsWith("nd4j-cuda") || jarName.startsWith("cuda-");
    }

    public List<String> compilerOptions() {
        return compilerOptions;
    }

    public long timeoutMillis() {
        return timeoutMillis;
    }

    public String initScriptContent() {
        return initScriptContent;
    }

    public String classpath() {
        return classpath;
    }

    public String mimaCache() {
        return mimaCache;
    }
}
