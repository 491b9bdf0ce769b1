package gancourse.display;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import javax.imageio.ImageIO;

/** Putting pictures next to each other with captions, and saving them as PNG. */
public final class Images {
    static final Color BACKGROUND = Color.WHITE;
    static final Color INK = new Color(0x22, 0x22, 0x22);
    static final int CAPTION_SIZE = 15;
    static final int SPACE = 24;

    private Images() {}

    /** Two pictures side by side, each with a caption above it: {@code sideBySide("real", a, "fake", b)}. */
    public static BufferedImage sideBySide(String leftCaption, BufferedImage left, String rightCaption, BufferedImage right) {
        return row(List.of(leftCaption, rightCaption), List.of(left, right));
    }

    /** Pictures in a row, tops aligned, each with its caption above it (captions may be empty strings). */
    public static BufferedImage row(List<String> captions, List<BufferedImage> images) {
        Objects.requireNonNull(images, "images");
        if (images.isEmpty()) throw new IllegalArgumentException("row: give at least one picture");
        if (captions.size() != images.size()) {
            throw new IllegalArgumentException("row: " + captions.size() + " captions for " + images.size()
                    + " pictures; give one caption per picture (\"\" for none)");
        }
        Font font = font(CAPTION_SIZE, Font.BOLD);
        FontMetrics fm = metrics(font);
        boolean anyCaption = captions.stream().anyMatch(c -> c != null && !c.isBlank());
        int captionHeight = anyCaption ? fm.getHeight() + 6 : 0;

        // SPACE between pictures, half of it at both ends.
        int width = SPACE * images.size(), height = 0;
        for (int i = 0; i < images.size(); i++) {
            BufferedImage im = Objects.requireNonNull(images.get(i), "picture " + i + " is null");
            String c = captions.get(i) == null ? "" : captions.get(i);
            width += Math.max(im.getWidth(), fm.stringWidth(c));
            height = Math.max(height, im.getHeight());
        }
        height += captionHeight + 8;

        BufferedImage out = canvas(width, height);
        Graphics2D g = graphics(out);
        g.setFont(font);
        int x = SPACE / 2;
        for (int i = 0; i < images.size(); i++) {
            BufferedImage im = images.get(i);
            String c = captions.get(i) == null ? "" : captions.get(i);
            int cell = Math.max(im.getWidth(), fm.stringWidth(c));
            g.drawString(c, x + (cell - fm.stringWidth(c)) / 2, 4 + fm.getAscent());
            g.drawImage(im, x + (cell - im.getWidth()) / 2, captionHeight + 4, null);
            x += cell + SPACE;
        }
        g.dispose();
        return out;
    }

    /** The picture as PNG bytes. */
    public static byte[] png(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Saves the picture as a PNG file, making the folders it needs. */
    public static void savePng(BufferedImage image, Path file) {
        try {
            if (file.toAbsolutePath().getParent() != null) Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, png(image));
        } catch (IOException e) {
            throw new UncheckedIOException("could not save " + file + ": " + e.getMessage(), e);
        }
    }

    // ---- shared drawing helpers ----

    static BufferedImage canvas(int width, int height) {
        BufferedImage im = new BufferedImage(Math.max(1, width), Math.max(1, height), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = im.createGraphics();
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, im.getWidth(), im.getHeight());
        g.dispose();
        return im;
    }

    static Graphics2D graphics(BufferedImage im) {
        Graphics2D g = im.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(INK);
        return g;
    }

    static Font font(int size, int style) {
        return new Font(Font.SANS_SERIF, style, size);
    }

    // Text is measured before the picture it goes in exists, so on a scratch image.
    static FontMetrics metrics(Font font) {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        FontMetrics fm = g.getFontMetrics(font);
        g.dispose();
        return fm;
    }

    /** The text, cut with "…" so that it fits in {@code width} pixels. */
    static String fit(String text, FontMetrics fm, int width) {
        if (fm.stringWidth(text) <= width) return text;
        for (int n = text.length() - 1; n > 0; n--) {
            String t = text.substring(0, n) + "…";
            if (fm.stringWidth(t) <= width) return t;
        }
        return "…";
    }
}
