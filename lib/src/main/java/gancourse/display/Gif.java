package gancourse.display;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * An animated GIF that loops forever, made from pictures (galleries over training, a walk through latent space).
 *
 * <p>In the rapaio kernel, {@code display(gif)} shows it moving: its {@code toString()} is an HTML
 * {@code <img>} with the GIF inline, and the kernel's default MIME type is text/html. For a real image/gif output
 * use {@code display("image/gif", gif.base64())}. {@link #save} writes the file.
 */
public final class Gif {
    private final byte[] bytes;
    private final int frames;
    private final int delayMillis;

    private Gif(byte[] bytes, int frames, int delayMillis) {
        this.bytes = bytes;
        this.frames = frames;
        this.delayMillis = delayMillis;
    }

    /**
     * Encodes the frames, {@code delayMillis} apart (GIF counts in hundredths of a second, so 10 ms steps).
     * Frames of different sizes are put on a white canvas of the largest size, top left.
     */
    public static Gif of(List<BufferedImage> frames, int delayMillis) {
        Objects.requireNonNull(frames, "frames");
        if (frames.isEmpty()) throw new IllegalArgumentException("Gif: no frames; collect pictures in a list first");
        if (delayMillis < 10 || delayMillis > 655_350) {
            throw new IllegalArgumentException("Gif: delay must be 10..655350 ms, got " + delayMillis);
        }
        int w = 0, h = 0;
        for (BufferedImage f : frames) {
            Objects.requireNonNull(f, "Gif: a frame is null");
            w = Math.max(w, f.getWidth());
            h = Math.max(h, f.getHeight());
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.prepareWriteSequence(null);
            for (int i = 0; i < frames.size(); i++) {
                BufferedImage frame = onCanvas(frames.get(i), w, h);
                ImageWriteParam param = writer.getDefaultWriteParam();
                IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame), param);
                timing(meta, delayMillis / 10, i == 0);
                writer.writeToSequence(new IIOImage(frame, null, meta), param);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the GIF: " + e.getMessage(), e);
        } finally {
            writer.dispose();
        }
        return new Gif(out.toByteArray(), frames.size(), delayMillis / 10 * 10);
    }

    /** The GIF file's bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The bytes in base64, as Jupyter wants image data. */
    public String base64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    public int frames() {
        return frames;
    }

    /** The delay between frames as stored (rounded down to 10 ms). */
    public int delayMillis() {
        return delayMillis;
    }

    /** Writes the GIF file, making the folders it needs. */
    public void save(Path file) {
        try {
            if (file.toAbsolutePath().getParent() != null) Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("could not save " + file + ": " + e.getMessage(), e);
        }
    }

    /** An HTML image with the GIF inline. */
    public Html html() {
        return Html.of("<img src=\"data:image/gif;base64," + base64() + "\"/>");
    }

    /** The HTML image, so that the kernel's text/html default shows the animation. */
    @Override
    public String toString() {
        return html().markup();
    }

    private static BufferedImage onCanvas(BufferedImage f, int w, int h) {
        if (f.getWidth() == w && f.getHeight() == h && f.getType() == BufferedImage.TYPE_INT_RGB) return f;
        BufferedImage c = Images.canvas(w, h);
        Graphics2D g = c.createGraphics();
        g.drawImage(f, 0, 0, null);
        g.dispose();
        return c;
    }

    // The delay lives in each frame's GraphicControlExtension; looping is the NETSCAPE2.0 extension on the first.
    private static void timing(IIOMetadata meta, int centis, boolean first) throws IOException {
        String format = meta.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
        IIOMetadataNode gce = child(root, "GraphicControlExtension");
        gce.setAttribute("disposalMethod", "none");
        gce.setAttribute("userInputFlag", "FALSE");
        gce.setAttribute("transparentColorFlag", "FALSE");
        gce.setAttribute("delayTime", Integer.toString(centis));
        gce.setAttribute("transparentColorIndex", "0");
        if (first) {
            IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            app.setUserObject(new byte[] {1, 0, 0}); // sub-block 1, loop count 0 = forever
            child(root, "ApplicationExtensions").appendChild(app);
        }
        meta.setFromTree(format, root);
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) return (IIOMetadataNode) root.item(i);
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }
}
