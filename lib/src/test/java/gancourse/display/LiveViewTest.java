package gancourse.display;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class LiveViewTest {

    /** A notebook stand-in: remembers what was shown and replaced. */
    static final class Recording implements Screen {
        final List<String> events = new ArrayList<>();
        final List<Object> contents = new ArrayList<>();
        int pictures;

        @Override
        public String show(Object content) {
            record("show", content);
            return "out" + events.size();
        }

        @Override
        public void replace(String id, Object content) {
            record("replace " + id, content);
        }

        private void record(String what, Object content) {
            if (content instanceof BufferedImage) pictures++;
            events.add(what + (content instanceof BufferedImage ? " picture" : " text"));
            contents.add(content);
        }

        String lastText() {
            for (int i = contents.size() - 1; i >= 0; i--) if (contents.get(i) instanceof Html h) return h.text();
            return null;
        }
    }

    /** A clock that only moves when the test says so. */
    static final class Clock {
        long nanos;

        void at(double seconds) {
            nanos = Math.round(seconds * 1e9);
        }
    }

    private static LiveView view(Screen screen, int total, Clock clock) {
        return new LiveView(screen, total, () -> clock.nanos).chart("losses", "D loss", "G loss");
    }

    @Test
    void redrawsAtMostEveryHalfSecondAndOnceMoreAtTheEnd() {
        Recording screen = new Recording();
        Clock clock = new Clock();
        LiveView view = view(screen, 100, clock);
        double[] times = {0.1, 0.2, 0.4, 0.6, 0.7, 1.0, 1.05, 1.2};
        for (int i = 0; i < times.length; i++) {
            clock.at(times[i]);
            view.update(i + 1, 1, Map.of("D loss", 1.0, "G loss", 2.0));
        }
        // Drawn at 0.1 (the first update), 0.6 and 1.1 or later: 1.2.
        assertEquals(3, screen.pictures);
        assertEquals(List.of("show text", "show picture", "replace out1 text", "replace out2 picture",
                "replace out1 text", "replace out2 picture"), screen.events);
        clock.at(1.3);
        view.update(9, 1, Map.of("D loss", 1.0));
        assertEquals(3, screen.pictures);
        clock.at(1.4);
        view.finish();
        assertEquals(4, screen.pictures, "finish draws the values after the last redraw");
        assertTrue(screen.lastText().startsWith("done: 9 iterations in 0:01"), screen.lastText());
        assertEquals(9, view.history().size(), "every update is recorded, drawn or not");
        view.finish();
        assertEquals(4, screen.pictures, "a second finish changes nothing");
    }

    @Test
    void wantsAGalleryOnlyWhenTheNextUpdateRedraws() {
        Recording screen = new Recording();
        Clock clock = new Clock();
        LiveView view = view(screen, 100, clock).every(Duration.ofSeconds(2));
        assertTrue(view.wantsGallery(), "the first update draws");
        view.update(1, 1, Map.of("D loss", 1.0));
        clock.at(1.9);
        assertFalse(view.wantsGallery());
        clock.at(2.0);
        assertTrue(view.wantsGallery());
        assertFalse(new LiveView(Screen.console(), 10).wantsGallery(), "a console shows no pictures");
    }

    @Test
    void timeLeftComesFromASmoothedSpeed() {
        Recording screen = new Recording();
        Clock clock = new Clock();
        LiveView view = view(screen, 100, clock);
        assertTrue(Double.isNaN(view.rate()));
        clock.at(1);
        view.update(10, 1, Map.of("D loss", 0.5));
        assertEquals(10.0, view.rate(), 1e-9, "10 iterations in the first second");
        assertEquals(9.0, view.secondsLeft(), 1e-9);
        assertTrue(screen.lastText().startsWith("iteration 10/100 (10%) · epoch 1 · 10.0 it/s · elapsed 0:01 · left 0:09"),
                screen.lastText());

        clock.at(1.2);
        view.update(20, 1, Map.of("D loss", 0.5)); // not drawn: the speed is only sampled at redraws
        assertEquals(10.0, view.rate(), 1e-9);

        clock.at(2);
        view.update(30, 2, Map.of("D loss", 0.4));
        // 20 iterations in the last second: 20 it/s, mixed into the estimate with weight 0.3.
        double rate = 0.7 * 10 + 0.3 * 20;
        assertEquals(rate, view.rate(), 1e-9);
        assertEquals(70 / rate, view.secondsLeft(), 1e-9);
        assertTrue(screen.lastText().contains("· epoch 2 · 13.0 it/s · elapsed 0:02 · left 0:05 · D loss 0.4000"),
                screen.lastText());

        clock.at(10);
        view.update(100, 3, Map.of("D loss", 0.3));
        view.finish();
        assertEquals(10.0, view.rate(), 1e-9, "the summary gives the average speed of the whole run");
        assertTrue(screen.lastText().startsWith("done: 100 iterations in 0:10 (10.0 it/s)"), screen.lastText());
    }

    @Test
    void theConsolePrintsTheProgressLineAndDrawsNothing() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Screen console = new ConsoleScreen(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        Clock clock = new Clock();
        LiveView view = view(console, 50, clock);
        clock.at(1);
        view.update(5, 1, Map.of("D loss", 0.25), Gallery.grid(Nd4j.zeros(4, 784), 2));
        clock.at(3);
        view.update(15, 1, Map.of("D loss", 0.25)); // within the console's 5 seconds: no line
        clock.at(6);
        view.update(25, 1, Map.of("D loss", 0.25));
        view.finish();
        assertNull(view.frame(), "no picture is drawn for a console");
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(3, lines.length, String.join("\n", lines));
        assertTrue(lines[0].startsWith("iteration 5/50 (10%)"), lines[0]);
        assertTrue(lines[1].startsWith("iteration 25/50 (50%)"), lines[1]);
        assertTrue(lines[2].startsWith("done: 25 iterations in 0:06"), lines[2]);
    }

    @Test
    void thePictureHasTheCurvesAndTheLatestSamples() {
        Recording screen = new Recording();
        Clock clock = new Clock();
        LiveView view = view(screen, 100, clock).chart("D outputs", "D(x)");
        for (int i = 1; i <= 40; i++) {
            clock.at(i);
            BufferedImage samples = i == 1 ? Gallery.grid(Nd4j.valueArrayOf(new long[] {4, 784}, -1f), 2) : null;
            view.update(i, 1, Map.of("D loss", 1.0 / i, "G loss", 0.1 * i), samples);
        }
        BufferedImage frame = view.frame();
        assertTrue(ChartsTest.count(frame, Charts.PALETTE[0], 0) > 50, "D loss curve");
        assertTrue(ChartsTest.count(frame, Charts.PALETTE[1], 0) > 50, "G loss curve");
        // The samples from iteration 1 are still shown: four black 56x56 tiles.
        assertTrue(ChartsTest.count(frame, java.awt.Color.BLACK, 0) >= 4 * 56 * 56);
        assertTrue(frame.getWidth() > 480 + 100, "charts and samples side by side");
    }

    @Test
    void valuesMustBelongToAChart() {
        LiveView view = view(new Recording(), 10, new Clock());
        var e = assertThrows(IllegalArgumentException.class, () -> view.update(1, 1, Map.of("D_loss", 1.0)));
        assertTrue(e.getMessage().contains("'D_loss'") && e.getMessage().contains("[D loss, G loss]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> view.chart("again", "G loss"));
        view.finish();
        assertThrows(IllegalStateException.class, () -> view.update(1, 1, Map.of()));
    }

    @Test
    void theSmoothLineIsATrailingMeanAndThinningKeepsTheLastPoint() {
        assertArrayEquals(new double[] {1, 1.5, 2.5, 3.5}, LiveView.trailingMean(new double[] {1, 2, 3, 4}, 2), 1e-12);
        assertArrayEquals(new double[] {4, 0, 8}, LiveView.trailingMean(new double[] {4, 0, 8}, 1), 1e-12);
        assertArrayEquals(new double[] {4, 2, 4}, LiveView.trailingMean(new double[] {4, 0, 8}, 3), 1e-12);
        assertArrayEquals(new double[] {0, 3, 6, 7}, LiveView.thin(new double[] {0, 1, 2, 3, 4, 5, 6, 7}, 3), 0);
        assertArrayEquals(new double[] {0, 3, 6}, LiveView.thin(new double[] {0, 1, 2, 3, 4, 5, 6}, 3), 0);
    }

    @Test
    void finishAfterARedrawOnlyChangesTheText() {
        Recording screen = new Recording();
        Clock clock = new Clock();
        LiveView view = view(screen, 10, clock);
        view.update(1, 1, Map.of("D loss", 1.0));
        view.finish();
        assertEquals(List.of("show text", "show picture", "replace out1 text"), screen.events);
    }

    @Test
    void timesAndSpeedsReadLikeAProgressBar() {
        assertEquals("0:05", LiveView.clockTime(4.6));
        assertEquals("1:05", LiveView.clockTime(65));
        assertEquals("1:02:05", LiveView.clockTime(3725));
        assertEquals("?", LiveView.clockTime(Double.NaN));
        assertEquals("250 it/s", LiveView.speed(250.2));
        assertEquals("3.5 it/s", LiveView.speed(3.5));
        assertEquals("2.0 s/it", LiveView.speed(0.5));
        assertEquals("? it/s", LiveView.speed(Double.NaN));
    }

    @Test
    void aGallerySupplierIsCalledOnlyWhenThePictureIsRedrawn() {
        Recording screen = new Recording();
        Clock clock = new Clock();
        LiveView view = view(screen, 100, clock).every(Duration.ofSeconds(2));
        int[] made = {0};
        for (int i = 1; i <= 5; i++) {
            clock.at(i * 0.5);   // 0.5 .. 2.5 s: redraws at the first update and at 2.5 s
            view.update(i, 1, Map.of("D loss", 1.0), () -> {
                made[0]++;
                return new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
            });
        }
        assertEquals(2, made[0], "one gallery per redraw, none in between");
        assertEquals(2, screen.pictures);
    }

    @Test
    void slowSamplesCountInTheTenthOfTheTimeThatRedrawsMayTake() {
        Recording screen = new Recording();
        Clock clock = new Clock();
        LiveView view = view(screen, 100, clock);
        int[] made = {0};
        for (int i = 1; i <= 20; i++) {
            clock.at(i * 0.5);   // an update every 0.5 s, for 10 s
            view.update(i, 1, Map.of("D loss", 1.0), () -> {
                made[0]++;
                clock.nanos += 300_000_000L;   // these samples take 0.3 s to make
                return new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
            });
        }
        // Redraws at 0.5 s, 1.5 s (the first one's cost says nothing: it loads classes), then at least
        // 10 x 0.3 s apart: 5.0 s and 8.5 s. Counting the picture alone, it would redraw every 1.0 s.
        assertEquals(4, made[0], "samples made");
    }

    @Test
    void aSlowScreenCountsInTheTenthOfTheTimeThatRedrawsMayTake() {
        Clock clock = new Clock();
        int[] pictures = {0};
        Screen slow = Screen.of(content -> "out", (id, content) -> {
            if (content instanceof BufferedImage) {
                pictures[0]++;
                clock.nanos += 300_000_000L;   // the notebook takes 0.3 s to receive a picture
            }
        });
        LiveView view = view(slow, 100, clock);
        for (int i = 1; i <= 20; i++) {
            clock.at(i * 0.5);
            view.update(i, 1, Map.of("D loss", 1.0));
        }
        // Shown at 0.5 s, replaced at 1.0 s (the first cost measured), then every 10 x 0.3 s at the most: at
        // 4.0, 7.0 and 10.0 s. Counting the picture alone, it would be replaced every 0.5 s.
        assertEquals(4, pictures[0], "pictures replaced");
    }
}
