package gancourse.models;

import static org.junit.jupiter.api.Assertions.*;

import gancourse.training.GanTrainer;
import gancourse.training.TrainerSettings;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Lessons 01 and 02's recipe: the shapes it promises, and that the library's trainer trains it. */
class MlpGanTest {
    @Test
    void theRecipeHasTheLayersItsJavadocNames() {
        MultiLayerNetwork g = MlpGan.generator(1);
        MultiLayerNetwork d = MlpGan.discriminator(2);
        assertEquals(100L * 256 + 256 + 256L * 512 + 512 + 2 * 512 + 512L * 1024 + 1024 + 2 * 1024 + 1024L * 784 + 784
                + 2 * (512 + 1024), g.numParams(), "dense layers, batch norm's gamma, beta, mean and variance");
        assertEquals(784L * 512 + 512 + 512L * 256 + 256 + 256 + 1, d.numParams());
        long norms = g.getLayerWiseConfigurations().getConfs().stream()
                .filter(c -> c.getLayer() instanceof BatchNormalization).count();
        assertEquals(2, norms);
        INDArray images = g.output(Nd4j.randn(DataType.FLOAT, 5, MlpGan.LATENT));
        assertArrayEquals(new long[] {5, 784}, images.shape());
        assertTrue(images.amaxNumber().doubleValue() <= 1, "tanh keeps pixels in [-1, 1]");
        assertArrayEquals(new long[] {5, 1}, d.output(images).shape());
    }

    @Test
    void theTrainerTrainsItAndItsStepsRepeat() {
        INDArray data = Nd4j.rand(DataType.FLOAT, 256, 784).muli(2).subi(1);
        TrainerSettings s = MlpGan.settings(3);
        assertEquals(MlpGan.BATCH, s.batchSize());
        assertEquals(MlpGan.AVERAGE, s.generatorAverage(), "the recipe draws from the average of G");
        GanTrainer a = new GanTrainer(MlpGan.generator(3), MlpGan.discriminator(4), data, s);
        GanTrainer b = new GanTrainer(MlpGan.generator(3), MlpGan.discriminator(4), data, s);
        a.train(3);
        b.train(3);
        assertTrue(Double.isFinite(a.history().get(2).lossD()) && Double.isFinite(a.history().get(2).lossG()));
        assertEquals(a.generator().params(), b.generator().params(), "same seed, same run");
        assertNotEquals(MlpGan.generator(3).params(), a.generator().params(), "G was trained");
        assertEquals(a.samplingGenerator().params(), b.samplingGenerator().params(), "and so was its average");
    }
}
