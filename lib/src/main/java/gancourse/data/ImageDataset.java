package gancourse.data;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Labelled images in memory: [n, channels, height, width] with values in [-1, 1], one int label per image,
 * and the names of the classes. A convolutional network takes {@link #images()}, a fully connected one
 * takes {@link #flat()}; {@link #iterator} serves shuffled batches for training.
 *
 * <p>A dataset loaded from files is held compactly, as its bytes (0..255, a quarter of the floats: CIFAR-10's
 * training set is 154 MB instead of 614 MB), and turned into floats where they are used: per batch, per
 * subset ({@link #first}, {@link #ofClass}, {@link #select}), or once for the whole set the first time
 * {@link #images()} or {@link #flat()} asks for it. That is what keeps every lesson within 2 GB.
 */
public final class ImageDataset {
    private final String name;
    /** FLOAT in [-1, 1], or UINT8 pixel values 0..255. */
    private final INDArray stored;
    private INDArray floats;
    private final int[] labels;
    private final List<String> classNames;

    /** @param images FLOAT values in [-1, 1], or UINT8 pixel values (0..255), held as they are */
    public ImageDataset(String name, INDArray images, int[] labels, List<String> classNames) {
        if (images.rank() != 4 || images.size(0) != labels.length) {
            throw new IllegalArgumentException("images must be [n, channels, height, width] with n = "
                    + labels.length + " (one per label), not " + Arrays.toString(images.shape()));
        }
        for (int y : labels) {
            if (y < 0 || y >= classNames.size()) {
                throw new IllegalArgumentException("label " + y + " is not a class: there are " + classNames.size());
            }
        }
        if (images.dataType() != DataType.FLOAT && images.dataType() != DataType.UINT8) {
            throw new IllegalArgumentException("images must be FLOAT in [-1, 1] or UINT8 pixels, not " + images.dataType());
        }
        this.name = name;
        this.stored = images;
        this.labels = labels;
        this.classNames = List.copyOf(classNames);
    }

    /** What it is, as in "mnist train". */
    public String name() {
        return name;
    }

    public int size() {
        return labels.length;
    }

    public int channels() {
        return (int) stored.size(1);
    }

    public int height() {
        return (int) stored.size(2);
    }

    public int width() {
        return (int) stored.size(3);
    }

    /**
     * The images, [n, channels, height, width], in [-1, 1]. For a dataset held as bytes, the first call makes
     * the float copy (four times the bytes); take a subset first ({@link #first}, {@link #ofClass}) when
     * that is all a cell needs.
     */
    public INDArray images() {
        if (floats == null) floats = Pixels.toFloats(stored);
        return floats;
    }

    /** The images as rows, [n, channels * height * width], for fully connected networks (same memory). */
    public INDArray flat() {
        return images().reshape('c', size(), pixels());
    }

    /** Image {@code i}, [channels, height, width]. */
    public INDArray image(int i) {
        return floats != null ? floats.get(NDArrayIndex.point(i)) : Pixels.toFloats(stored.get(NDArrayIndex.point(i)));
    }

    /** These images as float rows in [-1, 1], [rows.length, channels * height * width]: one batch. */
    INDArray rows(int[] rows) {
        INDArray source = floats != null ? floats : stored;
        return Pixels.toFloats(Nd4j.pullRows(source.reshape('c', size(), pixels()), 1, rows));
    }

    private long pixels() {
        return (long) channels() * height() * width();
    }

    public int label(int i) {
        return labels[i];
    }

    /** A copy of the labels, one per image. */
    public int[] labels() {
        return labels.clone();
    }

    public List<String> classNames() {
        return classNames;
    }

    public int numClasses() {
        return classNames.size();
    }

    /** The first {@code n} images (all of them if there are fewer). */
    public ImageDataset first(int n) {
        if (n < 1) throw new IllegalArgumentException("first(" + n + "): n must be 1 or more");
        return select(IntStream.range(0, Math.min(n, size())).toArray(), name + ", first " + Math.min(n, size()));
    }

    /** The images of one class, in their order: a GAN that learns one kind of picture. */
    public ImageDataset ofClass(int label) {
        if (label < 0 || label >= numClasses()) {
            throw new IllegalArgumentException("No class " + label + ": classes are 0.." + (numClasses() - 1)
                    + " " + classNames);
        }
        int[] rows = IntStream.range(0, size()).filter(i -> labels[i] == label).toArray();
        return select(rows, name + ", " + classNames.get(label) + " only");
    }

    /** The images of the class with this name, e.g. {@code ofClass("horse")} on CIFAR-10. */
    public ImageDataset ofClass(String className) {
        int label = classNames.indexOf(className);
        if (label < 0) throw new IllegalArgumentException("No class '" + className + "'. Classes: " + classNames);
        return ofClass(label);
    }

    /** The images at these positions, copied, in this order. */
    public ImageDataset select(int[] rows) {
        return select(rows, name + ", " + rows.length + " selected");
    }

    private ImageDataset select(int[] rows, String newName) {
        int[] y = new int[rows.length];
        for (int i = 0; i < rows.length; i++) y[i] = labels[rows[i]];
        if (rows.length == 0) throw new IllegalArgumentException("No images selected from " + name);
        // Copied from what is held (bytes stay bytes), so that a subset costs only its own images.
        INDArray source = floats != null ? floats : stored;
        INDArray x = Nd4j.pullRows(source.reshape('c', size(), pixels()), 1, rows)
                .reshape('c', rows.length, channels(), height(), width());
        return new ImageDataset(newName, x, y, classNames);
    }

    /**
     * Batches of [batchSize, channels, height, width] images with one-hot labels, in a new random order
     * each epoch ({@code seed} makes runs repeat). The last, incomplete batch of an epoch is dropped.
     */
    public ImageIterator iterator(int batchSize, long seed) {
        return new ImageIterator(this, batchSize, false, seed, true);
    }

    /** As {@link #iterator}, with each image as a row of [batchSize, channels * height * width]. */
    public ImageIterator flatIterator(int batchSize, long seed) {
        return new ImageIterator(this, batchSize, true, seed, true);
    }

    @Override
    public String toString() {
        return String.format("%s: %,d images %dx%dx%d in [-1, 1], %d classes %s", name, size(), channels(),
                height(), width(), numClasses(), classNames);
    }
}
