package gancourse.training;

import gancourse.display.Gallery;
import gancourse.display.LiveView;
import gancourse.display.Screen;
import java.util.Objects;

/**
 * A GAN trainer tied to a live view, the way every lesson trains: the losses, D's verdicts on real and fake
 * images, and the fixed noise batch drawn as an 8-column grid, redrawn in place while it trains.
 *
 * <pre>{@code
 * LiveTraining.fit(trainer, 4000, screen);
 * }</pre>
 */
public final class LiveTraining {
    private LiveTraining() {}

    /**
     * Trains {@code iterations} more iterations with a live view on the screen; returns the view (its history is
     * the run's). The view counts from where the trainer was, so a second call shows the new part of the run.
     */
    public static LiveView fit(GanTrainer trainer, int iterations, Screen screen) {
        Objects.requireNonNull(trainer, "trainer");
        Objects.requireNonNull(screen, "screen: in a notebook, pass screen; on the command line, Screen.console()");
        if (iterations < 1) throw new IllegalArgumentException("iterations must be at least 1, got " + iterations);
        LiveView view = new LiveView(screen, iterations)
                .chart("Losses", "D loss", "G loss")
                .chart("D's verdicts", "D(x)", "D(G(z))");
        long start = trainer.iteration();
        boolean[] done = {false};   // the trainer keeps its listeners: this one goes quiet when its run ends
        trainer.onStep(s -> {
            if (!done[0]) {
                view.update((int) (s.iteration() - start), s.epoch(), s.values(),
                        () -> Gallery.grid(trainer.fixedSamples(), 8));
            }
        });
        try {
            trainer.train(iterations);
        } finally {
            done[0] = true;
        }
        view.finish();
        return view;
    }
}
