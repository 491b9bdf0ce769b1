package gancourse.training;

import static org.junit.jupiter.api.Assertions.*;

import java.util.function.Function;

import gancourse.models.Dcgan;
import gancourse.models.MlpGan;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class InputGradientTest {

    @Test
    void throughADcganGeneratorAtInferenceItMatchesFiniteDifferences() {
        MultiLayerNetwork g = withRunningStatistics(Dcgan.generator(16, 4, 2e-4, 1).convertDataType(DataType.DOUBLE));
        INDArray z = Nd4j.randn(11, new long[] {3, 16}).castTo(DataType.DOUBLE);
        INDArray w = Nd4j.randn(12, new long[] {3, 3, 32, 32}).castTo(DataType.DOUBLE);
        INDArray dz = InputGradient.backprop(g, z, w);
        assertArrayEquals(z.shape(), dz.shape());
        assertMatchesFiniteDifferences(x -> g.output(x, false).mul(w).sumNumber().doubleValue(), z, dz);
    }

    @Test
    void throughADenseGeneratorItIsDl4jsOwnBackpropagation() {
        MultiLayerNetwork g = MlpGan.generator(16, 32, 784, 2e-4, 1).convertDataType(DataType.DOUBLE);
        INDArray z = Nd4j.randn(13, new long[] {4, 16}).castTo(DataType.DOUBLE);
        INDArray w = Nd4j.randn(14, new long[] {4, 784}).castTo(DataType.DOUBLE);
        INDArray dz = InputGradient.backprop(g, z, w);
        assertMatchesFiniteDifferences(x -> g.output(x, false).mul(w).sumNumber().doubleValue(), z, dz);
        g.setInput(z);
        g.feedForward(true, false);
        INDArray dl4j = g.backpropGradient(w, org.deeplearning4j.nn.workspace.LayerWorkspaceMgr.noWorkspaces()).getSecond();
        assertTrue(dl4j.equalsWithEps(dz, 1e-10));
    }

    // Batch norm with the running statistics of a trained network, not the initial mean 0 and variance 1.
    private static MultiLayerNetwork withRunningStatistics(MultiLayerNetwork net) {
        long seed = 100;
        for (var layer : net.getLayers()) {
            if (!(layer instanceof BatchNormalization)) continue;
            for (var p : layer.paramTable().entrySet()) {
                INDArray r = Nd4j.rand(seed++, p.getValue().shape()).castTo(DataType.DOUBLE);
                switch (p.getKey()) {
                    case "mean", "beta" -> p.getValue().assign(r.subi(0.5));
                    case "log10stdev" -> p.getValue().assign(r.muli(0.6).subi(0.3));
                    case "gamma" -> p.getValue().assign(r.addi(0.5));
                    default -> { }
                }
            }
        }
        return net;
    }

    private static void assertMatchesFiniteDifferences(Function<INDArray, Double> f, INDArray x, INDArray gradient) {
        double h = 1e-6;
        long n = x.length();
        for (int k = 0; k < 12; k++) {
            long i = (k * 7919L) % n;
            INDArray up = x.dup(), down = x.dup();
            up.data().put(i, x.data().getDouble(i) + h);
            down.data().put(i, x.data().getDouble(i) - h);
            double numeric = (f.apply(up) - f.apply(down)) / (2 * h);
            double analytic = gradient.dup('c').data().getDouble(i);
            assertEquals(numeric, analytic, 1e-6 + 1e-4 * Math.abs(numeric), "element " + i);
        }
    }
}
