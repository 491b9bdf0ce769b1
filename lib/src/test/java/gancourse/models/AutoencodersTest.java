package gancourse.models;

import static org.junit.jupiter.api.Assertions.*;

import gancourse.models.Autoencoders.Up;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class AutoencodersTest {

    @Test
    void aDenseAutoencoderMirrorsItsLayersAroundTheCode() {
        MultiLayerNetwork net = Autoencoders.dense(784, 32, 128, 64);
        long[] widths = new long[net.getnLayers()];
        for (int i = 0; i < widths.length; i++) widths[i] = net.layerSize(i);
        assertArrayEquals(new long[] {128, 64, 32, 64, 128, 784}, widths);
        assertEquals(2, Autoencoders.codeLayer(net));
        assertEquals(32, Autoencoders.codeSize(net));

        INDArray x = Nd4j.rand(DataType.FLOAT, 5, 784).muli(2).subi(1);
        assertArrayEquals(new long[] {5, 784}, net.output(x).shape());
        INDArray code = Autoencoders.encode(net, x);
        assertArrayEquals(new long[] {5, 32}, code.shape());
        // Encoding then decoding is the whole network, cut in two.
        assertTrue(Autoencoders.decode(net, code).equalsWithEps(net.output(x), 1e-5));
    }

    @Test
    void theSimplestAutoencoderHasOnlyTheCodeBetweenInputAndOutput() {
        MultiLayerNetwork net = Autoencoders.dense(784, 32);
        assertEquals(2, net.getnLayers());
        assertEquals(0, Autoencoders.codeLayer(net));
        assertEquals(784 * 32 + 32 + 32 * 784 + 784, net.numParams());
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 784);
        assertTrue(Autoencoders.decode(net, Autoencoders.encode(net, x)).equalsWithEps(net.output(x), 1e-5));
    }

    @ParameterizedTest
    @EnumSource(Up.class)
    void aConvolutionalAutoencoderGivesBackImagesOfTheInputShape(Up up) {
        MultiLayerNetwork net = Autoencoders.conv(4, 16, up, 1);
        INDArray x = Nd4j.rand(DataType.FLOAT, 3, 1, 28, 28).muli(2).subi(1);
        INDArray out = net.output(x);
        assertArrayEquals(new long[] {3, 1, 28, 28}, out.shape());
        assertTrue(out.minNumber().doubleValue() >= -1 && out.maxNumber().doubleValue() <= 1, "tanh keeps pixels in [-1, 1]");
        INDArray code = Autoencoders.encode(net, x);
        assertArrayEquals(new long[] {3, 16}, code.shape());
        INDArray decoded = Autoencoders.decode(net, code);
        assertArrayEquals(new long[] {3, 1, 28, 28}, decoded.shape());
        assertTrue(decoded.equalsWithEps(out, 1e-5));
    }

    @Test
    void theSameSeedGivesTheSameWeights() {
        assertEquals(Autoencoders.conv(4, 8, Up.RESIZE_CONV, 7).params(), Autoencoders.conv(4, 8, Up.RESIZE_CONV, 7).params());
        assertNotEquals(Autoencoders.conv(4, 8, Up.RESIZE_CONV, 7).params(), Autoencoders.conv(4, 8, Up.RESIZE_CONV, 8).params());
    }

    @Test
    void badInputsGetMessagesThatSayWhatToDo() {
        MultiLayerNetwork net = Autoencoders.dense(784, 2, 64);
        var wrongWidth = assertThrows(IllegalArgumentException.class, () -> Autoencoders.decode(net, Nd4j.zeros(DataType.FLOAT, 4, 3)));
        assertTrue(wrongWidth.getMessage().contains("[n, 2]"), wrongWidth.getMessage());

        MultiLayerNetwork plain = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(2).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(2).nOut(4).build())
                .build());
        plain.init();
        var noCode = assertThrows(IllegalArgumentException.class, () -> Autoencoders.encode(plain, Nd4j.zeros(1, 4)));
        assertTrue(noCode.getMessage().contains(".name(Autoencoders.CODE)"), noCode.getMessage());

        assertThrows(IllegalArgumentException.class, () -> Autoencoders.dense(784, 0));
        assertThrows(IllegalArgumentException.class, () -> Autoencoders.conv(0, 8, Up.TRANSPOSED_4, 1));
    }
}
