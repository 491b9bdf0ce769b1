package gancourse.models;

import static org.junit.jupiter.api.Assertions.*;

import gancourse.training.GanTrainer;
import gancourse.training.TrainerSettings;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class DcganTest {

    @Test
    void theGeneratorTurnsNoiseIntoColourImagesInTanhRange() {
        MultiLayerNetwork g = Dcgan.generator(100, 8, 2e-4, 1);
        INDArray out = g.output(Nd4j.randn(DataType.FLOAT, 5, 100));
        assertArrayEquals(new long[] {5, 3, 32, 32}, out.shape());
        assertTrue(out.minNumber().doubleValue() >= -1 && out.maxNumber().doubleValue() <= 1);
        // G ends in a transposed convolution, not an OutputLayer: its loss is whatever D says.
        assertInstanceOf(Deconvolution2D.class, g.getLayer(g.getnLayers() - 1).conf().getLayer());
    }

    @Test
    void thePapersGeneratorGoesThrough4x4x256And8x8x128And16x16x64() {
        MultiLayerNetwork g = Dcgan.generator(3);
        INDArray z = Nd4j.randn(DataType.FLOAT, 2, Dcgan.LATENT);
        var acts = g.feedForward(z, false);
        // acts.get(0) is the input; layer i's output is acts.get(i + 1).
        assertArrayEquals(new long[] {2, 4 * 4 * 256}, acts.get(3).shape());
        assertArrayEquals(new long[] {2, 128, 8, 8}, acts.get(6).shape());
        assertArrayEquals(new long[] {2, 64, 16, 16}, acts.get(9).shape());
        assertArrayEquals(new long[] {2, 3, 32, 32}, acts.get(10).shape());
    }

    @Test
    void theDiscriminatorGivesOneProbabilityPerImage() {
        MultiLayerNetwork d = Dcgan.discriminator(8, 2e-4, 2);
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 3, 32, 32).muli(2).subi(1);
        INDArray p = d.output(x);
        assertArrayEquals(new long[] {4, 1}, p.shape());
        assertTrue(p.minNumber().doubleValue() > 0 && p.maxNumber().doubleValue() < 1);
        assertInstanceOf(OutputLayer.class, d.getLayer(d.getnLayers() - 1).conf().getLayer());
    }

    @Test
    void weightsStartNormalWithStandardDeviation002() {
        MultiLayerNetwork g = Dcgan.generator(7);
        INDArray w = g.getLayer(3).getParam("W");
        assertEquals(0.0, w.meanNumber().doubleValue(), 0.002);
        assertEquals(Dcgan.INIT_STD, w.stdNumber().doubleValue(), 0.002);
    }

    @Test
    void theSameSeedBuildsTheSameNetworks() {
        assertEquals(Dcgan.generator(100, 8, 2e-4, 5).params(), Dcgan.generator(100, 8, 2e-4, 5).params());
        assertNotEquals(Dcgan.generator(100, 8, 2e-4, 5).params(), Dcgan.generator(100, 8, 2e-4, 6).params());
    }

    @Test
    void aFewTrainerStepsChangeBothNetworksAndKeepLossesFinite() {
        MultiLayerNetwork g = Dcgan.generator(100, 8, 2e-4, 1);
        MultiLayerNetwork d = Dcgan.discriminator(8, 2e-4, 2);
        INDArray gBefore = g.params().dup(), dBefore = d.params().dup();
        INDArray data = Nd4j.rand(DataType.FLOAT, 32, 3, 32, 32).muli(2).subi(1);
        var trainer = new GanTrainer(g, d, data, TrainerSettings.defaults().withBatchSize(8).withFixedNoiseSize(4));
        assertEquals(3, trainer.train(3));
        assertNotEquals(gBefore, g.params());
        assertNotEquals(dBefore, d.params());
        trainer.history().forEach(s -> assertTrue(Double.isFinite(s.lossD()) && Double.isFinite(s.lossG())));
        assertArrayEquals(new long[] {4, 3, 32, 32}, trainer.fixedSamples().shape());
    }

    @Test
    void badSizesAreRejectedWithTheirName() {
        var e = assertThrows(IllegalArgumentException.class, () -> Dcgan.generator(100, 0, 2e-4, 1));
        assertTrue(e.getMessage().contains("width"));
    }

    @Test
    void lesson04sSettingsTakeTheRecipesBatch() {
        assertEquals(Dcgan.BATCH, Dcgan.settings(3).batchSize());
        assertEquals(3, Dcgan.settings(3).seed());
    }
}
