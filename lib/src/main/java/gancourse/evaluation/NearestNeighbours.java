package gancourse.evaluation;

import java.util.Arrays;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * For each query (a generated image), the k nearest references (training images) by Euclidean distance: the
 * memorisation check. A generator that copies its training set has samples at distance about 0 from a training
 * image; one that generalises has neighbours that look alike but are not the same picture.
 *
 * <p>Images may be given in any shape [n, ...]; they are compared as flat vectors. The same works on classifier
 * features ([n, 84]), which compare shapes more than pixels.
 *
 * @param indices [query][rank]: the position in the references of each query's neighbours, nearest first
 * @param distances [query][rank]: their Euclidean distances
 */
public record NearestNeighbours(int[][] indices, double[][] distances) {
    // References per block: a block of 4,096 CIFAR-10 images against 64 queries is a 64 x 4,096 product.
    private static final int BLOCK = 4096;

    /** The k nearest references of each query. */
    public static NearestNeighbours of(INDArray queries, INDArray references, int k) {
        long n = queries.size(0), m = references.size(0);
        long d = queries.length() / n;
        if (references.length() / m != d) {
            throw new IllegalArgumentException("queries of " + d + " values and references of " + references.length() / m
                    + " values cannot be compared: give both as the same kind of images (or features)");
        }
        if (k < 1 || k > m) throw new IllegalArgumentException("k must be 1.." + m + ", got " + k);
        INDArray q = queries.reshape('c', n, d).castTo(DataType.DOUBLE);
        INDArray r = references.reshape('c', m, d);
        INDArray qNorms = q.mul(q).sum(1);
        // |q - r|² = |q|² - 2 q.r + |r|², one matrix product per block of references.
        double[][] squared = new double[(int) n][(int) m];
        for (long from = 0; from < m; from += BLOCK) {
            long to = Math.min(m, from + BLOCK);
            INDArray block = r.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).castTo(DataType.DOUBLE);
            INDArray dist = q.mmul(block.transpose()).muli(-2)
                    .addiColumnVector(qNorms.reshape(n, 1))
                    .addiRowVector(block.mul(block).sum(1).reshape(1, to - from));
            double[][] rows = dist.toDoubleMatrix();
            for (int i = 0; i < n; i++) System.arraycopy(rows[i], 0, squared[i], (int) from, (int) (to - from));
        }
        int[][] indices = new int[(int) n][];
        double[][] distances = new double[(int) n][k];
        for (int i = 0; i < n; i++) {
            indices[i] = smallest(squared[i], k);
            for (int j = 0; j < k; j++) distances[i][j] = Math.sqrt(Math.max(0, squared[i][indices[i][j]]));  // rounding can dip below 0
        }
        return new NearestNeighbours(indices, distances);
    }

    // The positions of the k smallest values, smallest first: one pass keeping a sorted list of k, instead of
    // sorting all 60,000 distances for each query.
    private static int[] smallest(double[] values, int k) {
        int[] best = new int[k];
        int found = 0;
        for (int j = 0; j < values.length; j++) {
            if (found == k && values[j] >= values[best[k - 1]]) continue;
            int at = Math.min(found, k - 1);
            while (at > 0 && values[best[at - 1]] > values[j]) {
                best[at] = best[at - 1];
                at--;
            }
            best[at] = j;
            if (found < k) found++;
        }
        return best;
    }

    /** The distance of each query to its nearest reference. */
    public double[] nearestDistances() {
        return Arrays.stream(distances).mapToDouble(row -> row[0]).toArray();
    }

    /** The positions, in the references, of all the neighbours, query after query: for {@code ImageDataset.select}. */
    public int[] flatIndices() {
        return Arrays.stream(indices).flatMapToInt(Arrays::stream).toArray();
    }
}
