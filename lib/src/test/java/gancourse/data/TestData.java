package gancourse.data;

import gancourse.Course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/** Where the tests find the dataset mirror, and a cache shared by the tests that only read. */
public final class TestData {
    private static Path shared;

    private TestData() {}

    /**
     * The offline copy of the datasets: {@code GAN_COURSE_DATA_MIRROR}, else {@code ../shared/datasets}
     * from the repository's root. Fails (never skips) if it is not there.
     */
    public static Path mirror() {
        String env = System.getenv(Course.MIRROR);
        // Maven runs the tests in lib/, whose parent is the repository's root.
        Path dir = env != null && !env.isBlank()
                ? Path.of(env).toAbsolutePath()
                : Path.of("").toAbsolutePath().getParent().resolve("../shared/datasets").normalize();
        if (!Files.isDirectory(dir.resolve("mnist")) || !Files.isDirectory(dir.resolve("fashion-mnist"))
                || !Files.isDirectory(dir.resolve("cifar-10"))) {
            fail("The dataset mirror is missing: " + dir + " should hold mnist/, fashion-mnist/ and cifar-10/. "
                    + "Set " + Course.MIRROR + " to the folder holding the offline copies of the datasets.");
        }
        return dir;
    }

    /**
     * A cache filled from the mirror once per test run (CIFAR-10 unpacks 180 MB), for the tests that
     * only read. Tests that damage files make their own.
     */
    static synchronized Path sharedCache() {
        if (shared == null) {
            shared = tempDir("gan-course-shared-cache");
        }
        return shared;
    }

    /** Points the course's settings at this data folder and the mirror, in smoke mode or not. */
    public static void useCourseSettings(Path data, boolean smoke) {
        System.setProperty(Course.DATA, data.toString());
        System.setProperty(Course.MIRROR, mirror().toString());
        System.setProperty(Course.SMOKE, smoke ? "1" : "0");
    }

    public static void clearCourseSettings() {
        System.clearProperty(Course.DATA);
        System.clearProperty(Course.MIRROR);
        System.clearProperty(Course.SMOKE);
    }

    static Path tempDir(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every regular file under {@code dir}: what a failed fetch must not leave behind. */
    static List<Path> filesUnder(Path dir) throws IOException {
        if (!Files.exists(dir)) return List.of();
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
