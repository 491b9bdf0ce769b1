package gancourse.models;

import static org.junit.jupiter.api.Assertions.*;

import gancourse.training.GanTrainer;
import gancourse.training.TrainerSettings;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class DcganMnistTest {

    @Test
    void theGeneratorDrawsGrey28x28ImagesFromAHiddenDenseLayerThrough7x7And14x14() {
        MultiLayerNetwork g = DcganMnist.generator(2);
        var acts = g.feedForward(Nd4j.randn(DataType.FLOAT, 3, DcganMnist.LATENT), false);
        assertArrayEquals(new long[] {3, DcganMnist.HIDDEN}, acts.get(3).shape());   // the whole digit's plan
        assertArrayEquals(new long[] {3, 7 * 7 * 64}, acts.get(6).shape());
        assertArrayEquals(new long[] {3, 32, 14, 14}, acts.get(9).shape());
        INDArray out = acts.get(acts.size() - 1);
        assertArrayEquals(new long[] {3, 1, 28, 28}, out.shape());
        assertTrue(out.minNumber().doubleValue() >= -1 && out.maxNumber().doubleValue() <= 1);
    }

    @Test
    void theDiscriminatorJudgesDigitsAndBothLearnInTheTrainer() {
        MultiLayerNetwork g = DcganMnist.generator(16, 4, 2e-4, 1);
        MultiLayerNetwork d = DcganMnist.discriminator(4, 2e-4, 2);
        INDArray data = Nd4j.rand(DataType.FLOAT, 32, 1, 28, 28).muli(2).subi(1);
        assertArrayEquals(new long[] {5, 1}, d.output(data.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 5))).shape());
        INDArray gBefore = g.params().dup(), dBefore = d.params().dup();
        var t = new GanTrainer(g, d, data, TrainerSettings.defaults().withBatchSize(8).withFixedNoiseSize(4));
        assertEquals(3, t.train(3));
        assertNotEquals(gBefore, g.params());
        assertNotEquals(dBefore, d.params());
        t.history().forEach(s -> assertTrue(Double.isFinite(s.lossD()) && Double.isFinite(s.lossG())));
    }

    @Test
    void theDiscriminatorJudgesTheWholeDigitWithAHiddenDenseLayer() {
        MultiLayerNetwork d = DcganMnist.discriminator(4, 2e-4, 2);
        var acts = d.feedForward(Nd4j.rand(DataType.FLOAT, 3, 1, 28, 28), false);
        assertArrayEquals(new long[] {3, 8, 7, 7}, acts.get(4).shape());   // local features, 10x10 pixels each
        // What the verdict reads: HIDDEN features of the whole image, not the local features themselves.
        assertArrayEquals(new long[] {3, DcganMnist.HIDDEN}, acts.get(acts.size() - 2).shape());
        assertEquals(acts.size() - 1, d.getnLayers());
    }

    @Test
    void aZeroWidthIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> DcganMnist.discriminator(0, 2e-4, 1));
        assertTrue(e.getMessage().contains("width"), e.getMessage());
    }

    @Test
    void theLessonsRecipeIsWhatTheSettingsAndNetworksCarry() {
        TrainerSettings s = DcganMnist.settings(7);
        assertEquals(DcganMnist.BATCH, s.batchSize());
        assertEquals(DcganMnist.REAL_LABEL, s.realLabel());
        assertEquals(7, s.seed());
        assertEquals(DcganMnist.AVERAGE, s.generatorAverage(), "the samples come from the average of G");
        var adam = (org.nd4j.linalg.learning.config.Adam) DcganMnist.generator(1).getLayer(0).conf().getLayer()
                .getUpdaterByParam("W");
        assertEquals(DcganMnist.LEARNING_RATE, adam.getLearningRate(), 1e-12);
    }
}
