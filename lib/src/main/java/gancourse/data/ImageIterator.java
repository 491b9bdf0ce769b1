package gancourse.data;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * Shuffled batches of an {@link ImageDataset} for DL4J: features are the images (NCHW, or flat rows),
 * labels are one-hot. Each epoch ({@link #reset()}) draws a new order from one seeded generator, so two
 * runs with the same seed see the same batches.
 *
 * <p>By default the last, incomplete batch of an epoch is dropped: every batch then has the same size,
 * which a GAN's noise and real/fake targets rely on, and a new order each epoch means no image is left
 * out for good.
 */
public final class ImageIterator implements DataSetIterator {
    private final ImageDataset data;
    private final int batchSize;
    private final boolean flat;
    private final boolean dropLast;
    private final Random random;
    private final int[] order;
    private int cursor;
    private DataSetPreProcessor preProcessor;

    /**
     * @param flat     features as [batch, c*h*w] rows instead of [batch, c, h, w]
     * @param dropLast drop the last batch of an epoch if it is smaller than {@code batchSize}
     */
    public ImageIterator(ImageDataset data, int batchSize, boolean flat, long seed, boolean dropLast) {
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be 1 or more, not " + batchSize);
        if (dropLast && batchSize > data.size()) {
            throw new IllegalArgumentException("batch size " + batchSize + " is larger than " + data.name() + " ("
                    + data.size() + " images): no full batch. Use a smaller batch or more images.");
        }
        this.data = data;
        this.batchSize = batchSize;
        this.flat = flat;
        this.dropLast = dropLast;
        this.random = new Random(seed);
        this.order = new int[data.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        reset();
    }

    /** Starts a new epoch, in a new order. */
    @Override
    public void reset() {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        cursor = 0;
    }

    @Override
    public boolean hasNext() {
        return dropLast ? cursor + batchSize <= order.length : cursor < order.length;
    }

    @Override
    public DataSet next() {
        return next(batchSize);
    }

    @Override
    public DataSet next(int num) {
        if (!hasNext()) throw new NoSuchElementException("End of the epoch: call reset() to start the next one");
        int k = Math.min(num, order.length - cursor);
        int[] picked = new int[k];
        System.arraycopy(order, cursor, picked, 0, k);
        cursor += k;

        INDArray features = data.rows(picked);   // floats made per batch from a dataset held as bytes
        if (!flat) features = features.reshape('c', k, data.channels(), data.height(), data.width());
        int classes = data.numClasses();
        float[] oneHot = new float[k * classes];
        for (int i = 0; i < k; i++) oneHot[i * classes + data.label(picked[i])] = 1f;
        DataSet batch = new DataSet(features, Nd4j.create(oneHot, new long[] {k, classes}, 'c'));
        if (preProcessor != null) preProcessor.preProcess(batch);
        return batch;
    }

    @Override
    public int inputColumns() {
        return data.channels() * data.height() * data.width();
    }

    @Override
    public int totalOutcomes() {
        return data.numClasses();
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    // DL4J would otherwise prefetch on another thread; batches are cheap to make, and one thread keeps
    // the order plain to follow.
    @Override
    public boolean asyncSupported() {
        return false;
    }

    @Override
    public int batch() {
        return batchSize;
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor preProcessor) {
        this.preProcessor = preProcessor;
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return preProcessor;
    }

    @Override
    public List<String> getLabels() {
        return data.classNames();
    }

    /** Batches per epoch. */
    public int batches() {
        return dropLast ? order.length / batchSize : (order.length + batchSize - 1) / batchSize;
    }
}
