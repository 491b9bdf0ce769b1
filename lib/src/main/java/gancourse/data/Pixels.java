package gancourse.data;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.ByteBuffer;

/**
 * Gathers image bytes (0..255) into one [n, c, h, w] UINT8 array, off the Java heap: the compact form an
 * {@link ImageDataset} holds, turned into floats in [-1, 1] where they are used. Works a chunk of images
 * at a time, so the Java heap never holds more than a chunk.
 */
final class Pixels {
    static final int CHUNK = 1024;

    private final INDArray images;
    private final ByteBuffer memory;
    private final int pixels;

    Pixels(int n, int c, int h, int w) {
        if ((long) n * c * h * w > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(n + " images of " + c + "x" + h + "x" + w + " are too many for one "
                    + "array: load fewer (Datasets.load(name, split, maxImages))");
        }
        images = Nd4j.createUninitialized(DataType.UINT8, n, c, h, w);
        // A new array is one contiguous row-major block: image i starts at i * c * h * w.
        memory = images.data().asNio();
        pixels = c * h * w;
    }

    /**
     * Puts {@code count} images starting at image {@code first}; image i's bytes are at
     * {@code offset + i * stride} in {@code bytes}.
     */
    void put(int first, int count, byte[] bytes, int offset, int stride) {
        for (int i = 0; i < count; i++) {
            memory.put((first + i) * pixels, bytes, offset + i * stride, pixels);
        }
    }

    INDArray array() {
        return images;
    }

    /** Pixel bytes to [-1, 1], as v / 127.5 - 1 in float arithmetic; floats as they are. */
    static INDArray toFloats(INDArray x) {
        if (x.dataType() == DataType.FLOAT) return x;
        return x.castTo(DataType.FLOAT).divi(127.5f).subi(1f);
    }
}
