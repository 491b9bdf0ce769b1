package gancourse.data;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class MasksTest {

    @Test
    void aCentreHoleIsASquareInTheMiddle() {
        INDArray m = Masks.centre(2, 3, 8, 8, 4);
        assertArrayEquals(new long[] {2, 3, 8, 8}, m.shape());
        assertEquals(2 * 3 * (64 - 16), m.sumNumber().intValue());
        assertEquals(0, m.getFloat(1, 2, 2, 2), 0);
        assertEquals(0, m.getFloat(0, 0, 5, 5), 0);
        assertEquals(1, m.getFloat(0, 0, 1, 2), 0);
        assertEquals(1, m.getFloat(0, 0, 6, 6), 0);
    }

    @Test
    void halvesHideHalfTheImage() {
        INDArray left = Masks.leftHalf(1, 1, 28, 28);
        assertEquals(28 * 14, left.sumNumber().intValue());
        assertEquals(0, left.getFloat(0, 0, 27, 13), 0);
        assertEquals(1, left.getFloat(0, 0, 0, 14), 0);
        INDArray bottom = Masks.bottomHalf(1, 1, 28, 28);
        assertEquals(1, bottom.getFloat(0, 0, 13, 0), 0);
        assertEquals(0, bottom.getFloat(0, 0, 14, 27), 0);
    }

    @Test
    void randomPixelsMissTheirShareInEveryChannelAlike() {
        INDArray m = Masks.randomPixels(10, 3, 32, 32, 0.8, 1);
        assertEquals(0.2, m.meanNumber().doubleValue(), 0.02);
        assertEquals(m.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(0)),
                m.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(2)));
        assertEquals(m, Masks.randomPixels(10, 3, 32, 32, 0.8, 1), "the same seed, the same pattern");
    }

    @Test
    void hidingMakesMissingPixelsGrey() {
        INDArray images = Nd4j.ones(1, 1, 2, 2).muli(-1);
        INDArray mask = Nd4j.createFromArray(new float[] {1, 0, 0, 1}).reshape(1, 1, 2, 2);
        assertArrayEquals(new float[] {-1, 0, 0, -1}, Masks.hide(images, mask).reshape(4).toFloatVector(), 1e-6f);
    }

    @Test
    void holesThatDoNotFitAreRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> Masks.centre(1, 1, 28, 28, 30));
        assertTrue(e.getMessage().contains("1..28"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Masks.rectangle(1, 1, 28, 28, 20, 0, 10, 5));
        assertTrue(e.getMessage().contains("does not fit"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Masks.randomPixels(1, 1, 4, 4, 1.0, 1));
    }
}
