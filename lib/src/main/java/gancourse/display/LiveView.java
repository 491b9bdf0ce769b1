package gancourse.display;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A live view of training, like d2l.ai's Animator: loss curves and the latest samples in one picture that is
 * redrawn in place, with a progress line above it.
 *
 * <pre>{@code
 * var view = new LiveView(screen, iterations)
 *         .chart("Losses", "D loss", "G loss")
 *         .chart("D outputs", "D(x)", "D(G(z))");
 * for (int it = 1; it <= iterations; it++) {
 *     ... one training step ...
 *     view.update(it, epoch, Map.of("D loss", d, "G loss", g, "D(x)", dx, "D(G(z))", dgz),
 *             () -> Gallery.grid(G.output(fixedNoise), 8));    // drawn only when the picture is redrawn
 * }
 * view.finish();
 * }</pre>
 *
 * <p>Two outputs: the progress line as text, then the picture. Text stays sharp and can be copied, it is the very
 * same line the command line prints, and the picture is left to curves and samples. Both are replaced in place.
 *
 * <p>Redraws are throttled because drawing costs time that training needs (two charts take 50-100 ms): at most
 * every 0.5 s (every 5 s on a console; see {@link #every}) and at most a tenth of the time; {@link #finish} always
 * draws the last state.
 *
 * <p>Curves show the raw values as a faint line and a moving average on top: GAN losses are noisy from step to
 * step, the faint line keeps the noise honest and the smooth one shows the trend. The average spans the last
 * fortieth of the run so far (see {@link #smoothing}), so a short run is drawn as it is and a long one is not
 * lagged by a fixed window. Every value also goes into a {@link History}, for a table afterwards.
 */
public final class LiveView {
    private static final int CHART_WIDTH = 480;
    private static final int CHART_HEIGHT = 250;
    private static final int MAX_POINTS = 300;
    private static final double RATE_SMOOTHING = 0.3;

    private final Screen screen;
    private final int total;
    private final LongSupplier clock;
    private final long start;
    private long interval;
    private double window = 0.025;

    private final Map<String, List<String>> charts = new LinkedHashMap<>();
    private final Map<String, Trace> traces = new LinkedHashMap<>();
    private final History history = new History();

    private BufferedImage gallery;
    private int galleryIteration;
    private int iteration, epoch;
    private Map<String, ? extends Number> latest = Map.of();

    private String textId, pictureId;
    private long lastDraw = Long.MIN_VALUE;
    private long drawCost;      // what the last redraw cost, all of it (see draw): at most a tenth of the time
    private long galleryCost;   // what the samples of the coming redraw cost (a forward pass, or more)
    private boolean drawnSinceUpdate;
    private double rate = Double.NaN;
    private long rateTime;
    private int rateIteration;
    private boolean finished;
    private BufferedImage frame;
    private String line = "";

    /** A view of a run of {@code totalIterations} iterations, shown on the screen. */
    public LiveView(Screen screen, int totalIterations) {
        this(screen, totalIterations, System::nanoTime);
    }

    /** With a clock in nanoseconds, so that tests can play with time. */
    LiveView(Screen screen, int totalIterations, LongSupplier nanoClock) {
        this.screen = Objects.requireNonNull(screen, "screen: use Screen.of(...) in a notebook, Screen.console() elsewhere");
        if (totalIterations < 1) throw new IllegalArgumentException("totalIterations must be at least 1, got " + totalIterations);
        this.total = totalIterations;
        this.clock = nanoClock;
        this.start = nanoClock.getAsLong();
        this.rateTime = start;
        this.interval = (screen.showsPictures() ? Duration.ofMillis(500) : Duration.ofSeconds(5)).toNanos();
    }

    /** Declares a chart and the values drawn in it, in the order given. */
    public LiveView chart(String title, String... series) {
        Objects.requireNonNull(title, "title");
        if (series.length == 0) throw new IllegalArgumentException("chart '" + title + "': name at least one series");
        if (charts.containsKey(title)) throw new IllegalArgumentException("there is already a chart '" + title + "'");
        for (String s : series) {
            if (traces.containsKey(s)) throw new IllegalArgumentException("series '" + s + "' is already in a chart");
            traces.put(s, new Trace());
        }
        charts.put(title, List.of(series));
        return this;
    }

    /** The shortest time between two redraws. */
    public LiveView every(Duration minInterval) {
        if (minInterval.isNegative()) throw new IllegalArgumentException("every: the interval cannot be negative");
        this.interval = minInterval.toNanos();
        return this;
    }

    /**
     * How much the curves are smoothed: the smooth line is the mean of the last {@code fraction} of the points so far
     * (default 0.025, a fortieth: no smoothing for the first 60 points, 25 points at 1000). 0 draws the raw values only.
     */
    public LiveView smoothing(double fraction) {
        if (fraction < 0 || fraction > 0.5) throw new IllegalArgumentException("smoothing must be in [0, 0.5], got " + fraction);
        this.window = fraction;
        return this;
    }

    /** Whether the next {@link #update} will redraw the picture: make a gallery only then, it costs a forward pass. */
    public boolean wantsGallery() {
        return screen.showsPictures() && !finished && due();
    }

    /** Records one iteration's values (each must be declared in a chart), redrawing when it is time. */
    public void update(int iteration, int epoch, Map<String, ? extends Number> values, BufferedImage gallery) {
        if (finished) throw new IllegalStateException("finish() was called; make a new LiveView for another run");
        Objects.requireNonNull(values, "values: pass Map.of() when there are none");
        for (Map.Entry<String, ? extends Number> e : values.entrySet()) {
            Trace t = traces.get(e.getKey());
            if (t == null) {
                throw new IllegalArgumentException("value '" + e.getKey() + "' is in no chart; the charts have "
                        + traces.keySet() + ". Declare it with view.chart(title, names...)");
            }
            if (e.getValue() != null) t.add(iteration, e.getValue().doubleValue());
        }
        history.add(iteration, epoch, values);
        this.iteration = iteration;
        this.epoch = epoch;
        this.latest = values;
        if (gallery != null) {
            this.gallery = gallery;
            this.galleryIteration = iteration;
        }
        drawnSinceUpdate = false;
        if (due()) draw(clock.getAsLong());
    }

    /**
     * Records one iteration's values, and draws new samples only when the picture will be redrawn: the gallery
     * costs a forward pass, so it is made only when {@link #wantsGallery} says so.
     *
     * <pre>{@code view.update(it, epoch, values, () -> Gallery.grid(G.output(fixedNoise), 8));}</pre>
     */
    public void update(int iteration, int epoch, Map<String, ? extends Number> values, Supplier<BufferedImage> gallery) {
        Objects.requireNonNull(gallery, "gallery: pass () -> a picture, or use update(iteration, epoch, values)");
        BufferedImage samples = null;
        if (wantsGallery()) {
            long before = clock.getAsLong();
            samples = gallery.get();
            galleryCost = clock.getAsLong() - before;
        }
        update(iteration, epoch, values, samples);
    }

    /** Records one iteration's values, with no new samples. */
    public void update(int iteration, int epoch, Map<String, ? extends Number> values) {
        update(iteration, epoch, values, (BufferedImage) null);
    }

    /** Draws the final state and a summary line. Call it once, after the last update. */
    public void finish() {
        if (finished) return;
        finished = true;
        if (history.size() == 0) return;
        long now = clock.getAsLong();
        boolean newPicture = !drawnSinceUpdate && screen.showsPictures();
        if (newPicture) frame = picture();
        drawnSinceUpdate = true;
        lastDraw = now;
        // The summary's speed is the whole run's average, not the recent estimate.
        double seconds = (now - start) / 1e9;
        if (seconds > 0) rate = iteration / seconds;
        send(now, newPicture);
    }

    /** Everything recorded, for a table or a chart afterwards. */
    public History history() {
        return history;
    }

    /** The last picture drawn, or null before the first one (or on a screen without pictures). */
    public BufferedImage frame() {
        return frame;
    }

    /** The progress line as last shown. */
    public String progress() {
        return line;
    }

    /** The smoothed speed in iterations per second (NaN until it is known). */
    public double rate() {
        return rate;
    }

    /** The estimated seconds left (NaN until the speed is known). */
    public double secondsLeft() {
        return Math.max(0, total - iteration) / rate;
    }

    // ---- drawing ----

    private boolean due() {
        // Never more than a tenth of the time on drawing, whatever the interval asked for.
        return lastDraw == Long.MIN_VALUE || clock.getAsLong() - lastDraw >= Math.max(interval, 10 * drawCost);
    }

    private void draw(long now) {
        lastDraw = now;
        drawnSinceUpdate = true;
        // The speed is sampled between redraws and smoothed, so one slow step (a gallery, a GC pause) does not
        // swing the estimate of the time left.
        if (now > rateTime && iteration > rateIteration) {
            double r = (iteration - rateIteration) / ((now - rateTime) / 1e9);
            rate = Double.isNaN(rate) ? r : (1 - RATE_SMOOTHING) * rate + RATE_SMOOTHING * r;
            rateTime = now;
            rateIteration = iteration;
        }
        boolean first = frame == null;
        if (screen.showsPictures()) frame = picture();
        send(now, screen.showsPictures());
        if (screen.showsPictures()) {
            // What a redraw costs is all of it: the samples (an average of G's weights measures its batch-norm
            // statistics on 1,024 latent vectors before it draws), the picture, and handing it to the notebook
            // (the kernel encodes it as a PNG). Counting only the picture let lesson 05's live view take as much
            // time as its training. The first redraw also loads fonts and classes: it says nothing of the next.
            if (!first) drawCost = clock.getAsLong() - now + galleryCost;
            galleryCost = 0;
        }
    }

    private void send(long now, boolean newPicture) {
        line = progressLine(now);
        Html text = Html.text(line);
        if (textId == null) textId = screen.show(text);
        else screen.replace(textId, text);
        if (newPicture && frame != null) {
            if (pictureId == null) pictureId = screen.show(frame);
            else screen.replace(pictureId, frame);
        }
    }

    private String progressLine(long now) {
        StringBuilder s = new StringBuilder();
        String elapsed = clockTime((now - start) / 1e9);
        if (finished) {
            s.append("done: ").append(iteration).append(" iterations in ").append(elapsed)
                    .append(" (").append(speed(rate)).append(")");
        } else {
            s.append("iteration ").append(iteration).append('/').append(total)
                    .append(String.format(Locale.ROOT, " (%d%%)", Math.round(100.0 * iteration / total)))
                    .append(" · epoch ").append(epoch)
                    .append(" · ").append(speed(rate))
                    .append(" · elapsed ").append(elapsed)
                    .append(" · left ").append(clockTime(secondsLeft()));
        }
        for (Map.Entry<String, ? extends Number> e : latest.entrySet()) {
            if (e.getValue() == null) continue;
            s.append(" · ").append(e.getKey()).append(' ').append(Html.number(e.getValue().doubleValue()));
        }
        return s.toString();
    }

    static String speed(double itPerSecond) {
        if (Double.isNaN(itPerSecond) || itPerSecond <= 0) return "? it/s";
        if (itPerSecond >= 100) return String.format(Locale.ROOT, "%.0f it/s", itPerSecond);
        if (itPerSecond >= 1) return String.format(Locale.ROOT, "%.1f it/s", itPerSecond);
        return String.format(Locale.ROOT, "%.1f s/it", 1 / itPerSecond);
    }

    /** 65 -> "1:05", 3725 -> "1:02:05": the progress line's times, and ./course quality's. */
    public static String clockTime(double seconds) {
        if (Double.isNaN(seconds) || Double.isInfinite(seconds) || seconds < 0) return "?";
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private BufferedImage picture() {
        List<BufferedImage> chartImages = new ArrayList<>();
        for (Map.Entry<String, List<String>> c : charts.entrySet()) chartImages.add(chart(c.getKey(), c.getValue()));

        int gap = 8;
        int chartsW = chartImages.isEmpty() ? 0 : CHART_WIDTH;
        int chartsH = chartImages.stream().mapToInt(BufferedImage::getHeight).sum() + gap * Math.max(0, chartImages.size() - 1);
        Font captionFont = Images.font(14, Font.BOLD);
        FontMetrics fm = Images.metrics(captionFont);
        String caption = gallery == null ? "" : "samples at iteration " + galleryIteration;
        int galleryW = gallery == null ? 0 : Math.max(gallery.getWidth(), fm.stringWidth(caption));
        int galleryH = gallery == null ? 0 : fm.getHeight() + 6 + gallery.getHeight();

        int width = gap + chartsW + (chartsW > 0 && galleryW > 0 ? 2 * gap : 0) + galleryW + gap;
        int height = gap + Math.max(chartsH, galleryH) + gap;
        BufferedImage out = Images.canvas(width, height);
        Graphics2D g = Images.graphics(out);
        int y = gap;
        for (BufferedImage c : chartImages) {
            g.drawImage(c, gap, y, null);
            y += c.getHeight() + gap;
        }
        if (gallery != null) {
            int x = width - gap - galleryW;
            g.setFont(captionFont);
            g.drawString(caption, x + (galleryW - fm.stringWidth(caption)) / 2, gap + fm.getAscent());
            g.drawImage(gallery, x + (galleryW - gallery.getWidth()) / 2, gap + fm.getHeight() + 6, null);
        }
        g.dispose();
        return out;
    }

    private BufferedImage chart(String title, List<String> series) {
        XYChart chart = Charts.style(new XYChart(CHART_WIDTH, CHART_HEIGHT));
        chart.setTitle(title);
        chart.setXAxisTitle("iteration");
        chart.getStyler().setChartTitleFont(Images.font(15, Font.BOLD));
        chart.getStyler().setLegendFont(Images.font(12, Font.PLAIN));
        chart.getStyler().setAxisTitleFont(Images.font(13, Font.PLAIN));
        chart.getStyler().setChartPadding(6);
        int k = 0;
        for (String name : series) {
            Color color = Charts.PALETTE[k++ % Charts.PALETTE.length];
            Trace t = traces.get(name);
            if (t.size() == 0) continue;
            int step = Math.max(1, (t.size() + MAX_POINTS - 1) / MAX_POINTS);
            double[] x = thin(t.x(), step);
            int w = (int) Math.round(window * t.size());
            if (w > 1) {
                XYSeries raw = chart.addSeries(name + " (raw)", x, thin(t.y(), step));
                raw.setMarker(SeriesMarkers.NONE);
                raw.setLineColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 70));
                raw.setLineStyle(new BasicStroke(1f));
                raw.setShowInLegend(false);
            }
            XYSeries main = chart.addSeries(name, x, thin(w > 1 ? trailingMean(t.y(), w) : t.y(), step));
            main.setMarker(SeriesMarkers.NONE);
            main.setLineColor(color);
            main.setLineStyle(new BasicStroke(2f));
        }
        if (chart.getSeriesMap().isEmpty()) return waiting(title);
        return Charts.image(chart);
    }

    // XChart cannot draw a chart without points; a chart whose values have not come yet says so.
    private static BufferedImage waiting(String title) {
        BufferedImage im = Images.canvas(CHART_WIDTH, CHART_HEIGHT);
        Graphics2D g = Images.graphics(im);
        g.setFont(Images.font(15, Font.BOLD));
        FontMetrics fm = g.getFontMetrics();
        g.drawString(title, (CHART_WIDTH - fm.stringWidth(title)) / 2, 10 + fm.getAscent());
        g.setFont(Images.font(13, Font.PLAIN));
        g.setColor(Color.GRAY);
        String note = "no values yet";
        g.drawString(note, (CHART_WIDTH - g.getFontMetrics().stringWidth(note)) / 2, CHART_HEIGHT / 2);
        g.setColor(new Color(0xBBBBBB));
        g.drawRect(40, 40, CHART_WIDTH - 60, CHART_HEIGHT - 80);
        g.dispose();
        return im;
    }

    /** One series' points: iterations and values (finite ones only: NaN and infinities cannot be drawn). */
    private static final class Trace {
        private double[] x = new double[64], y = new double[64];
        private int n;

        void add(int iteration, double value) {
            if (!Double.isFinite(value)) return;
            if (n == x.length) {
                x = Arrays.copyOf(x, 2 * n);
                y = Arrays.copyOf(y, 2 * n);
            }
            x[n] = iteration;
            y[n] = value;
            n++;
        }

        int size() {
            return n;
        }

        double[] x() {
            return Arrays.copyOf(x, n);
        }

        double[] y() {
            return Arrays.copyOf(y, n);
        }
    }

    /** The mean of each value and the {@code window - 1} before it (fewer at the start). */
    static double[] trailingMean(double[] v, int window) {
        double[] out = new double[v.length];
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            sum += v[i];
            if (i >= window) sum -= v[i - window];
            out[i] = sum / Math.min(i + 1, window);
        }
        return out;
    }

    /** Every step-th value and always the last one: a few hundred points draw the same curve as ten thousand. */
    static double[] thin(double[] v, int step) {
        if (step <= 1) return v;
        int n = (v.length + step - 1) / step + ((v.length - 1) % step == 0 ? 0 : 1);
        double[] out = new double[n];
        int k = 0;
        for (int i = 0; i < v.length; i += step) out[k++] = v[i];
        if (k < n) out[k] = v[v.length - 1];
        return out;
    }
}
