package gancourse;

import static org.junit.jupiter.api.Assertions.*;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.factory.Nd4j;

class CheckTest {
    @Test
    void aCheckThatHoldsPassesAndOneThatDoesNotThrows() {
        Check.that("two and two", 2 + 2 == 4);
        var e = assertThrows(Check.Failed.class, () -> Check.that("two and three", 2 + 3 == 4));
        assertEquals("check failed: two and three", e.getMessage());
    }

    @Test
    void arraysAreCloseWithinTheToleranceOnly() {
        var a = Nd4j.createFromArray(1f, 2f, 3f);
        Check.close("a itself", a, a.dup(), 0);
        Check.close("a little off", a, a.add(1e-4), 1e-3);
        var far = assertThrows(Check.Failed.class, () -> Check.close("far off", a, a.add(0.5), 1e-3));
        assertTrue(far.getMessage().contains("differ by up to 0.5"), far.getMessage());
        var shape = assertThrows(Check.Failed.class, () -> Check.close("shape", a, a.reshape(3, 1), 1));
        assertTrue(shape.getMessage().contains("shapes"), shape.getMessage());
        var nan = assertThrows(Check.Failed.class, () -> Check.close("NaN", a, a.div(0).mul(0), 1));
        assertTrue(nan.getMessage().startsWith("check failed: NaN"), nan.getMessage());
    }

    @Test
    void configurationsAreComparedLayerByLayerNotByParameterCount() {
        Check.sameConfiguration("same recipe", net(2e-4, Activation.TANH), net(2e-4, Activation.TANH));
        // The same number of parameters, another learning rate or activation: a parameter count would not see it.
        var lr = assertThrows(Check.Failed.class,
                () -> Check.sameConfiguration("learning rate", net(2e-4, Activation.TANH), net(1e-3, Activation.TANH)));
        assertTrue(lr.getMessage().contains("configurations differ at line"), lr.getMessage());
        assertThrows(Check.Failed.class,
                () -> Check.sameConfiguration("activation", net(2e-4, Activation.TANH), net(2e-4, Activation.RELU)));
    }

    private static MultiLayerNetwork net(double learningRate, Activation activation) {
        var net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1).updater(new Adam(learningRate))
                .list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(3).activation(activation).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nIn(3).nOut(1)
                        .activation(Activation.SIGMOID).build())
                .build());
        net.init();
        return net;
    }
}
