package gancourse.evaluation;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Comparator;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class NearestNeighboursTest {

    @Test
    void itFindsWhatBruteForceFinds() {
        INDArray refs = Nd4j.rand(1, new long[] {5000, 1, 4, 4}).castTo(DataType.FLOAT);   // more than one block
        INDArray queries = Nd4j.rand(2, new long[] {6, 16}).castTo(DataType.FLOAT);
        NearestNeighbours nn = NearestNeighbours.of(queries, refs, 3);
        double[][] r = refs.reshape(5000, 16).castTo(DataType.DOUBLE).toDoubleMatrix();
        double[][] q = queries.castTo(DataType.DOUBLE).toDoubleMatrix();
        for (int i = 0; i < 6; i++) {
            int qi = i;
            double[] d = IntStream.range(0, 5000).mapToDouble(j -> distance(q[qi], r[j])).toArray();
            int[] best = IntStream.range(0, 5000).boxed().sorted(Comparator.comparingDouble(j -> d[j])).limit(3)
                    .mapToInt(Integer::intValue).toArray();
            assertArrayEquals(best, nn.indices()[i]);
            for (int k = 0; k < 3; k++) assertEquals(d[best[k]], nn.distances()[i][k], 1e-5);
        }
    }

    @Test
    void aCopiedTrainingImageIsAtDistanceZero() {
        INDArray refs = Nd4j.rand(3, new long[] {100, 1, 28, 28}).castTo(DataType.FLOAT).muli(2).subi(1);
        INDArray copies = Nd4j.pullRows(refs.reshape(100, 784), 1, new int[] {42, 7});
        NearestNeighbours nn = NearestNeighbours.of(copies, refs, 2);
        assertArrayEquals(new int[] {42, 7}, new int[] {nn.indices()[0][0], nn.indices()[1][0]});
        assertArrayEquals(new double[] {0, 0}, nn.nearestDistances(), 1e-3);
        assertTrue(nn.distances()[0][1] > 5, "a random image is far from every other one");
        assertEquals(4, nn.flatIndices().length);
    }

    @Test
    void imagesOfDifferentSizesAreRefused() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> NearestNeighbours.of(Nd4j.zeros(2, 784), Nd4j.zeros(5, 3, 32, 32), 1));
        assertTrue(e.getMessage().contains("same kind"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NearestNeighbours.of(Nd4j.zeros(2, 4), Nd4j.zeros(5, 4), 6));
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
        return Math.sqrt(s);
    }
}
