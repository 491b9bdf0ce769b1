package gancourse.models;

import static org.junit.jupiter.api.Assertions.*;

import gancourse.training.GanTrainer;
import gancourse.training.TrainerSettings;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.RmsProp;

class DcganKerasTest {

    @Test
    void theBookGeneratorDrawsColourImagesFromA32NumberCode() {
        MultiLayerNetwork g = DcganKeras.generator(1);
        INDArray out = g.output(Nd4j.randn(DataType.FLOAT, 2, DcganKeras.LATENT));
        assertArrayEquals(new long[] {2, 3, 32, 32}, out.shape());
        assertTrue(out.minNumber().doubleValue() >= -1 && out.maxNumber().doubleValue() <= 1);
    }

    @Test
    void theBookDiscriminatorUsesRmsPropWithClippingAndTrainsWithTheLibrarysTrainer() {
        MultiLayerNetwork d = DcganKeras.discriminator(2);
        var layer = (BaseLayer) d.getLayer(0).conf().getLayer();
        assertEquals(GradientNormalization.ClipElementWiseAbsoluteValue, layer.getGradientNormalization());
        assertEquals(1.0, layer.getGradientNormalizationThreshold());
        assertEquals(DcganKeras.D_LEARNING_RATE, ((RmsProp) layer.getIUpdater()).getLearningRate(), 1e-12);

        MultiLayerNetwork g = DcganKeras.generator(1);
        INDArray before = g.params().dup();
        INDArray data = Nd4j.rand(DataType.FLOAT, 8, 3, 32, 32).muli(2).subi(1);
        var trainer = new GanTrainer(g, d, data, TrainerSettings.defaults().withBatchSize(4).withFixedNoiseSize(2));
        assertEquals(1, trainer.train(1));
        assertNotEquals(before, g.params());
        assertTrue(Double.isFinite(trainer.history().get(0).lossD()));
    }
}
