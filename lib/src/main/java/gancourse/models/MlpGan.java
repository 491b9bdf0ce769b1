package gancourse.models;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The vanilla GAN of lessons 01 and 02: one hidden layer each, as in the original GAN paper's spirit.
 * G: z -> 256 LeakyReLU(0.2) -> 784 tanh (pixels in [-1, 1], like the data).
 * D: 784 -> 256 LeakyReLU(0.2) -> 1 sigmoid, with binary cross-entropy.
 * Both use Adam 2e-4, beta1 0.5: the DCGAN paper found beta1 0.9 made training oscillate.
 */
public final class MlpGan {
    public static final int LATENT = 100;
    public static final int HIDDEN = 256;
    public static final double LEARNING_RATE = 2e-4;

    private MlpGan() {}

    public static MultiLayerNetwork generator(int latent, int hidden, int pixels, double learningRate, long seed) {
        var conf = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new Adam(learningRate, 0.5, 0.999, 1e-8))
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(new DenseLayer.Builder().nIn(latent).nOut(hidden).activation(new ActivationLReLU(0.2)).build())
                .layer(new DenseLayer.Builder().nIn(hidden).nOut(pixels).activation(Activation.TANH).build())
                .build();
        MultiLayerNetwork g = new MultiLayerNetwork(conf);
        g.init();
        return g;
    }

    public static MultiLayerNetwork discriminator(int pixels, int hidden, double learningRate, long seed) {
        var conf = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new Adam(learningRate, 0.5, 0.999, 1e-8))
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(new DenseLayer.Builder().nIn(pixels).nOut(hidden).activation(new ActivationLReLU(0.2)).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.XENT)
                        .nIn(hidden).nOut(1).activation(Activation.SIGMOID).build())
                .build();
        MultiLayerNetwork d = new MultiLayerNetwork(conf);
        d.init();
        return d;
    }

    public static MultiLayerNetwork generator(long seed) {
        return generator(LATENT, HIDDEN, 784, LEARNING_RATE, seed);
    }

    public static MultiLayerNetwork discriminator(long seed) {
        return discriminator(784, HIDDEN, LEARNING_RATE, seed);
    }
}
