package gancourse.models;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class LatentTest {
    private final INDArray a = Nd4j.randn(1, new long[] {1, 100}).castTo(DataType.FLOAT);
    private final INDArray b = Nd4j.randn(2, new long[] {1, 100}).castTo(DataType.FLOAT);

    @Test
    void bothPathsStartAtAAndEndAtB() {
        for (INDArray path : new INDArray[] {Latent.lerp(a, b, 9), Latent.slerp(a, b, 9)}) {
            assertArrayEquals(new long[] {9, 100}, path.shape());
            assertTrue(path.getRow(0, true).equalsWithEps(a, 1e-5));
            assertTrue(path.getRow(8, true).equalsWithEps(b, 1e-5));
        }
    }

    @Test
    void lerpCutsThroughTheSphereAndSlerpStaysOnIt() {
        INDArray bSameLength = b.mul(a.norm2Number().doubleValue() / b.norm2Number().doubleValue());
        double length = a.norm2Number().doubleValue();
        INDArray straight = Latent.lerp(a, bSameLength, 11), round = Latent.slerp(a, bSameLength, 11);
        for (int i = 0; i < 11; i++) assertEquals(length, round.getRow(i).norm2Number().doubleValue(), 1e-3 * length);
        // Two nearly orthogonal vectors: the straight midpoint is about 1/sqrt(2) as long.
        assertEquals(Math.sqrt(0.5), straight.getRow(5).norm2Number().doubleValue() / length, 0.1);
        // The angle grows evenly along the spherical path.
        double first = angle(round.getRow(0), round.getRow(1)), last = angle(round.getRow(9), round.getRow(10));
        assertEquals(first, last, 1e-4);
    }

    @Test
    void parallelVectorsGetTheStraightLine() {
        assertTrue(Latent.slerp(a, a.mul(2), 5).equalsWithEps(Latent.lerp(a, a.mul(2), 5), 1e-5));
    }

    @Test
    void aGridSpansTwoDirectionsAroundItsCentre() {
        INDArray[] plane = Latent.randomPlane(100, 3);
        assertEquals(1, plane[0].norm2Number().doubleValue(), 1e-5);
        assertEquals(1, plane[1].norm2Number().doubleValue(), 1e-5);
        assertEquals(0, plane[0].mul(plane[1]).sumNumber().doubleValue(), 1e-5);
        INDArray grid = Latent.grid(a, plane[0], plane[1], 2, 5);
        assertArrayEquals(new long[] {25, 100}, grid.shape());
        assertTrue(grid.getRow(12, true).equalsWithEps(a, 1e-5), "the middle tile is the centre");
        // Top-left is centre - 2u - 2v; the last tile of the first row is centre + 2u - 2v.
        assertTrue(grid.getRow(0, true).equalsWithEps(a.sub(plane[0].mul(2)).sub(plane[1].mul(2)), 1e-5));
        assertTrue(grid.getRow(4, true).equalsWithEps(a.add(plane[0].mul(2)).sub(plane[1].mul(2)), 1e-5));
    }

    @Test
    void anAverageTakesTheRowsOfOneGroup() {
        INDArray z = Nd4j.createFromArray(new float[][] {{1, 0}, {3, 2}, {5, 4}, {0, 9}});
        assertArrayEquals(new float[] {3, 2}, Latent.average(z, new int[] {7, 7, 7, 1}, 7).toFloatVector(), 1e-6f);
        assertEquals(5, Latent.withLength(Latent.average(z, new int[] {7, 7, 7, 1}, 7), 5).norm2Number().doubleValue(), 1e-5);
        var e = assertThrows(IllegalArgumentException.class, () -> Latent.average(z, new int[] {7, 7, 7, 1}, 3));
        assertTrue(e.getMessage().contains("group 3"), e.getMessage());
    }

    @Test
    void aBatchWhereOneVectorIsExpectedIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> Latent.lerp(Nd4j.zeros(2, 100), b, 3));
        assertTrue(e.getMessage().contains("getRow"), e.getMessage());
    }

    private static double angle(INDArray x, INDArray y) {
        return Math.acos(x.mul(y).sumNumber().doubleValue() / (x.norm2Number().doubleValue() * y.norm2Number().doubleValue()));
    }
}
