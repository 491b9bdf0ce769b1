package gancourse.evaluation;

import static org.junit.jupiter.api.Assertions.*;

import gancourse.evaluation.FrechetDistance.Gaussian;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class FrechetDistanceTest {

    @Test
    void aSetIsAtDistanceZeroFromItself() {
        INDArray features = Nd4j.rand(1, new long[] {500, 84}).castTo(DataType.FLOAT).muli(3);
        double scale = FrechetDistance.between(features, features.add(1));     // the means 84 apart: d² = 84
        assertEquals(84, scale, 1e-6);
        assertEquals(0, FrechetDistance.between(features, features), 1e-9 * scale);
    }

    @Test
    void diagonalGaussiansGiveTheSumOfSquaredDifferencesOfMeansAndStandardDeviations() {
        var a = new Gaussian(vector(0, 1, 2), Nd4j.diag(vector(1, 4, 9)), 0);
        var b = new Gaussian(vector(1, 1, 0), Nd4j.diag(vector(4, 4, 1)), 0);
        // |m1 - m2|² = 1 + 0 + 4; (s1 - s2)² = (1-2)² + (2-2)² + (3-1)² = 5
        assertEquals(10, FrechetDistance.between(a, b), 1e-9);
    }

    @Test
    void twoByTwoCovariancesThatDoNotCommuteMatchTheClosedForm() {
        INDArray c1 = Nd4j.createFromArray(new double[][] {{2, 1}, {1, 3}});
        INDArray c2 = Nd4j.createFromArray(new double[][] {{1, -0.5}, {-0.5, 2}});
        var a = new Gaussian(vector(0, 0), c1, 0);
        var b = new Gaussian(vector(3, 4), c2, 0);
        // For 2x2 matrices, tr sqrt(C1 C2) = sqrt(tr(C1 C2) + 2 sqrt(det C1 det C2)).
        double trProduct = c1.mmul(c2).getDouble(0, 0) + c1.mmul(c2).getDouble(1, 1);
        double det1 = 2 * 3 - 1, det2 = 1 * 2 - 0.25;
        double expected = 25 + 5 + 3 - 2 * Math.sqrt(trProduct + 2 * Math.sqrt(det1 * det2));
        assertEquals(expected, FrechetDistance.between(a, b), 1e-9);
    }

    @Test
    void itIsSymmetric() {
        INDArray x = Nd4j.randn(2, new long[] {300, 10});
        INDArray y = Nd4j.randn(3, new long[] {200, 10}).muli(Nd4j.linspace(0.5, 2, 10, DataType.FLOAT)).addi(0.3);
        assertEquals(FrechetDistance.between(x, y), FrechetDistance.between(y, x), 1e-9);
        assertTrue(FrechetDistance.between(x, y) > 0.5);
    }

    @Test
    void samplesFromTwoGaussiansEstimateTheirDistance() {
        // N(0, I) and N(1, 4I) in 4 dimensions: d² = 4 * 1² + 4 * (1 - 2)² = 8.
        INDArray x = Nd4j.randn(4, new long[] {20000, 4}).castTo(DataType.DOUBLE);
        INDArray y = Nd4j.randn(5, new long[] {20000, 4}).castTo(DataType.DOUBLE).muli(2).addi(1);
        assertEquals(8, FrechetDistance.between(x, y), 0.25);
    }

    @Test
    void covarianceIsTheSampleCovariance() {
        INDArray x = Nd4j.createFromArray(new double[][] {{1, 2}, {3, 2}, {5, 8}});
        Gaussian g = Gaussian.of(x);
        assertArrayEquals(new double[] {3, 4}, g.mean().toDoubleVector(), 1e-12);
        // Divided by n - 1: var of (1, 3, 5) is 4; of (2, 2, 8) is 12; their covariance is 6.
        assertArrayEquals(new double[] {4, 6}, g.covariance().getRow(0).toDoubleVector(), 1e-12);
        assertArrayEquals(new double[] {6, 12}, g.covariance().getRow(1).toDoubleVector(), 1e-12);
        assertEquals(3, g.count());
    }

    @Test
    void badInputIsRefusedClearly() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> FrechetDistance.between(Nd4j.zeros(10, 84), Nd4j.zeros(10, 120)));
        assertTrue(e.getMessage().contains("same classifier"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Gaussian.of(Nd4j.zeros(1, 84)));
        assertTrue(e.getMessage().contains("at least 2"), e.getMessage());
    }

    private static INDArray vector(double... v) {
        return Nd4j.createFromArray(v);
    }
}
