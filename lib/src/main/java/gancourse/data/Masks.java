package gancourse.data;

import java.util.Random;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Masks for image completion: arrays [n, c, h, w] of the images' shape, 1 where a pixel is known and 0 where it
 * is missing. The same pixels are missing in every colour channel. Multiply an image by its mask to hide the
 * missing part; reshape both to [n, c * h * w] for a dense generator.
 */
public final class Masks {
    private Masks() {}

    /** A square hole of {@code size} pixels in the middle of every image. */
    public static INDArray centre(int n, int channels, int height, int width, int size) {
        if (size < 1 || size > Math.min(height, width)) {
            throw new IllegalArgumentException("the hole must be 1.." + Math.min(height, width) + " pixels wide, got " + size);
        }
        return rectangle(n, channels, height, width, (height - size) / 2, (width - size) / 2, size, size);
    }

    /** The left half missing. */
    public static INDArray leftHalf(int n, int channels, int height, int width) {
        return rectangle(n, channels, height, width, 0, 0, height, width / 2);
    }

    /** The bottom half missing. */
    public static INDArray bottomHalf(int n, int channels, int height, int width) {
        return rectangle(n, channels, height, width, height / 2, 0, height - height / 2, width);
    }

    /** A hole of holeHeight x holeWidth pixels with its top-left corner at (top, left). */
    public static INDArray rectangle(int n, int channels, int height, int width, int top, int left, int holeHeight, int holeWidth) {
        if (top < 0 || left < 0 || holeHeight < 1 || holeWidth < 1 || top + holeHeight > height || left + holeWidth > width) {
            throw new IllegalArgumentException("a hole of " + holeHeight + "x" + holeWidth + " at (" + top + ", " + left
                    + ") does not fit in a " + height + "x" + width + " image");
        }
        INDArray mask = Nd4j.ones(DataType.FLOAT, n, channels, height, width);
        mask.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(top, top + holeHeight),
                NDArrayIndex.interval(left, left + holeWidth)).assign(0);
        return mask;
    }

    /** Each pixel missing with probability {@code missing}, independently, a different pattern per image. */
    public static INDArray randomPixels(int n, int channels, int height, int width, double missing, long seed) {
        if (!(missing >= 0 && missing < 1)) {
            throw new IllegalArgumentException("the missing share must be in [0, 1), got " + missing);
        }
        Random rng = new Random(seed);
        float[] m = new float[n * channels * height * width];
        int plane = height * width;
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < plane; p++) {
                float known = rng.nextDouble() < missing ? 0 : 1;
                for (int c = 0; c < channels; c++) m[(i * channels + c) * plane + p] = known;
            }
        }
        return Nd4j.create(m, new long[] {n, channels, height, width}, 'c');
    }

    /** For showing a masked image: the known pixels as they are, the missing ones a flat grey (0 in [-1, 1]). */
    public static INDArray hide(INDArray images, INDArray masks) {
        if (!java.util.Arrays.equals(images.shape(), masks.shape())) {
            throw new IllegalArgumentException("images " + java.util.Arrays.toString(images.shape()) + " and masks "
                    + java.util.Arrays.toString(masks.shape()) + " must have the same shape");
        }
        return images.mul(masks);
    }
}
