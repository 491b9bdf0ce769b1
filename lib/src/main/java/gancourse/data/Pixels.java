package gancourse.data;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.FloatBuffer;

/**
 * Turns image bytes (0..255) into a float [n, c, h, w] array in [-1, 1], the range of a generator's tanh
 * output. Works a chunk of images at a time: a plain array loop is fast, a bulk copy moves the chunk into
 * the (off-heap) array, and the Java heap never holds more than a chunk.
 */
final class Pixels {
    static final int CHUNK = 1024;

    private static final float[] SCALE = new float[256];

    static {
        for (int v = 0; v < 256; v++) SCALE[v] = v / 127.5f - 1f;
    }

    private final INDArray images;
    private final FloatBuffer memory;
    private final int pixels;

    Pixels(int n, int c, int h, int w) {
        if ((long) n * c * h * w > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(n + " images of " + c + "x" + h + "x" + w + " are too many for one "
                    + "array: load fewer (Datasets.load(name, split, maxImages))");
        }
        images = Nd4j.createUninitialized(DataType.FLOAT, n, c, h, w);
        // A new array is one contiguous row-major block: image i starts at i * c * h * w.
        memory = images.data().asNioFloat();
        pixels = c * h * w;
    }

    /**
     * Puts {@code count} images starting at image {@code first}; image i's bytes are at
     * {@code offset + i * stride} in {@code bytes}.
     */
    void put(int first, int count, byte[] bytes, int offset, int stride) {
        float[] values = new float[count * pixels];
        for (int i = 0; i < count; i++) {
            int from = offset + i * stride;
            int to = i * pixels;
            for (int j = 0; j < pixels; j++) values[to + j] = SCALE[bytes[from + j] & 0xff];
        }
        memory.put(first * pixels, values, 0, count * pixels);
    }

    INDArray array() {
        return images;
    }
}
