package gancourse.display;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Charts as pictures, drawn with XChart in one plain style: white background, light grid, legend inside the plot,
 * fonts readable in a notebook.
 *
 * <pre>{@code
 * display(Charts.line("Losses", "iteration", "loss").series("D loss", its, d).series("G loss", its, g).image());
 * display(Charts.scatter("Latent space", z, digits));        // z: [n,2], one colour per class
 * display(Charts.classCounts("Digits in the training set", labels, "0", "1", ..., "9"));
 * display(Charts.histogram("Pixel values", "value", pixels, 50));
 * }</pre>
 */
public final class Charts {
    public static final int WIDTH = 640;
    public static final int HEIGHT = 380;

    /** Series colours, in order: matplotlib's "tab10", which most readers know from PyTorch tutorials. */
    public static final Color[] PALETTE = {
            new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
            new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};

    private Charts() {}

    /** An empty line chart to add series to; see {@link LineChart}. */
    public static LineChart line(String title, String xTitle, String yTitle) {
        return new LineChart(title, xTitle, yTitle, WIDTH, HEIGHT);
    }

    /** An empty line chart of the given size in pixels. */
    public static LineChart line(String title, String xTitle, String yTitle, int width, int height) {
        return new LineChart(title, xTitle, yTitle, width, height);
    }

    /** 2-d points [n,2] coloured by class (a latent space): classes[i] in 0..k-1, names optional. */
    public static BufferedImage scatter(String title, INDArray points, int[] classes, String... classNames) {
        Objects.requireNonNull(points, "points");
        if (points.rank() != 2 || points.size(1) != 2) {
            throw new IllegalArgumentException("scatter: points must be [n,2], got " + Arrays.toString(points.shape())
                    + "; for a wider latent space pick two columns, e.g. z.getColumns(0, 1)");
        }
        double[][] xy = points.castTo(DataType.DOUBLE).toDoubleMatrix();
        double[] x = new double[xy.length], y = new double[xy.length];
        for (int i = 0; i < xy.length; i++) {
            x[i] = xy[i][0];
            y[i] = xy[i][1];
        }
        return scatter(title, x, y, classes, classNames);
    }

    /** Points (x[i], y[i]) coloured by class; classes may be null for one colour. */
    public static BufferedImage scatter(String title, double[] x, double[] y, int[] classes, String... classNames) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("scatter: " + x.length + " x values but " + y.length + " y values");
        }
        if (classes != null && classes.length != x.length) {
            throw new IllegalArgumentException("scatter: " + classes.length + " classes for " + x.length
                    + " points; give one per point");
        }
        int k = 1;
        if (classes != null) for (int c : classes) {
            if (c < 0) throw new IllegalArgumentException("scatter: class numbers must be 0 or more, got " + c);
            k = Math.max(k, c + 1);
        }
        if (classNames != null && classNames.length > 0 && classNames.length < k) {
            throw new IllegalArgumentException("scatter: " + classNames.length + " class names for classes 0.." + (k - 1));
        }
        XYChart chart = style(new XYChart(WIDTH, 480));
        chart.setTitle(title);
        chart.setXAxisTitle("z[0]");
        chart.setYAxisTitle("z[1]");
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(5);
        chart.getStyler().setLegendVisible(classes != null);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        for (int c = 0; c < k; c++) {
            List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
            for (int i = 0; i < x.length; i++) {
                if ((classes == null || classes[i] == c) && Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                    xs.add(x[i]);
                    ys.add(y[i]);
                }
            }
            if (xs.isEmpty()) continue;
            String name = classNames != null && classNames.length > 0 ? classNames[c]
                    : classes == null ? "points" : String.valueOf(c);
            XYSeries s = chart.addSeries(name, xs, ys);
            s.setMarker(SeriesMarkers.CIRCLE);
            // Half-transparent so that dense clusters look dense instead of as a blot of the last class drawn.
            Color col = PALETTE[c % PALETTE.length];
            s.setMarkerColor(new Color(col.getRed(), col.getGreen(), col.getBlue(), 150));
        }
        return image(chart);
    }

    /** Bars, one per category, with the value written over each. */
    public static BufferedImage bars(String title, String xTitle, String yTitle, String[] categories, double[] values) {
        if (categories.length != values.length) {
            throw new IllegalArgumentException("bars: " + categories.length + " categories but " + values.length + " values");
        }
        if (categories.length == 0) throw new IllegalArgumentException("bars: nothing to draw");
        CategoryChart chart = style(new CategoryChart(WIDTH, HEIGHT));
        chart.setTitle(title);
        chart.setXAxisTitle(xTitle);
        chart.setYAxisTitle(yTitle);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setLabelsFont(Images.font(12, Font.BOLD));
        chart.getStyler().setLabelsFontColorAutomaticEnabled(false);
        chart.getStyler().setLabelsFontColor(Color.WHITE);
        chart.getStyler().setLabelsPosition(0.92);
        chart.getStyler().setYAxisMin(0.0);
        List<Double> v = new ArrayList<>();
        for (double d : values) v.add(d);
        chart.addSeries(yTitle == null || yTitle.isBlank() ? "value" : yTitle, List.of(categories), v);
        return image(chart);
    }

    /** How many examples of each class: the class histogram of a labelled dataset. */
    public static BufferedImage classCounts(String title, int[] classes, String... classNames) {
        int k = classNames != null && classNames.length > 0 ? classNames.length : 0;
        for (int c : classes) {
            if (c < 0) throw new IllegalArgumentException("classCounts: class numbers must be 0 or more, got " + c);
            if (classNames != null && classNames.length > 0 && c >= classNames.length) {
                throw new IllegalArgumentException("classCounts: class " + c + " but only " + classNames.length + " names");
            }
            k = Math.max(k, c + 1);
        }
        double[] counts = new double[k];
        for (int c : classes) counts[c]++;
        String[] names = new String[k];
        for (int c = 0; c < k; c++) names[c] = classNames != null && classNames.length > 0 ? classNames[c] : String.valueOf(c);
        return bars(title, "class", "count", names, counts);
    }

    /** A histogram of the values (NaN and infinities left out) in {@code bins} equal bins from min to max. */
    public static BufferedImage histogram(String title, String xTitle, double[] values, int bins) {
        if (bins < 1) throw new IllegalArgumentException("histogram: bins must be at least 1, got " + bins);
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        int finite = 0;
        for (double v : values) {
            if (!Double.isFinite(v)) continue;
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
            finite++;
        }
        if (finite == 0) throw new IllegalArgumentException("histogram: no finite values to count");
        if (hi == lo) {
            lo -= 0.5;
            hi += 0.5;
        }
        double[] counts = new double[bins];
        for (double v : values) {
            if (!Double.isFinite(v)) continue;
            counts[Math.min(bins - 1, (int) ((v - lo) / (hi - lo) * bins))]++;
        }
        // A step line over the bin edges: x stays numeric, so 50 bins do not mean 50 crowded labels.
        double[] x = new double[bins + 1], y = new double[bins + 1];
        for (int b = 0; b <= bins; b++) {
            x[b] = lo + (hi - lo) * b / bins;
            y[b] = counts[Math.min(b, bins - 1)];
        }
        XYChart chart = style(new XYChart(WIDTH, HEIGHT));
        chart.setTitle(title);
        chart.setXAxisTitle(xTitle);
        chart.setYAxisTitle("count");
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setYAxisMin(0.0);
        XYSeries s = chart.addSeries("count", x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.StepArea);
        s.setMarker(SeriesMarkers.NONE);
        s.setFillColor(new Color(0x1f, 0x77, 0xb4, 110));
        s.setLineColor(PALETTE[0]);
        return image(chart);
    }

    /** A histogram of all the values of an array. */
    public static BufferedImage histogram(String title, String xTitle, INDArray values, int bins) {
        return histogram(title, xTitle, values.castTo(DataType.DOUBLE).dup('c').data().asDouble(), bins);
    }

    /** The course's plain style on any XChart chart, for charts built with XChart directly. */
    public static <C extends Chart<?, ?>> C style(C chart) {
        Styler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(true);
        s.setPlotBorderColor(new Color(0xBBBBBB));
        s.setChartFontColor(Images.INK);
        s.setChartTitleFont(Images.font(16, Font.BOLD));
        s.setChartTitleBoxVisible(false);
        s.setChartPadding(10);
        s.setLegendFont(Images.font(13, Font.PLAIN));
        s.setLegendPosition(Styler.LegendPosition.InsideNE);
        s.setLegendBackgroundColor(new Color(255, 255, 255, 215));
        s.setLegendBorderColor(new Color(0xCCCCCC));
        s.setSeriesColors(PALETTE);
        s.setAntiAlias(true);
        s.setToolTipsEnabled(false);
        if (s instanceof AxesChartStyler a) {
            a.setAxisTitleFont(Images.font(14, Font.PLAIN));
            a.setAxisTickLabelsFont(Images.font(12, Font.PLAIN));
            a.setAxisTickLabelsColor(Images.INK);
            a.setAxisTickMarksColor(new Color(0x888888));
            a.setPlotGridLinesColor(new Color(0xE8E8E8));
            a.setPlotGridLinesStroke(new BasicStroke(1f));
        }
        return chart;
    }

    /** The chart as a picture, at its own size. */
    public static BufferedImage image(Chart<?, ?> chart) {
        if (chart instanceof XYChart xy) {
            placeLegend(xy);
            roundTicks(xy);
        }
        return BitmapEncoder.getBufferedImage(chart);
    }

    private static final String TICK_POINT = "\u200b";

    // XChart puts the ticks of an x axis whose values are equally spaced (iterations 1, 2, 3, ...) on those values,
    // which gives labels like 1, 144, 287. One invisible point between the first two values keeps round numbers.
    private static void roundTicks(XYChart chart) {
        if (chart.getSeriesMap().containsKey(TICK_POINT)) return;
        for (XYSeries s : chart.getSeriesMap().values()) {
            double[] x = s.getXData(), y = s.getYData();
            if (x.length < 2) continue;
            XYSeries p = chart.addSeries(TICK_POINT, new double[] {(x[0] + x[1]) / 2}, new double[] {y[0]});
            p.setMarker(SeriesMarkers.NONE);
            p.setLineColor(new Color(0, 0, 0, 0));
            p.setFillColor(new Color(0, 0, 0, 0));
            p.setShowInLegend(false);
            return;
        }
    }

    // A legend inside the plot must not hide the lines. The default corner (top right) is where rising curves end,
    // so a chart left at the default gets the inside corner that the fewest points of its lines fall in.
    static void placeLegend(XYChart chart) {
        Styler s = chart.getStyler();
        if (!s.isLegendVisible() || s.getLegendPosition() != Styler.LegendPosition.InsideNE) return;
        List<XYSeries> shown = chart.getSeriesMap().values().stream().filter(XYSeries::isShowInLegend).toList();
        if (shown.isEmpty()) return;
        double xMin = Double.POSITIVE_INFINITY, xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY, yMax = Double.NEGATIVE_INFINITY;
        for (XYSeries series : chart.getSeriesMap().values()) {
            for (double x : series.getXData()) { xMin = Math.min(xMin, x); xMax = Math.max(xMax, x); }
            for (double y : series.getYData()) {
                if (Double.isFinite(y)) { yMin = Math.min(yMin, y); yMax = Math.max(yMax, y); }
            }
        }
        if (!(xMax > xMin) || !(yMax > yMin)) return;
        // The legend's share of the plot, roughly: its widest name and one line per series.
        int longest = shown.stream().mapToInt(series -> series.getName().length()).max().orElse(0);
        double w = Math.min(0.6, (longest * 8 + 45.0) / (chart.getWidth() - 90));
        double h = Math.min(0.6, (shown.size() * 20 + 12.0) / (chart.getHeight() - 90));
        Styler.LegendPosition[] corners = {Styler.LegendPosition.InsideNE, Styler.LegendPosition.InsideNW,
                Styler.LegendPosition.InsideSE, Styler.LegendPosition.InsideSW};
        int[] covered = new int[corners.length];
        for (XYSeries series : chart.getSeriesMap().values()) {
            double[] x = series.getXData(), y = series.getYData();
            for (int i = 0; i < x.length; i++) {
                int next = Math.min(i + 1, x.length - 1);
                // the point, and 7 more along the line to the next one (the last point has no line to follow)
                for (int k = 0; k < (next > i ? 8 : 1); k++) {
                    double t = k / 8.0;
                    double px = (x[i] + t * (x[next] - x[i]) - xMin) / (xMax - xMin);
                    double py = (y[i] + t * (y[next] - y[i]) - yMin) / (yMax - yMin);
                    if (!Double.isFinite(py)) continue;
                    boolean right = px > 1 - w, left = px < w, top = py > 1 - h, bottom = py < h;
                    if (right && top) covered[0]++;
                    if (left && top) covered[1]++;
                    if (right && bottom) covered[2]++;
                    if (left && bottom) covered[3]++;
                }
            }
        }
        int best = 0;
        for (int c = 1; c < corners.length; c++) if (covered[c] < covered[best]) best = c;
        s.setLegendPosition(corners[best]);
    }
}
