package gancourse.display;

import java.awt.BasicStroke;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A line chart built series by series; made by {@link Charts#line}.
 *
 * <pre>{@code
 * display(Charts.line("Losses", "iteration", "loss")
 *         .series("D loss", iterations, dLoss)
 *         .series("G loss", iterations, gLoss)
 *         .image());
 * }</pre>
 */
public final class LineChart {
    private final XYChart chart;

    LineChart(String title, String xTitle, String yTitle, int width, int height) {
        if (width < 100 || height < 80) {
            throw new IllegalArgumentException("chart size " + width + "x" + height + " is too small to read");
        }
        chart = Charts.style(new XYChart(width, height));
        chart.setTitle(title == null ? "" : title);
        chart.setXAxisTitle(xTitle == null ? "" : xTitle);
        chart.setYAxisTitle(yTitle == null ? "" : yTitle);
    }

    /** A series against 0, 1, 2, ... */
    public LineChart series(String name, double[] y) {
        double[] x = new double[y.length];
        for (int i = 0; i < x.length; i++) x[i] = i;
        return series(name, x, y);
    }

    /** A series of numbers against 0, 1, 2, ... */
    public LineChart series(String name, List<? extends Number> y) {
        return series(name, y.stream().mapToDouble(Number::doubleValue).toArray());
    }

    /** A series of points (x[i], y[i]); NaN and infinite points are left out (a diverged loss, a skipped step). */
    public LineChart series(String name, double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + name + "': " + x.length + " x values but " + y.length + " y values");
        }
        if (chart.getSeriesMap().containsKey(name)) {
            throw new IllegalArgumentException("series '" + name + "' is already in the chart");
        }
        List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                xs.add(x[i]);
                ys.add(y[i]);
            }
        }
        if (xs.isEmpty()) throw new IllegalArgumentException("series '" + name + "' has no finite points to draw");
        XYSeries s = chart.addSeries(name, xs, ys);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineStyle(new BasicStroke(2f));
        return this;
    }

    /** A logarithmic y axis, for losses that fall over orders of magnitude. */
    public LineChart logY() {
        chart.getStyler().setYAxisLogarithmic(true);
        return this;
    }

    /** The XChart chart underneath, to style it further with XChart's own API. */
    public XYChart xchart() {
        return chart;
    }

    /** The chart as a picture. */
    public BufferedImage image() {
        if (chart.getSeriesMap().isEmpty()) {
            throw new IllegalStateException("the chart has no series; add one with series(name, x, y)");
        }
        return Charts.image(chart);
    }
}
