package gancourse.training;

import java.util.Random;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The generator's input: a batch of random latent vectors z.
 *
 * <p>Each batch is drawn from its own seed, so that the noise of iteration t depends only on (seed, t): a run
 * that is stopped and resumed from a checkpoint sees exactly the noise it would have seen. The numbers come
 * from java.util.Random: reseeding ND4J's native generator refills its whole buffer, which took 20 to 100 ms
 * a call here, longer than a training step.
 */
public enum Noise {
    /** z ~ N(0, 1), as in the DCGAN paper and most GANs since. */
    NORMAL,
    /** z ~ U(-1, 1), as in the original GAN paper. */
    UNIFORM;

    /** A batch [n, dim] of latent vectors, the same for the same seed. */
    public INDArray sample(int n, int dim, long seed) {
        if (n <= 0 || dim <= 0) {
            throw new IllegalArgumentException("noise needs a positive batch size and latent size, got " + n + " x " + dim);
        }
        Random rng = new Random(seed);
        float[] z = new float[n * dim];
        for (int i = 0; i < z.length; i++) {
            z[i] = this == NORMAL ? (float) rng.nextGaussian() : 2 * rng.nextFloat() - 1;
        }
        return Nd4j.create(z, new long[] {n, dim}, 'c');
    }
}
