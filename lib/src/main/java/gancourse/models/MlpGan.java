package gancourse.models;

import gancourse.training.TrainerSettings;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
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
 * The fully connected GANs of lessons 01 and 02.
 *
 * <p>The recipe ({@link #generator(long)}, {@link #discriminator(long)}), chosen by measured quality per minute
 * of CPU (README, "Quality"):
 * G: z 100 -> 256 -> 512 -> 1024 -> 784 tanh, LeakyReLU(0.2), batch norm after the 512 and 1024 layers;
 * D: 784 -> 512 -> 256 -> 1 sigmoid, LeakyReLU(0.2), binary cross-entropy. Adam, beta1 0.5 (the DCGAN paper's:
 * 0.9 makes the two-player game oscillate), learning rate {@link #LEARNING_RATE} (five times the DCGAN paper's:
 * with batch norm in G it learns much faster in a short budget, measured in lesson 01), batches of {@link #BATCH}.
 * The pictures come from an average of G's recent weights ({@link #AVERAGE}, {@link #settings(long)}).
 *
 * <p>The one-hidden-layer pair ({@link #generator(int, int, int, double, long)}) is the GAN of the original
 * paper's spirit: lesson 01 keeps it as the exercise that shows why the recipe matters, lesson 02 uses it to
 * provoke failures, the benchmark times it.
 */
public final class MlpGan {
    public static final int LATENT = 100;
    /** The one-hidden-layer pair's width. */
    public static final int HIDDEN = 256;
    public static final double LEARNING_RATE = 1e-3;
    /** The recipe's batch: bigger batches cost ND4J less per image (fewer, larger operations). */
    public static final int BATCH = 64;
    /** Lesson 01's budget (MNIST) and lesson 02's main run (Fashion-MNIST): at most 5 minutes each. */
    public static final int ITERATIONS_MNIST = 3000;
    public static final int ITERATIONS_FASHION = 3000;
    /**
     * Samples come from an average of G's weights with this decay (about the last 500 steps): at 3,000 iterations of
     * MNIST it lifted the confident share from 64% to 73% and halved the Frechet distance (PyTorch twin, seeds 1
     * and 2; README, "Quality").
     */
    public static final double AVERAGE = 0.998;

    private MlpGan() {}

    /** The trainer's settings of the recipe: batches of {@link #BATCH}, samples from the {@link #AVERAGE} of G. */
    public static TrainerSettings settings(long seed) {
        return TrainerSettings.defaults().withSeed(seed).withBatchSize(BATCH).withGeneratorAverage(AVERAGE);
    }

    private static NeuralNetConfiguration.ListBuilder layers(double learningRate, long seed) {
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new Adam(learningRate, 0.5, 0.999, 1e-8))
                .weightInit(WeightInit.XAVIER)
                .list();
    }

    private static MultiLayerNetwork init(NeuralNetConfiguration.ListBuilder layers) {
        MultiLayerNetwork net = new MultiLayerNetwork(layers.build());
        net.init();
        return net;
    }

    private static DenseLayer dense(int in, int out) {
        return new DenseLayer.Builder().nIn(in).nOut(out).activation(new ActivationLReLU(0.2)).build();
    }

    /** The recipe's generator: z 100 -> 256 -> 512 (batch norm) -> 1024 (batch norm) -> 784 tanh. */
    public static MultiLayerNetwork generator(long seed) {
        return generator(seed, LEARNING_RATE);
    }

    /** The recipe's generator with another learning rate (lesson 01's exercise 3). */
    public static MultiLayerNetwork generator(long seed, double learningRate) {
        var layers = layers(learningRate, seed).layer(dense(LATENT, 256));
        int in = 256;
        for (int width : new int[] {512, 1024}) {
            // Batch norm between the product and the activation: every layer sees inputs of the same scale
            // whatever D pushes G toward, which keeps G from collapsing onto a few shapes.
            layers.layer(new DenseLayer.Builder().nIn(in).nOut(width).activation(Activation.IDENTITY).build())
                    .layer(new BatchNormalization.Builder().nIn(width).nOut(width).build())
                    .layer(new ActivationLayer(new ActivationLReLU(0.2)));
            in = width;
        }
        return init(layers.layer(new DenseLayer.Builder().nIn(in).nOut(784).activation(Activation.TANH).build()));
    }

    /** The recipe's discriminator: 784 -> 512 -> 256 -> 1 sigmoid, binary cross-entropy. */
    public static MultiLayerNetwork discriminator(long seed) {
        return discriminator(seed, LEARNING_RATE);
    }

    /** The recipe's discriminator with another learning rate. */
    public static MultiLayerNetwork discriminator(long seed, double learningRate) {
        return init(layers(learningRate, seed)
                .layer(dense(784, 512))
                .layer(dense(512, 256))
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.XENT)
                        .nIn(256).nOut(1).activation(Activation.SIGMOID).build()));
    }

    /** One hidden layer: z -> hidden LeakyReLU(0.2) -> pixels tanh (pixels in [-1, 1], like the data). */
    public static MultiLayerNetwork generator(int latent, int hidden, int pixels, double learningRate, long seed) {
        return init(layers(learningRate, seed)
                .layer(dense(latent, hidden))
                .layer(new DenseLayer.Builder().nIn(hidden).nOut(pixels).activation(Activation.TANH).build()));
    }

    /** One hidden layer: pixels -> hidden LeakyReLU(0.2) -> 1 sigmoid, binary cross-entropy. */
    public static MultiLayerNetwork discriminator(int pixels, int hidden, double learningRate, long seed) {
        return init(layers(learningRate, seed)
                .layer(dense(pixels, hidden))
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.XENT)
                        .nIn(hidden).nOut(1).activation(Activation.SIGMOID).build()));
    }
}
