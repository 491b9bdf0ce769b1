package gancourse.training;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import gancourse.models.MlpGan;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class WeightAverageTest {

    @Test
    void theAverageIsTheWeightedMeanOfTheWeightsSeen() {
        MultiLayerNetwork net = MlpGan.generator(4, 8, 8, 1e-3, 1); // no batch norm: the weights are all there is
        INDArray a = Nd4j.rand(DataType.FLOAT, net.params().shape());
        INDArray b = Nd4j.rand(DataType.FLOAT, net.params().shape());
        WeightAverage average = new WeightAverage(net, 0.5);
        net.params().assign(a);
        average.update();
        net.params().assign(b);
        average.update();
        // Weights 0.5 * 0.5 for a and 0.5 for b, divided by 1 - 0.5^2: (a + 2b) / 3, nothing of the start.
        INDArray expected = a.add(b.mul(2)).div(3);
        assertTrue(expected.equalsWithEps(average.network().params(), 1e-6),
                "average " + average.network().params() + ", expected " + expected);
        assertEquals(b, net.params(), "the trained network is left alone");
    }

    @Test
    void beforeAnyStepTheAverageIsTheNetwork() {
        MultiLayerNetwork net = MlpGan.generator(4, 8, 8, 1e-3, 1);
        assertEquals(net.params(), new WeightAverage(net, 0.9).network().params());
    }

    @Test
    void batchNormStatisticsAreMeasuredForTheAveragedWeights() {
        MultiLayerNetwork g = MlpGan.generator(3); // batch norm after its 512 and 1024 layers
        INDArray z = Noise.NORMAL.sample(WeightAverage.STATISTICS_BATCH, MlpGan.LATENT, 5);
        // Shift the weights, as training does, so that the stored statistics no longer fit.
        g.params().addi(Nd4j.randn(DataType.FLOAT, g.params().shape()).muli(0.05));
        g.setInput(z);
        List<INDArray> training = g.feedForward(true, false);
        INDArray byBatch = training.get(training.size() - 1).dup();
        assertFalse(byBatch.equalsWithEps(g.output(z, false), 1e-2), "the test needs stale statistics to start from");

        WeightAverage.measureStatistics(g, z);
        // Inference with the measured statistics draws what training mode draws on that batch.
        INDArray inference = g.output(z, false);
        double worst = Nd4j.getExecutioner().exec(new org.nd4j.linalg.api.ops.impl.reduce.same.AMax(
                inference.sub(byBatch))).getDouble(0);
        assertTrue(worst < 1e-3, "inference differs from the batch's own statistics by up to " + worst);
    }

    @Test
    void aDecayOutsideZeroToOneIsRefused() {
        MultiLayerNetwork net = MlpGan.generator(4, 8, 8, 1e-3, 1);
        var e = assertThrows(IllegalArgumentException.class, () -> new WeightAverage(net, 1.0));
        assertTrue(e.getMessage().contains("decay"), e.getMessage());
        var s = assertThrows(IllegalArgumentException.class,
                () -> TrainerSettings.defaults().withGeneratorAverage(-0.5));
        assertTrue(s.getMessage().contains("generatorAverage"), s.getMessage());
    }
}
