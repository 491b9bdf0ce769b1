package gancourse.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The table of ./course quality, from made-up rows: no training, no classifier. */
class QualityTableTest {

    private static QualityTable.Row run(String lesson, String run, long iterations, double seconds,
                                        double confident, double fd) {
        return new QualityTable.Row(lesson, run, "1", iterations, seconds, 2000, confident, 10, 10, 0.04, 0.07, fd);
    }

    @Test
    void runsAreComparedWithTheRealImagesOfTheirOwnLesson() {
        QualityTable t = new QualityTable();
        t.add(run("01 mnist-gan", "DL4J (the course)", 3000, 240, 0.80, 12.0));
        t.add(new QualityTable.Row("01 mnist-gan", "real images", "", -1, Double.NaN, 2000, 0.96, 10, 10, 0.09, 0.10, 4.0));
        t.add(run("02 fashion-gan", "DL4J (the course)", 3000, 250, 0.30, 30.0));
        t.add(new QualityTable.Row("02 fashion-gan", "real images", "", -1, Double.NaN, 2000, 0.60, 10, 10, 0.02, 0.09, 10.0));
        String md = t.markdown();
        List<String> lines = md.lines().toList();
        assertEquals(6, lines.size(), md);
        assertTrue(lines.get(0).startsWith("| lesson | run | seed | iterations |"), md);
        String lesson1 = lines.get(2);
        // 0.80 / 0.96 and 12 / 4: each run against its own lesson's real images, not the other lesson's.
        assertTrue(lesson1.contains("| 3,000 | 4:00 | 0.080 | 80.0% | 0.83x |"), lesson1);
        assertTrue(lesson1.contains("| 10 of 10 (4.0%) | 7.0% | 12.0 | 3.00x |"), lesson1);
        String lesson2 = lines.get(4);
        assertTrue(lesson2.contains("| 30.0% | 0.50x |") && lesson2.contains("| 30.0 | 3.00x |"), lesson2);
        String real = lines.get(3);
        assertTrue(real.contains("| real images |  |  |  |  | 96.0% |  |"), "no ratios for real images: " + real);
        // Coverage both ways: confident (2.0% of real Fashion-MNIST-like images) and by first choice (9.0%).
        assertTrue(lines.get(5).contains("| 10 of 10 (2.0%) | 9.0% | 10.0 |  |"), lines.get(5));
        long columns = lines.get(0).chars().filter(c -> c == '|').count();
        for (String line : lines) assertEquals(columns, line.chars().filter(c -> c == '|').count(), line);
        assertFalse(t.anyFailed());
    }

    @Test
    void aRunWithoutRealImagesHasNoRatioAndAFailureIsAMarkedRow() {
        QualityTable t = new QualityTable();
        t.add(run("04 dcgan-cifar10 (horse)", "DL4J (the course)", 1500, 600, 0.5, 20));
        t.fail(new QualityTable.Failure("04 dcgan-cifar10 (horse)", "PyTorch", "1", "no recipe | yet\nsecond line"));
        String md = t.markdown();
        assertTrue(md.contains("| 50.0% |  |"), md);
        assertTrue(md.contains("| failed: no recipe / yet second line |"), "one row, no stray column: " + md);
        assertTrue(t.anyFailed());
    }

    @Test
    void readsWhatTheTrainingsPrint() {
        double[] java = QualityTable.trained("step 1\ntrained 3000 iterations in 245.3 s: 12.2 iterations/s (CPU time 250.0 s)\n");
        assertArrayEquals(new double[] {3000, 245.3}, java);
        double[] torch = QualityTable.trained("trained 9123 iterations in 245.0 s (CPU 244.1 s)");
        assertArrayEquals(new double[] {9123, 245.0}, torch);
        assertNull(QualityTable.trained("error: out of memory"));
        // A resumed run prints a line per train() call; the last one counts.
        assertArrayEquals(new double[] {20, 2.0}, QualityTable.trained("trained 10 iterations in 1.0 s\ntrained 20 iterations in 2.0 s"));
    }

    @Test
    void aRatioNeedsAYardstick() {
        assertEquals("0.50x", QualityTable.ratio(0.3, 0.6));
        // A smoke-size classifier may be sure of no real image at all: no ratio, rather than "NaNx" or "Infinityx".
        assertEquals("", QualityTable.ratio(0.0, 0.0));
        assertEquals("", QualityTable.ratio(0.4, 0.0));
    }

    @Test
    void optionsAreCheckedBeforeAnyWork() {
        assertEquals(List.of(1, 2, 3), QualityCommand.seeds("1, 2,3,2"));
        var bad = assertThrows(Args.UsageException.class, () -> QualityCommand.seeds("1,x"));
        assertTrue(bad.getMessage().contains("--seeds"), bad.getMessage());
        assertThrows(Args.UsageException.class, () -> QualityCommand.seeds("-1"));
        assertEquals(List.of("01", "02"), QualityCommand.lessons("01,02,01").stream().map(QualityCommand.Lesson::id).toList());
        var unknown = assertThrows(Args.UsageException.class, () -> QualityCommand.lessons("03"));
        assertTrue(unknown.getMessage().contains("no lesson '03'") && unknown.getMessage().contains("01, 02, 04, 05"),
                unknown.getMessage());
    }

    @Test
    void everyLessonWithATrainCommandNamesOne() {
        for (QualityCommand.Lesson l : QualityCommand.LESSONS.values()) {
            if (TrainCommand.MODELS.contains(l.model())) assertEquals(l, QualityCommand.lessons(l.id()).get(0));
            else assertThrows(Args.UsageException.class, () -> QualityCommand.lessons(l.id()), l.id());
        }
    }
}
