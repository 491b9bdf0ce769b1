package gancourse;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The course's few settings, read from the environment so that a notebook cell, the command line and the
 * tests all see the same ones. The launcher ({@code ./course}) and the kernelspec set them; a user of
 * another kernel can set them by hand.
 *
 * <ul>
 *   <li>{@code GAN_COURSE_DATA}: where datasets are cached (default: the project's {@code data/} folder).</li>
 *   <li>{@code GAN_COURSE_DATA_MIRROR}: a local folder laid out like the official downloads; when set,
 *       files are copied from there instead of the internet.</li>
 *   <li>{@code GAN_COURSE_DATA_SHARED}: a read-only folder of datasets prepared once for a class (laid out
 *       like {@code GAN_COURSE_DATA}); datasets found there are read in place, and nothing is written
 *       there.</li>
 *   <li>{@code GAN_COURSE_SMOKE}: {@code 1} shrinks data and iterations so that every notebook runs in
 *       seconds ({@link #smokeValue} says which values count). Tests use it; students never need it.</li>
 * </ul>
 */
public final class Course {
    public static final String DATA = "GAN_COURSE_DATA";
    public static final String MIRROR = "GAN_COURSE_DATA_MIRROR";
    public static final String SMOKE = "GAN_COURSE_SMOKE";
    public static final String SHARED = "GAN_COURSE_DATA_SHARED";

    private Course() {}

    /** Smoke mode: a quick run that checks every cell works, not a real lesson. */
    public static boolean smoke() {
        return smokeValue(setting(SMOKE));
    }

    /**
     * Whether a value of {@code GAN_COURSE_SMOKE} turns smoke mode on: off when unset or, trimmed and in any
     * case, "", "0", "false", "no" or "off". The same rule as {@code ./course} and {@code tools/settings.py};
     * all three are tested against one table, {@code tools/smoke-rule.tsv}.
     */
    static boolean smokeValue(String value) {
        if (value == null) return false;
        String v = value.strip().toLowerCase(java.util.Locale.ROOT);
        return !(v.isEmpty() || v.equals("0") || v.equals("false") || v.equals("no") || v.equals("off"));
    }

    /** The full-size value in a lesson, the small one in smoke mode. */
    public static int size(int full, int smoke) {
        return smoke() ? smoke : full;
    }

    /** The folder where datasets, checkpoints and other downloads are cached. */
    public static Path dataDir() {
        String v = setting(DATA);
        if (v != null && !v.isBlank()) return Path.of(v).toAbsolutePath();
        // Not set: look for the project's data/ folder from where we run (notebooks/, lib/ or the root).
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("course")) && Files.isDirectory(p.resolve("lib"))) {
                return p.resolve("data");
            }
        }
        return dir.resolve("data");
    }

    /**
     * Where a lesson keeps a model it trained: {@code data/models/NAME.zip}, or {@code NAME-smoke.zip} in smoke
     * mode, so that a smoke run never overwrites, nor is taken for, a fully trained model.
     */
    public static Path modelFile(String name) {
        if (name == null || name.isBlank() || name.contains("/") || name.contains("\\") || name.endsWith(".zip")) {
            throw new IllegalArgumentException("modelFile: give a plain name such as \"lesson02\", got " + name);
        }
        return dataDir().resolve("models").resolve(name + (smoke() ? "-smoke.zip" : ".zip"));
    }

    /** The local mirror of the official dataset files, or null to download from the internet. */
    public static Path mirror() {
        String v = setting(MIRROR);
        return v == null || v.isBlank() ? null : Path.of(v).toAbsolutePath();
    }

    /** A class's read-only folder of prepared datasets, or null. */
    public static Path sharedData() {
        String v = setting(SHARED);
        return v == null || v.isBlank() ? null : Path.of(v).toAbsolutePath();
    }

    // A system property wins over the environment, so a test can set one without a new process.
    private static String setting(String name) {
        String p = System.getProperty(name);
        return p != null ? p : System.getenv(name);
    }
}
