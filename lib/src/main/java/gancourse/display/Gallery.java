package gancourse.display;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A batch of images as one picture: a grid of tiles, like torchvision's {@code make_grid}.
 *
 * <pre>{@code
 * display(Gallery.grid(fake, 8));                                  // [64,784] in [-1,1] -> 8x8 grid
 * display(Gallery.of(x).columns(10).labels(names).image());        // a label under each tile
 * display(Gallery.of(Nd4j.vstack(x, recon)).columns(8)
 *                .rowTitles("input", "reconstruction").image());   // one title per row
 * }</pre>
 *
 * Pixels are read from [-1,1] (the range of a tanh generator; see {@link #range} for others); values outside
 * are clipped, NaN shows as red so that a broken network is easy to spot.
 */
public final class Gallery {
    private static final int LABEL_SIZE = 12;
    private static final int TITLE_SIZE = 14;
    private static final int NAN_RGB = 0xFF0000;

    private final float[] pixels;
    private final int n, channels, height, width;
    private int columns;
    private int scale;
    private int gap = 2;
    private double low = -1, high = 1;
    private String[] labels;
    private String[] rowTitles;

    private Gallery(float[] pixels, int n, int channels, int height, int width) {
        this.pixels = pixels;
        this.n = n;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.columns = Math.min(n, 8);
        // Small images are zoomed so that a tile is about 50 pixels wide: a 28x28 digit becomes 56x56.
        this.scale = Math.max(1, (int) Math.ceil(48.0 / Math.max(height, width)));
    }

    /**
     * A gallery of a batch: [n,784] grey 28x28 (any [n,s*s] is grey s x s, [n,3*s*s] colour s x s),
     * [n,h,w] grey, or NCHW [n,1,h,w] / [n,3,h,w]. Use {@link #of(INDArray, int, int, int)} for other flat shapes.
     */
    public static Gallery of(INDArray images) {
        Objects.requireNonNull(images, "images");
        long[] s = images.shape();
        switch (s.length) {
            case 1, 2 -> {
                int n = s.length == 1 ? 1 : (int) s[0];
                long d = s.length == 1 ? s[0] : s[1];
                int side = (int) Math.round(Math.sqrt(d));
                if ((long) side * side == d) return of(images, 1, side, side);
                int rgb = (int) Math.round(Math.sqrt(d / 3.0));
                if (d % 3 == 0 && 3L * rgb * rgb == d) return of(images, 3, rgb, rgb);
                throw new IllegalArgumentException("Gallery: cannot tell the image size of " + shape(s) + " (" + d
                        + " values per image is neither s*s nor 3*s*s); use Gallery.of(images, channels, height, width)");
            }
            case 3 -> {
                return of(images, 1, (int) s[1], (int) s[2]);
            }
            case 4 -> {
                if (s[1] != 1 && s[1] != 3) {
                    String hint = (s[3] == 1 || s[3] == 3)
                            ? "; it looks like NHWC, use images.permute(0, 3, 1, 2) to make it NCHW" : "";
                    throw new IllegalArgumentException("Gallery: expected NCHW [n,1,h,w] or [n,3,h,w], got "
                            + shape(s) + hint);
                }
                return of(images, (int) s[1], (int) s[2], (int) s[3]);
            }
            default -> throw new IllegalArgumentException("Gallery: expected [n,784], [n,h,w] or NCHW [n,c,h,w], got "
                    + shape(s));
        }
    }

    /** A gallery of n images of {@code channels} (1 or 3) x height x width values each, in any shape [n,...]. */
    public static Gallery of(INDArray images, int channels, int height, int width) {
        Objects.requireNonNull(images, "images");
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("Gallery: channels must be 1 (grey) or 3 (RGB), got " + channels);
        }
        if (height < 1 || width < 1) throw new IllegalArgumentException("Gallery: height and width must be positive");
        long per = (long) channels * height * width;
        long length = images.length();
        long n = images.rank() <= 1 ? 1 : images.size(0);
        if (length == 0) throw new IllegalArgumentException("Gallery: the batch " + shape(images.shape()) + " is empty");
        if (n * per != length) {
            throw new IllegalArgumentException("Gallery: " + shape(images.shape()) + " does not hold " + n
                    + " images of " + channels + "x" + height + "x" + width + " = " + per + " values each");
        }
        // One bulk copy into a Java array; reading pixel by pixel through getDouble is a hundred times slower.
        float[] pixels = images.castTo(DataType.FLOAT).dup('c').data().asFloat();
        return new Gallery(pixels, (int) n, channels, height, width);
    }

    /** An n-column grid of the batch with the default zoom. */
    public static BufferedImage grid(INDArray images, int columns) {
        return of(images).columns(columns).image();
    }

    /** Tiles per row (default 8, or n when fewer). */
    public Gallery columns(int columns) {
        if (columns < 1) throw new IllegalArgumentException("columns must be at least 1, got " + columns);
        this.columns = Math.min(columns, n);
        return this;
    }

    /** Pixel zoom: each image pixel becomes scale x scale screen pixels (default: about 50 pixels a tile). */
    public Gallery scale(int scale) {
        if (scale < 1 || scale > 32) throw new IllegalArgumentException("scale must be 1..32, got " + scale);
        this.scale = scale;
        return this;
    }

    /** Blank pixels between tiles (default 2). */
    public Gallery gap(int gap) {
        if (gap < 0) throw new IllegalArgumentException("gap must be 0 or more, got " + gap);
        this.gap = gap;
        return this;
    }

    /** The value range shown black..white, when it is not [-1,1]: {@code range(0, 1)} for sigmoid outputs. */
    public Gallery range(double low, double high) {
        if (!(high > low)) throw new IllegalArgumentException("range: high must be above low, got " + low + ".." + high);
        this.low = low;
        this.high = high;
        return this;
    }

    /** A short text under each tile, one per image (class names, D(x) scores...). */
    public Gallery labels(String... labels) {
        if (labels != null && labels.length != n) {
            throw new IllegalArgumentException("labels: got " + labels.length + " for " + n + " images; give one per image");
        }
        this.labels = labels;
        return this;
    }

    /** A title left of each row ("input", "reconstruction"...), one per row. */
    public Gallery rowTitles(String... titles) {
        int rows = rows();
        if (titles != null && titles.length != rows) {
            throw new IllegalArgumentException("rowTitles: got " + titles.length + " titles for " + rows + " rows ("
                    + n + " images in " + columns + " columns); set columns(...) first, then one title per row");
        }
        this.rowTitles = titles;
        return this;
    }

    /** Number of rows of tiles. */
    public int rows() {
        return (n + columns - 1) / columns;
    }

    /** Draws the grid. */
    public BufferedImage image() {
        int tileW = width * scale, tileH = height * scale;
        if (rowTitles != null && rowTitles.length != rows()) rowTitles(rowTitles); // columns changed since: re-check

        Font labelFont = Images.font(LABEL_SIZE, Font.PLAIN);
        FontMetrics lfm = Images.metrics(labelFont);
        int cellW = tileW, labelH = 0;
        if (labels != null) {
            // A label may be wider than its tile ("Ankle boot" under 56 pixels): widen the cells up to twice.
            int widest = Arrays.stream(labels).mapToInt(l -> lfm.stringWidth(l == null ? "" : l)).max().orElse(0);
            cellW = Math.max(tileW, Math.min(widest + 4, 2 * tileW));
            labelH = lfm.getHeight() + 2;
        }
        int cellH = tileH + labelH;

        Font titleFont = Images.font(TITLE_SIZE, Font.PLAIN);
        FontMetrics tfm = Images.metrics(titleFont);
        int titleW = 0;
        if (rowTitles != null) {
            for (String t : rowTitles) titleW = Math.max(titleW, tfm.stringWidth(t == null ? "" : t));
            titleW += 16; // 6 pixels before the text, 10 after
        }

        int rows = rows();
        int imW = titleW + gap + columns * (cellW + gap);
        int imH = gap + rows * (cellH + gap);
        BufferedImage out = Images.canvas(imW, imH);
        int[] rgb = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < n; i++) {
            int x0 = titleW + gap + (i % columns) * (cellW + gap) + (cellW - tileW) / 2;
            int y0 = gap + (i / columns) * (cellH + gap);
            drawTile(i, rgb, imW, x0, y0);
        }

        Graphics2D g = Images.graphics(out);
        if (labels != null) {
            g.setFont(labelFont);
            for (int i = 0; i < n; i++) {
                String l = Images.fit(labels[i] == null ? "" : labels[i], lfm, cellW);
                int x = titleW + gap + (i % columns) * (cellW + gap) + (cellW - lfm.stringWidth(l)) / 2;
                int y = gap + (i / columns) * (cellH + gap) + tileH + 1 + lfm.getAscent();
                g.drawString(l, x, y);
            }
        }
        if (rowTitles != null) {
            g.setFont(titleFont);
            for (int r = 0; r < rows; r++) {
                String t = rowTitles[r] == null ? "" : rowTitles[r];
                int y = gap + r * (cellH + gap) + (tileH + tfm.getAscent() - tfm.getDescent()) / 2;
                g.drawString(t, titleW - 10 - tfm.stringWidth(t), y);
            }
        }
        g.dispose();
        return out;
    }

    private void drawTile(int i, int[] rgb, int stride, int x0, int y0) {
        int plane = height * width;
        int base = i * channels * plane;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = base + y * width + x;
                int color;
                if (channels == 1) {
                    int v = level(pixels[p]);
                    color = v < 0 ? NAN_RGB : (v << 16) | (v << 8) | v;
                } else {
                    int r = level(pixels[p]), gr = level(pixels[p + plane]), b = level(pixels[p + 2 * plane]);
                    color = (r < 0 || gr < 0 || b < 0) ? NAN_RGB : (r << 16) | (gr << 8) | b;
                }
                for (int dy = 0; dy < scale; dy++) {
                    int row = (y0 + y * scale + dy) * stride + x0 + x * scale;
                    Arrays.fill(rgb, row, row + scale, color);
                }
            }
        }
    }

    // 0..255 for a value in [low, high] (clipped), -1 for NaN.
    private int level(float v) {
        if (Float.isNaN(v)) return -1;
        double t = (v - low) / (high - low);
        if (t < 0) t = 0;
        if (t > 1) t = 1;
        return (int) Math.round(t * 255);
    }

    private static String shape(long[] s) {
        return Arrays.toString(s);
    }
}
