package gancourse.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

class ImagesTest {

    @Test
    void sideBySidePutsBothGalleriesUnderTheirCaptions() {
        BufferedImage real = Gallery.grid(Nd4j.valueArrayOf(new long[] {4, 784}, -1f), 2);
        BufferedImage fake = Gallery.grid(Nd4j.valueArrayOf(new long[] {4, 784}, -1f), 2);
        BufferedImage both = Images.sideBySide("real", real, "fake", fake);
        assertTrue(both.getWidth() >= real.getWidth() + fake.getWidth() + Images.SPACE);
        assertTrue(both.getHeight() > real.getHeight() + 10, "room for the captions");
        assertTrue(ChartsTest.count(both, java.awt.Color.BLACK, 0) >= 2 * 4 * 56 * 56, "both galleries are there");
        int captionInk = 0;
        for (int y = 0; y < 15; y++) {
            for (int x = 0; x < both.getWidth(); x++) if ((both.getRGB(x, y) & 0xFF) < 100) captionInk++;
        }
        assertTrue(captionInk > 20, "caption text above the pictures");
        assertThrows(IllegalArgumentException.class, () -> Images.row(List.of("one"), List.of(real, fake)));
    }

    @Test
    void pngBytesAndFilesDecodeToThePicture(@TempDir Path dir) throws Exception {
        BufferedImage im = Gallery.grid(Nd4j.rand(3, 784), 3);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(Images.png(im)));
        assertEquals(im.getWidth(), back.getWidth());
        assertEquals(im.getRGB(10, 10), back.getRGB(10, 10));
        Path file = dir.resolve("a/b.png");
        Images.savePng(im, file);
        assertEquals(im.getHeight(), ImageIO.read(file.toFile()).getHeight());
    }
}
