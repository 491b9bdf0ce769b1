package gancourse.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class GalleryTest {

    private static int rgb(BufferedImage im, int x, int y) {
        return im.getRGB(x, y) & 0xFFFFFF;
    }

    @Test
    void minusOneIsBlackPlusOneIsWhiteAndTheSizeFollowsTheLayout() {
        INDArray x = Nd4j.vstack(Nd4j.valueArrayOf(new long[] {1, 784}, -1f), Nd4j.valueArrayOf(new long[] {1, 784}, 1f));
        BufferedImage im = Gallery.of(x).scale(1).gap(2).image();
        assertEquals(2 + 2 * (28 + 2), im.getWidth());
        assertEquals(2 + 28 + 2, im.getHeight());
        assertEquals(0x000000, rgb(im, 2, 2));
        assertEquals(0x000000, rgb(im, 2 + 27, 2 + 27));
        assertEquals(0xFFFFFF, rgb(im, 32, 2));
        assertEquals(0xFFFFFF, rgb(im, 32 + 27, 2 + 27));
        assertEquals(0xFFFFFF, rgb(im, 0, 0), "the gap is white");
    }

    @Test
    void defaultZoomMakesAnMnistGridReadable() {
        BufferedImage im = Gallery.grid(Nd4j.rand(DataType.FLOAT, 64, 784), 8);
        // 28 pixels zoomed twice, 2 pixels between tiles and around them.
        assertEquals(2 + 8 * (56 + 2), im.getWidth());
        assertEquals(2 + 8 * (56 + 2), im.getHeight());
    }

    @Test
    void eachImagePixelBecomesAScaleByScaleBlock() {
        INDArray x = Nd4j.valueArrayOf(new long[] {1, 1, 2, 2}, -1f);
        x.putScalar(new long[] {0, 0, 0, 1}, 1f); // top right pixel white
        BufferedImage im = Gallery.of(x).scale(3).gap(0).image();
        assertEquals(6, im.getWidth());
        for (int y = 0; y < 3; y++) {
            for (int dx = 0; dx < 3; dx++) {
                assertEquals(0x000000, rgb(im, dx, y));
                assertEquals(0xFFFFFF, rgb(im, 3 + dx, y));
            }
        }
        assertEquals(0x000000, rgb(im, 4, 4));
    }

    @Test
    void colourChannelsAreRedGreenBlueInNchwOrder() {
        INDArray x = Nd4j.valueArrayOf(new long[] {3, 3, 4, 4}, -1f);
        for (int i = 0; i < 3; i++) x.get(NDArrayIndex.point(i), NDArrayIndex.point(i)).assign(1);
        BufferedImage im = Gallery.of(x).scale(1).gap(1).image();
        assertEquals(0xFF0000, rgb(im, 1, 1));
        assertEquals(0x00FF00, rgb(im, 1 + 5, 1));
        assertEquals(0x0000FF, rgb(im, 1 + 10, 1));
    }

    @Test
    void flatColourImagesAreRecognised() {
        INDArray x = Nd4j.valueArrayOf(new long[] {2, 3 * 8 * 8}, -1f);
        x.get(NDArrayIndex.point(1), NDArrayIndex.interval(2 * 64, 3 * 64)).assign(1); // blue plane of image 1
        BufferedImage im = Gallery.of(x).scale(1).gap(0).image();
        assertEquals(16, im.getWidth());
        assertEquals(0x000000, rgb(im, 0, 0));
        assertEquals(0x0000FF, rgb(im, 8, 0));
    }

    @Test
    void valuesOutsideTheRangeAreClippedAndNaNIsRed() {
        INDArray x = Nd4j.create(new float[] {3f, -5f, 0f, Float.NaN}, new long[] {1, 4}); // one 2x2 image
        BufferedImage im = Gallery.of(x).scale(1).gap(0).image();
        assertEquals(0xFFFFFF, rgb(im, 0, 0));
        assertEquals(0x000000, rgb(im, 1, 0));
        assertEquals(0x808080, rgb(im, 0, 1), "0 is halfway: 128");
        assertEquals(0xFF0000, rgb(im, 1, 1));
    }

    @Test
    void rangeMapsOtherIntervalsToBlackAndWhite() {
        INDArray x = Nd4j.create(new float[] {0f, 1f, 0.5f, 2f}, new long[] {1, 4});
        BufferedImage im = Gallery.of(x).range(0, 1).scale(1).gap(0).image();
        assertEquals(0x000000, rgb(im, 0, 0));
        assertEquals(0xFFFFFF, rgb(im, 1, 0));
        assertEquals(0x808080, rgb(im, 0, 1));
        assertEquals(0xFFFFFF, rgb(im, 1, 1));
    }

    @Test
    void viewsAndFortranOrderArraysAreReadInTheRightOrder() {
        INDArray x = Nd4j.linspace(-1, 1, 4 * 16, DataType.FLOAT).reshape(4, 16);
        BufferedImage whole = Gallery.of(x).columns(4).scale(1).gap(0).image();
        BufferedImage view = Gallery.of(x.get(NDArrayIndex.interval(2, 4), NDArrayIndex.all())).columns(2).scale(1).gap(0).image();
        BufferedImage fortran = Gallery.of(x.dup('f')).columns(4).scale(1).gap(0).image();
        for (int y = 0; y < 4; y++) {
            for (int xx = 0; xx < 8; xx++) assertEquals(rgb(whole, 8 + xx, y), rgb(view, xx, y));
            for (int xx = 0; xx < 16; xx++) assertEquals(rgb(whole, xx, y), rgb(fortran, xx, y));
        }
        assertTrue(rgb(whole, 0, 0) != rgb(whole, 3, 3), "the test data must vary");
    }

    @Test
    void labelsAreDrawnUnderTheTiles() {
        INDArray x = Nd4j.valueArrayOf(new long[] {2, 784}, 1f); // white tiles, so only text is dark below them
        BufferedImage plain = Gallery.of(x).image();
        BufferedImage labelled = Gallery.of(x).labels("Ankle boot", "7").image();
        assertTrue(labelled.getHeight() > plain.getHeight() + 8, "room for a line of text");
        int dark = 0;
        for (int y = plain.getHeight() - 2; y < labelled.getHeight(); y++) {
            for (int xx = 0; xx < labelled.getWidth(); xx++) if ((rgb(labelled, xx, y) & 0xFF) < 100) dark++;
        }
        assertTrue(dark > 20, "label ink under the tiles, found " + dark + " dark pixels");
        assertTrue(labelled.getWidth() > plain.getWidth(), "cells widen for a label wider than a tile");
    }

    @Test
    void rowTitlesGoLeftOfTheRows() {
        INDArray x = Nd4j.valueArrayOf(new long[] {4, 784}, 1f);
        BufferedImage im = Gallery.of(x).columns(2).rowTitles("input", "reconstruction").image();
        BufferedImage plain = Gallery.of(x).columns(2).image();
        int titleW = im.getWidth() - plain.getWidth();
        assertTrue(titleW > 50, "room for the titles");
        int dark = 0;
        for (int y = 0; y < im.getHeight(); y++) {
            for (int xx = 0; xx < titleW; xx++) if ((rgb(im, xx, y) & 0xFF) < 100) dark++;
        }
        assertTrue(dark > 30, "title ink, found " + dark);
        var e = assertThrows(IllegalArgumentException.class, () -> Gallery.of(x).columns(2).rowTitles("only one"));
        assertTrue(e.getMessage().contains("2 rows"), e.getMessage());
    }

    @Test
    void wrongShapesSayWhatToDo() {
        var odd = assertThrows(IllegalArgumentException.class, () -> Gallery.of(Nd4j.zeros(5, 101)));
        assertTrue(odd.getMessage().contains("Gallery.of(images, channels, height, width)"), odd.getMessage());
        var nhwc = assertThrows(IllegalArgumentException.class, () -> Gallery.of(Nd4j.zeros(2, 28, 28, 3)));
        assertTrue(nhwc.getMessage().contains("permute(0, 3, 1, 2)"), nhwc.getMessage());
        var rank5 = assertThrows(IllegalArgumentException.class, () -> Gallery.of(Nd4j.zeros(1, 1, 1, 2, 2)));
        assertTrue(rank5.getMessage().contains("[1, 1, 1, 2, 2]"), rank5.getMessage());
        var sizes = assertThrows(IllegalArgumentException.class, () -> Gallery.of(Nd4j.zeros(2, 100), 3, 8, 8));
        assertTrue(sizes.getMessage().contains("3x8x8 = 192"), sizes.getMessage());
        var channels = assertThrows(IllegalArgumentException.class, () -> Gallery.of(Nd4j.zeros(2, 100), 2, 5, 10));
        assertTrue(channels.getMessage().contains("1 (grey) or 3 (RGB)"), channels.getMessage());
        var labels = assertThrows(IllegalArgumentException.class, () -> Gallery.of(Nd4j.zeros(3, 784)).labels("a", "b"));
        assertTrue(labels.getMessage().contains("2 for 3 images"), labels.getMessage());
    }
}
