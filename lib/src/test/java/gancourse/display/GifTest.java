package gancourse.display;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GifTest {

    private static BufferedImage filled(int w, int h, Color c) {
        BufferedImage im = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = im.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return im;
    }

    private static IIOMetadataNode node(IIOMetadataNode root, String name) {
        return (IIOMetadataNode) root.getElementsByTagName(name).item(0);
    }

    @Test
    void decodesBackToTheFramesWithTheirDelayAndLoopsForever() throws Exception {
        List<BufferedImage> frames = List.of(filled(40, 30, Color.RED), filled(40, 30, Color.GREEN), filled(40, 30, Color.BLUE));
        Gif gif = Gif.of(frames, 120);
        assertEquals(3, gif.frames());
        assertEquals(120, gif.delayMillis());

        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif.bytes()))) {
            reader.setInput(in);
            assertEquals(3, reader.getNumImages(true));
            int[] expected = {0xFF0000, 0x00FF00, 0x0000FF};
            for (int i = 0; i < 3; i++) {
                IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(i).getAsTree("javax_imageio_gif_image_1.0");
                assertEquals("12", node(root, "GraphicControlExtension").getAttribute("delayTime"), "hundredths of a second");
                BufferedImage decoded = reader.read(i);
                assertEquals(40, decoded.getWidth());
                assertEquals(expected[i], decoded.getRGB(20, 15) & 0xFFFFFF);
            }
            IIOMetadataNode first = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0");
            IIOMetadataNode app = node(first, "ApplicationExtension");
            assertEquals("NETSCAPE", app.getAttribute("applicationID"));
            assertArrayEquals(new byte[] {1, 0, 0}, (byte[]) app.getUserObject(), "loop count 0: forever");
        } finally {
            reader.dispose();
        }
    }

    @Test
    void framesOfDifferentSizesShareTheLargestCanvas() throws Exception {
        Gif gif = Gif.of(List.of(filled(10, 10, Color.BLACK), filled(30, 20, Color.BLACK)), 50);
        BufferedImage first = ImageIO.read(new ByteArrayInputStream(gif.bytes()));
        assertEquals(30, first.getWidth());
        assertEquals(20, first.getHeight());
        assertEquals(0x000000, first.getRGB(5, 5) & 0xFFFFFF);
        assertEquals(0xFFFFFF, first.getRGB(25, 15) & 0xFFFFFF, "white around a smaller frame");
    }

    @Test
    void showsAsAnInlineHtmlImageAndSavesAsAFile(@TempDir Path dir) throws Exception {
        Gif gif = Gif.of(List.of(filled(8, 8, Color.RED)), 100);
        String html = gif.toString();
        assertTrue(html.startsWith("<img src=\"data:image/gif;base64,"), html);
        String b64 = html.substring(html.indexOf(',') + 1, html.indexOf('"', html.indexOf(',')));
        assertArrayEquals(gif.bytes(), Base64.getDecoder().decode(b64));
        assertEquals(gif.base64(), b64);
        Path file = dir.resolve("sub/anim.gif");
        gif.save(file);
        assertArrayEquals(gif.bytes(), Files.readAllBytes(file));
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Gif.of(List.of(), 100));
        assertThrows(IllegalArgumentException.class, () -> Gif.of(List.of(filled(2, 2, Color.RED)), 5));
    }
}
