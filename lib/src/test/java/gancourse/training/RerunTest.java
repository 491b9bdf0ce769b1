package gancourse.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import gancourse.display.LiveView;
import gancourse.display.Screen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: running a lesson's training cell again (after Stop, or to train more). The cell makes a new live view,
 * registers it with onStep and trains; the old, finished view must not still be listening.
 */
class RerunTest {
    private static final Screen SCREEN = Screen.of(o -> "id", (id, o) -> {});

    // Lesson 02's fit(...) cell, as it is written in the notebook.
    private static int fit(GanTrainer t, int iterations) {
        var view = new LiveView(SCREEN, iterations).chart("Losses", "D loss", "G loss").chart("D's verdicts", "D(x)", "D(G(z))");
        long start = t.iteration();
        t.onStep(s -> view.update((int) (s.iteration() - start), s.epoch(), s.values()));
        int done = t.train(iterations);
        view.finish();
        return done;
    }

    @Test
    void theTrainingCellRunsAgainAndAgain(@TempDir Path dir) {
        GanTrainer t = GanTrainerTest.toy(1);
        t.checkpointTo(dir.resolve("c.zip"), 1000);
        assertEquals(5, fit(t, 5));
        assertEquals(5, fit(t, 5), "the second run of the cell trains");
        assertEquals(3, fit(t, 3), "and so does every later one");
        assertEquals(13, t.iteration());
        assertEquals(13, GanTrainer.resume(dir.resolve("c.zip"), GanTrainerTest.data(256)).iteration(),
                "every step that was taken is saved");
    }

    @Test
    void aListenerIsForOneRun() {
        GanTrainer t = GanTrainerTest.toy(2);
        List<Long> seen = new ArrayList<>();
        t.onStep(s -> seen.add(s.iteration()));
        t.train(2);
        t.train(2);
        assertEquals(List.of(1L, 2L), seen);
        t.train(2, s -> seen.add(-s.iteration()));
        assertEquals(List.of(1L, 2L, -5L, -6L), seen);
    }

    @Test
    void aFailingListenerLeavesNoStepUnsaved(@TempDir Path dir) {
        GanTrainer t = GanTrainerTest.toy(3);
        Path file = dir.resolve("c.zip");
        t.checkpointTo(file, 1000);
        t.onStep(s -> {
            if (s.iteration() == 2) throw new IllegalStateException("a view that cannot draw");
        });
        assertThrows(IllegalStateException.class, () -> t.train(10));
        assertEquals(2, t.iteration());
        assertEquals(2, GanTrainer.resume(file, GanTrainerTest.data(256)).iteration(), "the step taken was saved");
        assertEquals(3, t.train(3), "and later runs work");
        assertEquals(5, GanTrainer.resume(file, GanTrainerTest.data(256)).iteration());
    }

    @Test
    void aStoppedRunCanBeRunAgain() {
        GanTrainer t = GanTrainerTest.toy(4);
        var view = new LiveView(SCREEN, 10).chart("Losses", "D loss", "G loss").chart("D's verdicts", "D(x)", "D(G(z))");
        t.onStep(s -> {
            view.update((int) s.iteration(), s.epoch(), s.values());
            if (s.iteration() == 3) Thread.currentThread().interrupt(); // what Stop does, between two steps
        });
        assertEquals(3, t.train(10));
        view.finish();
        assertEquals(4, fit(t, 4));
        assertTrue(t.iteration() == 7);
    }
}
