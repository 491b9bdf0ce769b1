package gancourse.training;

import java.util.Random;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The training batches of a run as a function of the iteration: the data are shuffled anew each epoch from
 * (seed, epoch), and batch t is a slice of that order. No iterator state, so a run resumed from a checkpoint at
 * iteration t sees exactly the batches it would have seen. The last partial batch of an epoch is dropped, so
 * every batch has the same size.
 */
public final class Batches {
    private final INDArray data;
    private final INDArray rows;    // the data as [n, values], the form pullRows takes
    private final int batchSize;
    private final long seed;
    private int[] order;            // the current epoch's shuffled row order
    private int orderEpoch = -1;

    /** @param data the examples along the first axis, any shape [n, ...] */
    public Batches(INDArray data, int batchSize, long seed) {
        if (data.size(0) < batchSize) {
            throw new IllegalArgumentException("only " + data.size(0) + " training images for a batch of "
                    + batchSize + ": use a smaller batch or more data");
        }
        this.data = data;
        this.rows = data.rank() == 2 ? data : data.reshape(data.size(0), data.length() / data.size(0));
        this.batchSize = batchSize;
        this.seed = seed;
    }

    public int perEpoch() {
        return perEpoch(data.size(0), batchSize);
    }

    /** Batches in an epoch of n examples: the last partial batch is dropped. */
    public static int perEpoch(long n, int batchSize) {
        return (int) (n / batchSize);
    }

    /** The epoch (from 0) that iteration t (from 0) belongs to. */
    public int epochOf(long t) {
        return (int) (t / perEpoch());
    }

    /** Batch t (from 0), shaped like the data: [batchSize, ...]. */
    public INDArray batch(long t) {
        int epoch = epochOf(t);
        if (epoch != orderEpoch) {
            order = permutation((int) data.size(0), seed * 7919 + epoch);
            orderEpoch = epoch;
        }
        int first = (int) (t % perEpoch()) * batchSize;
        int[] picked = new int[batchSize];
        System.arraycopy(order, first, picked, 0, batchSize);
        long[] shape = data.shape().clone();
        shape[0] = batchSize;
        return Nd4j.pullRows(rows, 1, picked).reshape(shape);
    }

    // Fisher-Yates on a plain int array.
    private static int[] permutation(int n, long seed) {
        Random rng = new Random(seed);
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = idx[i];
            idx[i] = idx[j];
            idx[j] = tmp;
        }
        return idx;
    }
}
