package gancourse.training;

import static org.junit.jupiter.api.Assertions.*;

import gancourse.data.Masks;
import gancourse.models.DcganMnist;
import gancourse.models.MlpGan;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

class CompletionTest {

    @Test
    void theContextualLossCountsOnlyKnownPixels() {
        INDArray generated = Nd4j.createFromArray(new float[][] {{0.5f, -1, 1}, {0, 0, 0}});
        INDArray images = Nd4j.createFromArray(new float[][] {{0, 0, 0}, {1, 1, 1}});
        INDArray masks = Nd4j.createFromArray(new float[][] {{1, 1, 0}, {0, 1, 1}});
        assertArrayEquals(new float[] {1.5f, 2f}, Completion.contextualLoss(generated, images, masks).toFloatVector(), 1e-6f);
    }

    @Test
    void blendingKeepsTheKnownPixelsAndFillsTheHole() {
        INDArray images = Nd4j.createFromArray(new float[][] {{1, 2, 3}});
        INDArray generated = Nd4j.createFromArray(new float[][] {{7, 8, 9}});
        INDArray masks = Nd4j.createFromArray(new float[][] {{1, 0, 1}});
        assertArrayEquals(new float[] {1, 8, 3}, Completion.blend(images, masks, generated).toFloatVector(), 1e-6f);
    }

    @Test
    void imagesTheGeneratorCanDrawAreCompletedAlmostExactly() {
        MultiLayerNetwork g = MlpGan.generator(8, 64, 64, 2e-4, 1);
        INDArray target = g.output(Noise.NORMAL.sample(4, 8, 99).muli(Math.sqrt(8)).diviColumnVector(
                Noise.NORMAL.sample(4, 8, 99).norm2(1).reshape(4, 1)), false);   // drawn from z on the sphere
        INDArray masks = Masks.centre(4, 1, 8, 8, 4).reshape(4, 64);
        Completion c = new Completion(g, null, target, masks, 0, 0.05, 5);
        c.step();
        double before = c.contextualLoss();
        c.search(300);
        assertTrue(c.contextualLoss() < 0.1 * before, before + " -> " + c.contextualLoss());
        // The hole, which the search never saw, is filled close to what G drew there.
        INDArray hole = masks.rsub(1);
        double holeError = Transforms.abs(c.generated().sub(target), false).muli(hole).sumNumber().doubleValue() / hole.sumNumber().doubleValue();
        assertTrue(holeError < 0.1, "mean error in the hole " + holeError);
        // Every z stays on the sphere |z| = sqrt(d).
        assertArrayEquals(new double[] {Math.sqrt(8), Math.sqrt(8), Math.sqrt(8), Math.sqrt(8)}, c.z().norm2(1).toDoubleVector(), 1e-4);
    }

    @Test
    void thePerceptualLossMakesTheDiscriminatorBelieveTheCompletion() {
        MultiLayerNetwork g = MlpGan.generator(8, 32, 64, 2e-4, 1);
        MultiLayerNetwork d = MlpGan.discriminator(64, 32, 2e-4, 2);
        INDArray images = Nd4j.zeros(DataType.FLOAT, 3, 64);
        INDArray nothingKnown = Nd4j.zeros(DataType.FLOAT, 3, 64);
        Completion c = new Completion(g, d, images, nothingKnown, 1, 0.1, 3);
        c.step();
        double before = c.perceptualLoss();
        c.search(30);
        assertTrue(c.perceptualLoss() < before - 0.05, "-log D(G(z)): " + before + " -> " + c.perceptualLoss());
        assertEquals(0, c.contextualLoss(), 1e-9, "no known pixel, no contextual loss");
    }

    @Test
    void theSearchLeavesBothNetworksAsTheyWere() {
        MultiLayerNetwork g = DcganMnist.generator(16, 4, 2e-4, 1);
        MultiLayerNetwork d = DcganMnist.discriminator(4, 2e-4, 2);      // with batch norm, whose averages a pass in training mode moves
        INDArray gBefore = g.params().dup(), dBefore = d.params().dup();
        INDArray images = Nd4j.rand(DataType.FLOAT, 4, 1, 28, 28).muli(2).subi(1);
        Completion c = new Completion(g, d, images, Masks.centre(4, 1, 28, 28, 10), 0.5, 0.05, 1).search(5);
        assertTrue(Double.isFinite(c.perceptualLoss()) && Double.isFinite(c.contextualLoss()));
        assertEquals(gBefore, g.params());
        assertEquals(dBefore, d.params());
    }

    @Test
    void mismatchedInputIsRefusedClearly() {
        MultiLayerNetwork g = MlpGan.generator(8, 16, 784, 2e-4, 1);
        INDArray nchw = Nd4j.zeros(DataType.FLOAT, 2, 1, 28, 28);
        var e = assertThrows(IllegalArgumentException.class, () -> new Completion(g, null, nchw, nchw, 0, 0.05, 1));
        assertTrue(e.getMessage().contains("as G draws them"), e.getMessage());
        INDArray rows = Nd4j.zeros(DataType.FLOAT, 2, 784);
        e = assertThrows(IllegalArgumentException.class, () -> new Completion(g, null, rows, rows, 0.1, 0.05, 1));
        assertTrue(e.getMessage().contains("discriminator"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Completion(g, null, rows, nchw, 0, 0.05, 1));
        assertTrue(e.getMessage().contains("same shape"), e.getMessage());
    }
}
