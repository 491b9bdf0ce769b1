package gancourse.evaluation;

import java.util.Arrays;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The Frechet distance between two sets of feature vectors, each summed up as a Gaussian (mean and covariance):
 *
 * <pre>
 *   d² = |m1 - m2|² + tr(C1) + tr(C2) - 2 tr( sqrt( sqrt(C1) C2 sqrt(C1) ) )
 * </pre>
 *
 * This is the formula of the FID (Heusel et al., 2017). The FID of papers takes the 2048 features of an Inception
 * network trained on ImageNet; the course takes the features of its own small classifiers ({@link Classifier}),
 * so its numbers are comparable with each other, never with a paper's FID.
 *
 * <p>Everything is computed in double precision: the trace term subtracts numbers of similar size, and in float
 * the distance of a set to itself comes out visibly above zero.
 */
public final class FrechetDistance {

    /**
     * A set of feature vectors summed up: its mean and covariance.
     *
     * @param mean [d], double
     * @param covariance [d, d], double, symmetric
     * @param count how many vectors it was computed from (0 when given directly)
     */
    public record Gaussian(INDArray mean, INDArray covariance, int count) {
        public Gaussian {
            if (mean.rank() != 1 || covariance.rank() != 2 || covariance.size(0) != mean.length()
                    || covariance.size(1) != mean.length()) {
                throw new IllegalArgumentException("a Gaussian needs a mean [d] and a covariance [d, d], got "
                        + Arrays.toString(mean.shape()) + " and " + Arrays.toString(covariance.shape()));
            }
            mean = mean.castTo(DataType.DOUBLE);
            covariance = covariance.castTo(DataType.DOUBLE);
        }

        /** The sample mean and covariance (divided by n - 1, as numpy.cov) of the rows of [n, d] features. */
        public static Gaussian of(INDArray features) {
            if (features.rank() != 2) {
                throw new IllegalArgumentException("features must be [n, d], one row per image, got "
                        + Arrays.toString(features.shape()));
            }
            long n = features.size(0);
            if (n < 2) throw new IllegalArgumentException("a covariance needs at least 2 feature vectors, got " + n);
            INDArray x = features.castTo(DataType.DOUBLE);
            INDArray mean = x.mean(0);
            INDArray centred = x.subRowVector(mean);
            INDArray covariance = centred.transpose().mmul(centred).divi(n - 1);
            return new Gaussian(mean.reshape(mean.length()), covariance, (int) n);
        }

        public int dimension() {
            return (int) mean.length();
        }
    }

    private FrechetDistance() {}

    /** The squared Frechet distance between the Gaussians fitted to two sets of features [n, d] and [m, d]. */
    public static double between(INDArray featuresA, INDArray featuresB) {
        return between(Gaussian.of(featuresA), Gaussian.of(featuresB));
    }

    /** The squared Frechet distance between two Gaussians, the number reported as "FID" in papers. */
    public static double between(Gaussian a, Gaussian b) {
        if (a.dimension() != b.dimension()) {
            throw new IllegalArgumentException("the two sets have features of different sizes, " + a.dimension()
                    + " and " + b.dimension() + ": take both from the same classifier");
        }
        double meanTerm = a.mean().sub(b.mean()).norm2Number().doubleValue();
        meanTerm *= meanTerm;
        // tr sqrt(C1 C2) = tr sqrt(S C2 S) with S = sqrt(C1): S C2 S is symmetric, so two symmetric
        // eigen-decompositions do it, without the complex numbers a general matrix square root can produce.
        INDArray s = symmetricSqrt(a.covariance());
        INDArray inner = s.mmul(b.covariance()).mmul(s);
        double traceSqrt = 0;
        for (double lambda : eigenvalues(inner)) traceSqrt += Math.sqrt(Math.max(lambda, 0));
        double d2 = meanTerm + trace(a.covariance()) + trace(b.covariance()) - 2 * traceSqrt;
        // A set's distance to itself is 0 up to rounding, which can make it a hair negative.
        return Math.max(d2, 0);
    }

    /** V sqrt(L) V^T for a symmetric positive semi-definite matrix V L V^T (tiny negative eigenvalues count as 0). */
    static INDArray symmetricSqrt(INDArray symmetric) {
        INDArray vectors = symmetrise(symmetric);                      // overwritten with the eigenvectors, in columns
        INDArray values = Eigen.symmetricGeneralizedEigenvalues(vectors, true);
        INDArray roots = Transforms.sqrt(Transforms.max(values, 0.0, true), false);
        return vectors.mulRowVector(roots).mmul(vectors.transpose());
    }

    private static double[] eigenvalues(INDArray symmetric) {
        return Eigen.symmetricGeneralizedEigenvalues(symmetrise(symmetric), false).toDoubleVector();
    }

    // (A + A^T) / 2, a fresh copy: products like S C S are symmetric only up to rounding, and LAPACK reads half.
    private static INDArray symmetrise(INDArray m) {
        return m.add(m.transpose()).muli(0.5).dup('c');
    }

    private static double trace(INDArray m) {
        double t = 0;
        for (int i = 0; i < m.size(0); i++) t += m.getDouble(i, i);
        return t;
    }
}
