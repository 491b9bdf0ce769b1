package gancourse.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import gancourse.Backend;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The Java side of {@code ./course bench}: takes one command a line from bench/run.py and answers with a line that
 * starts with "@" (ND4J may print other lines). Living on between commands lets the driver alternate rounds with
 * the PyTorch reference while both stay warm.
 *
 * <pre>
 *   load MODEL          -> @ready MODEL FLOPS_PER_STEP THREADS
 *   run MODEL STEPS     -> @time MODEL STEPS SECONDS
 *   probe MODEL STEPS   -> @probe MODEL v1 v2 ...   (a fresh model's output after STEPS steps)
 *   peak                -> @peak GFLOPS             (a large matrix product on all cores)
 *   info                -> @info oneDNN=... threads=...
 * </pre>
 */
public final class BenchWorker {
    private BenchWorker() {}

    public static void main(String[] args) throws Exception {
        gancourse.NativeBuild.select(); // before anything loads ND4J
        Map<String, Workload> loaded = new HashMap<>();
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            String[] w = line.trim().split("\\s+");
            try {
                switch (w[0]) {
                    case "load" -> {
                        Workload m = loaded.computeIfAbsent(w[1], Workloads::of);
                        reply("ready", m.name(), m.flopsPerStep(), m.threads());
                    }
                    case "run" -> {
                        Workload m = loaded.computeIfAbsent(w[1], Workloads::of);
                        reply("time", m.name(), w[2], time(m, Integer.parseInt(w[2])));
                    }
                    case "probe" -> {
                        Workload m = Workloads.of(w[1]);
                        Backend.threads(m.threads());
                        for (int i = 0; i < Integer.parseInt(w[2]); i++) m.step().run();
                        StringBuilder sb = new StringBuilder();
                        for (float v : m.probe().get()) sb.append(' ').append(v);
                        reply("probe", m.name() + sb);
                    }
                    case "peak" -> reply("peak", peakGflops());
                    case "info" -> reply("info", "native=" + loadedBuild(), "oneDNN=" + Backend.oneDnn(),
                            "cores=" + Runtime.getRuntime().availableProcessors());
                    case "quit" -> { System.out.flush(); System.exit(0); }
                    default -> reply("error", "unknown command: " + line);
                }
            } catch (RuntimeException e) {
                reply("error", String.valueOf(e.getMessage()).replace('\n', ' '));
            }
        }
        System.exit(0);
    }

    private static double time(Workload m, int steps) {
        Backend.threads(m.threads());
        long t0 = System.nanoTime();
        for (int i = 0; i < steps; i++) m.step().run();
        return (System.nanoTime() - t0) / 1e9;
    }

    // The median of a few 2048 x 2048 single-precision products on every core: what the BLAS gets out of the CPU.
    // The median, not the best: a container may briefly run on more cores than it is given.
    static double peakGflops() {
        Backend.threads(Runtime.getRuntime().availableProcessors());
        int n = 2048;
        Nd4j.getRandom().setSeed(1);
        INDArray a = Nd4j.rand(DataType.FLOAT, n, n), b = Nd4j.rand(DataType.FLOAT, n, n), c = Nd4j.create(DataType.FLOAT, n, n);
        double[] rates = new double[5];
        Nd4j.gemm(a, b, c, false, false, 1.0, 0.0); // warm-up
        for (int i = 0; i < rates.length; i++) {
            long t0 = System.nanoTime();
            Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
            rates[i] = 2.0 * n * n * n / ((System.nanoTime() - t0) / 1e9) / 1e9;
        }
        java.util.Arrays.sort(rates);
        return rates[rates.length / 2];
    }

    // Which libnd4jcpu.so the process really loaded (linux-x86_64, linux-x86_64-onednn, ...-onednn-avx2).
    static String loadedBuild() throws java.io.IOException {
        Nd4j.create(1);
        return java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/maps")).stream()
                .filter(l -> l.endsWith("/libnd4jcpu.so")).map(l -> java.nio.file.Path.of(l.substring(l.indexOf('/'))).getParent().getFileName().toString())
                .findFirst().orElse("unknown");
    }

    private static void reply(String kind, Object... values) {
        StringBuilder sb = new StringBuilder("@").append(kind);
        for (Object v : values) sb.append(' ').append(v);
        System.out.println(sb);
        System.out.flush();
    }
}
