package gancourse.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.nd4j.linalg.factory.Nd4j;

class ChartsTest {

    static int count(BufferedImage im, Color c, int tolerance) {
        int n = 0;
        for (int y = 0; y < im.getHeight(); y++) {
            for (int x = 0; x < im.getWidth(); x++) {
                int p = im.getRGB(x, y);
                if (Math.abs(((p >> 16) & 0xFF) - c.getRed()) <= tolerance
                        && Math.abs(((p >> 8) & 0xFF) - c.getGreen()) <= tolerance
                        && Math.abs((p & 0xFF) - c.getBlue()) <= tolerance) n++;
            }
        }
        return n;
    }

    // What a colour with alpha looks like over white.
    static Color overWhite(Color c, int alpha) {
        double a = alpha / 255.0;
        return new Color((int) Math.round(c.getRed() * a + 255 * (1 - a)), (int) Math.round(c.getGreen() * a + 255 * (1 - a)),
                (int) Math.round(c.getBlue() * a + 255 * (1 - a)));
    }

    static Styler.LegendPosition legendOf(double[] y) {
        double[] x = new double[y.length];
        for (int i = 0; i < x.length; i++) x[i] = i;
        XYChart chart = Charts.style(new XYChart(640, 380));
        chart.addSeries("a curve", x, y);
        Charts.placeLegend(chart);
        return chart.getStyler().getLegendPosition();
    }

    @Test
    void legendGoesToACornerTheLinesLeaveFree() {
        double[] rising = new double[50], falling = new double[50], hill = new double[50];
        for (int i = 0; i < 50; i++) {
            rising[i] = i;
            falling[i] = 50 - i;
            hill[i] = -(i - 25) * (i - 25);      // high in the middle, low at both ends
        }
        assertEquals(Styler.LegendPosition.InsideNW, legendOf(rising));      // the line ends top right
        assertEquals(Styler.LegendPosition.InsideNE, legendOf(falling));     // top right is free: the default stays
        assertEquals(Styler.LegendPosition.InsideNE, legendOf(hill));        // a hill leaves both top corners free
        // a position chosen by hand is kept
        XYChart chart = Charts.style(new XYChart(640, 380));
        chart.addSeries("a curve", new double[] {0, 1}, new double[] {0, 1});
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        Charts.placeLegend(chart);
        assertEquals(Styler.LegendPosition.OutsideE, chart.getStyler().getLegendPosition());
    }

    @Test
    void lineChartDrawsEachSeriesInItsColourOnWhite() {
        double[] x = new double[100], up = new double[100], down = new double[100];
        for (int i = 0; i < 100; i++) {
            x[i] = i;
            up[i] = i;
            down[i] = 100 - i;
        }
        BufferedImage im = Charts.line("Losses", "iteration", "loss").series("up", x, up).series("down", x, down).image();
        assertEquals(Charts.WIDTH, im.getWidth());
        assertEquals(Charts.HEIGHT, im.getHeight());
        assertEquals(0xFFFFFF, im.getRGB(2, 2) & 0xFFFFFF, "white background");
        assertEquals(0xFFFFFF, im.getRGB(im.getWidth() / 2, im.getHeight() / 3) & 0xFFFFFF, "white plot area");
        assertTrue(count(im, Charts.PALETTE[0], 0) > 100, "first series in the first colour");
        assertTrue(count(im, Charts.PALETTE[1], 0) > 100, "second series in the second colour");
        assertEquals(0, count(im, Charts.PALETTE[2], 0), "no third series");
    }

    @Test
    void lineChartLeavesOutPointsThatAreNotNumbersAndChecksItsInput() {
        BufferedImage im = Charts.line("t", "x", "y").series("loss", new double[] {1, Double.NaN, 0.5, Double.POSITIVE_INFINITY, 0.2}).image();
        assertTrue(count(im, Charts.PALETTE[0], 0) > 50);
        assertThrows(IllegalStateException.class, () -> Charts.line("t", "x", "y").image());
        assertThrows(IllegalArgumentException.class, () -> Charts.line("t", "x", "y").series("a", new double[] {1, 2}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> Charts.line("t", "x", "y").series("a", new double[] {Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> Charts.line("t", "x", "y").series("a", new double[] {1}).series("a", new double[] {2}));
    }

    @Test
    void scatterColoursPointsByClass() {
        int n = 300;
        double[] x = new double[n], y = new double[n];
        int[] classes = new int[n];
        java.util.Random r = new java.util.Random(3);
        for (int i = 0; i < n; i++) {
            classes[i] = i % 3 == 0 ? 0 : 2; // class 1 has no points
            x[i] = classes[i] + r.nextGaussian() * 0.3;
            y[i] = r.nextGaussian();
        }
        BufferedImage im = Charts.scatter("Latent space", x, y, classes, "zero", "one", "two");
        assertTrue(count(im, overWhite(Charts.PALETTE[0], 150), 3) > 30, "class 0 points");
        assertTrue(count(im, overWhite(Charts.PALETTE[2], 150), 3) > 30, "class 2 points");
        assertEquals(0, count(im, overWhite(Charts.PALETTE[1], 150), 3), "class 1 has no points");
    }

    @Test
    void scatterTakesAnNx2ArrayAndRefusesOtherShapes() {
        BufferedImage im = Charts.scatter("z", Nd4j.randn(50, 2), new int[50]);
        assertTrue(count(im, overWhite(Charts.PALETTE[0], 150), 3) > 10);
        var e = assertThrows(IllegalArgumentException.class, () -> Charts.scatter("z", Nd4j.randn(50, 8), new int[50]));
        assertTrue(e.getMessage().contains("getColumns(0, 1)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Charts.scatter("z", Nd4j.randn(50, 2), new int[49]));
    }

    @Test
    void classCountsDrawBarsAndCheckTheNames() {
        BufferedImage im = Charts.classCounts("Digits", new int[] {0, 1, 1, 2, 2, 2}, "a", "b", "c");
        assertTrue(count(im, Charts.PALETTE[0], 0) > 1000, "bars in the first colour");
        var e = assertThrows(IllegalArgumentException.class, () -> Charts.classCounts("Digits", new int[] {0, 3}, "a", "b"));
        assertTrue(e.getMessage().contains("class 3"), e.getMessage());
    }

    @Test
    void histogramCountsFiniteValues() {
        BufferedImage im = Charts.histogram("Pixels", "value", Nd4j.rand(20, 20), 10);
        assertTrue(count(im, Charts.PALETTE[0], 0) > 50, "the outline in the first colour");
        assertThrows(IllegalArgumentException.class, () -> Charts.histogram("h", "v", new double[] {Double.NaN}, 10));
        assertThrows(IllegalArgumentException.class, () -> Charts.histogram("h", "v", new double[] {1, 2}, 0));
    }
}
