package gancourse.models;

import java.util.Arrays;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Walks in a generator's latent space: paths between two latent vectors, grids over two directions, and averages
 * of groups of vectors. Every method takes latent vectors as [d] or [1, d] and returns one row per point, ready
 * for {@code G.output(...)}.
 *
 * <p>Why spherical paths: a vector of d independent N(0, 1) numbers almost always has a length close to sqrt(d)
 * (10 for d = 100). The straight line between two of them cuts through the inside of that sphere, where the
 * generator saw no training input: halfway, its length is about sqrt(d / 2). The spherical path (slerp) keeps
 * the length (White, "Sampling generative networks", 2016).
 */
public final class Latent {
    private Latent() {}

    /** G's images for many latent vectors, in inference mode and in batches ({@link Outputs}). */
    public static INDArray draw(MultiLayerNetwork g, INDArray z) {
        return Outputs.of(g, z);
    }

    /** {@code steps} points on the straight line from a to b, both ends included: (1 - t) a + t b. */
    public static INDArray lerp(INDArray a, INDArray b, int steps) {
        INDArray from = row(a), to = row(b);
        sameSize(from, to);
        INDArray out = Nd4j.create(DataType.FLOAT, steps(steps), from.length());
        for (int i = 0; i < steps; i++) {
            double t = fraction(i, steps);
            out.putRow(i, from.mul(1 - t).addi(to.mul(t)));
        }
        return out;
    }

    /**
     * {@code steps} points on the great circle from a to b, both ends included:
     * sin((1 - t) w) / sin(w) a + sin(t w) / sin(w) b, with w the angle between a and b. When a and b have the same
     * length, so has every point. Nearly parallel vectors (sin w about 0) get the straight line.
     */
    public static INDArray slerp(INDArray a, INDArray b, int steps) {
        INDArray from = row(a), to = row(b);
        sameSize(from, to);
        double cos = from.mul(to).sumNumber().doubleValue()
                / (from.norm2Number().doubleValue() * to.norm2Number().doubleValue());
        double omega = Math.acos(Math.max(-1, Math.min(1, cos)));
        if (Math.sin(omega) < 1e-6) return lerp(a, b, steps);
        INDArray out = Nd4j.create(DataType.FLOAT, steps(steps), from.length());
        for (int i = 0; i < steps; i++) {
            double t = fraction(i, steps);
            double wa = Math.sin((1 - t) * omega) / Math.sin(omega), wb = Math.sin(t * omega) / Math.sin(omega);
            out.putRow(i, from.mul(wa).addi(to.mul(wb)));
        }
        return out;
    }

    /**
     * A side x side grid of points centre + x u + y v, with x and y from -extent to extent; row r of the grid
     * (y) is rows r * side .. r * side + side - 1 of the result, x growing left to right, y top to bottom.
     */
    public static INDArray grid(INDArray centre, INDArray u, INDArray v, double extent, int side) {
        INDArray c = row(centre), du = row(u), dv = row(v);
        sameSize(c, du);
        sameSize(c, dv);
        INDArray out = Nd4j.create(DataType.FLOAT, (long) steps(side) * side, c.length());
        for (int r = 0; r < side; r++) {
            double y = -extent + 2 * extent * fraction(r, side);
            for (int k = 0; k < side; k++) {
                double x = -extent + 2 * extent * fraction(k, side);
                out.putRow((long) r * side + k, c.add(du.mul(x)).addi(dv.mul(y)));
            }
        }
        return out;
    }

    /** Two random orthogonal directions of unit length in a d-dimensional latent space: axes for {@link #grid}. */
    public static INDArray[] randomPlane(int d, long seed) {
        INDArray u = unit(Nd4j.randn(seed, new long[] {d}).castTo(DataType.FLOAT));
        INDArray v = Nd4j.randn(seed + 1, new long[] {d}).castTo(DataType.FLOAT);
        v.subi(u.mul(v.mul(u).sumNumber().doubleValue()));      // Gram-Schmidt: remove v's part along u
        return new INDArray[] {u.reshape(1, d), unit(v).reshape(1, d)};
    }

    /** The mean of the rows of z whose group is {@code group}: e.g. the latent vectors of the samples read as a 7. */
    public static INDArray average(INDArray z, int[] groups, int group) {
        if (groups.length != z.size(0)) {
            throw new IllegalArgumentException(groups.length + " groups for " + z.size(0) + " latent vectors: give one per row");
        }
        int[] rows = java.util.stream.IntStream.range(0, groups.length).filter(i -> groups[i] == group).toArray();
        if (rows.length == 0) {
            throw new IllegalArgumentException("no latent vector is in group " + group + ": draw more samples, or pick another group");
        }
        return Nd4j.pullRows(z, 1, rows).mean(true, 0);
    }

    /** v scaled to length 1. */
    public static INDArray unit(INDArray v) {
        double n = v.norm2Number().doubleValue();
        if (n == 0) throw new IllegalArgumentException("a zero vector has no direction");
        return v.div(n);
    }

    /** v scaled to the given length: an average of many latent vectors is short, and G has rarely seen short ones. */
    public static INDArray withLength(INDArray v, double length) {
        return unit(v).muli(length);
    }

    // A latent vector as one row [1, d], whatever its shape ([d] or [1, d]).
    private static INDArray row(INDArray v) {
        if (v.length() != v.size(-1) && !(v.rank() == 2 && v.size(0) == 1)) {
            throw new IllegalArgumentException("a single latent vector [d] or [1, d] is needed here, got "
                    + Arrays.toString(v.shape()) + ": pick one row with z.getRow(i)");
        }
        return v.reshape(1, v.length()).castTo(DataType.FLOAT);
    }

    private static void sameSize(INDArray a, INDArray b) {
        if (a.length() != b.length()) {
            throw new IllegalArgumentException("latent vectors of different sizes: " + a.length() + " and " + b.length());
        }
    }

    private static int steps(int steps) {
        if (steps < 2) throw new IllegalArgumentException("a path or grid needs at least 2 steps, got " + steps);
        return steps;
    }

    private static double fraction(int i, int steps) {
        return (double) i / (steps - 1);
    }
}
