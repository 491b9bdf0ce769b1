package gancourse.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class OutputsTest {

    @Test
    void batchesGiveWhatOneCallGives() {
        var g = MlpGan.generator(8, 16, 12, 1e-3, 3);
        INDArray z = Nd4j.randn(DataType.FLOAT, 1234, 8);   // three batches, the last one short
        INDArray out = Outputs.of(g, z);
        assertArrayEquals(new long[] {1234, 12}, out.shape());
        assertTrue(out.equalsWithEps(g.output(z, false), 1e-5));
    }

    @Test
    void imagesKeepTheirShapeAndAHiddenLayerCanBeRead() {
        var g = DcganMnist.generator(1);
        INDArray z = Nd4j.randn(DataType.FLOAT, 7, (int) g.layerInputSize(0));
        INDArray images = Outputs.ofLayer(g, z, g.getnLayers() - 1, 3);
        assertArrayEquals(new long[] {7, 1, 28, 28}, images.shape());
        assertTrue(images.equalsWithEps(g.output(z, false), 1e-5));
        INDArray hidden = Outputs.ofLayer(g, z, 0, 3);
        assertTrue(hidden.equalsWithEps(g.feedForwardToLayer(0, z, false).get(1), 1e-5));
    }

    @Test
    void noInputsOrNoBatchIsRefused() {
        var g = MlpGan.generator(8, 16, 12, 1e-3, 3);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Outputs.of(g, Nd4j.zeros(DataType.FLOAT, 0, 8)))
                .getMessage().contains("no inputs"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Outputs.ofLayer(g, Nd4j.zeros(2, 8), 0, 0))
                .getMessage().contains("batch"));
    }
}
