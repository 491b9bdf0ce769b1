package gancourse.models;

import gancourse.training.TrainerSettings;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The classic DCGAN (Radford, Metz and Chintala, 2015) for 32x32 colour images, as in the PyTorch example.
 *
 * <pre>
 * G: z(100) -> dense 4x4x256 -> BN, ReLU
 *           -> deconv 4x4 stride 2 -> 8x8x128  -> BN, ReLU
 *           -> deconv 4x4 stride 2 -> 16x16x64 -> BN, ReLU
 *           -> deconv 4x4 stride 2 -> 32x32x3  -> tanh
 * D: 32x32x3 -> conv 4x4 stride 2 -> 16x16x64  -> LeakyReLU(0.2)       (no BN on D's input layer)
 *            -> conv 4x4 stride 2 -> 8x8x128   -> BN, LeakyReLU(0.2)
 *            -> conv 4x4 stride 2 -> 4x4x256   -> BN, LeakyReLU(0.2)
 *            -> dense 1, sigmoid, cross-entropy
 * </pre>
 *
 * Why each choice: strided convolutions let the networks learn their own up- and down-sampling instead of
 * pooling's fixed rule; batch norm keeps every layer's input at a steady scale, so G's gradients neither
 * vanish nor explode through four layers; LeakyReLU keeps a gradient flowing back to G from fakes D is sure
 * about; tanh matches the data in [-1, 1]. The kernel size (4) is a multiple of the stride (2): each output
 * pixel of a transposed convolution then receives the same number of contributions, which avoids the
 * checkerboard pattern of kernel 3 or 5 with stride 2 (Odena et al., 2016, "Deconvolution and checkerboard
 * artifacts"). Weights start at N(0, 0.02), the paper's choice; Adam 2e-4 with beta1 0.5, because 0.9
 * made training oscillate.
 */
public final class Dcgan {
    public static final int LATENT = 100;
    public static final int SIZE = 32;
    public static final int CHANNELS = 3;
    public static final double LEARNING_RATE = 2e-4;
    /** The paper's initial weights: N(0, 0.02). */
    public static final double INIT_STD = 0.02;

    // Lesson 04's recipe, and the defaults of `./course train dcgan-cifar10`: the paper's networks and optimiser,
    // made cheaper for a CPU, where the number of iterations that fit in the lesson's minutes decides the quality.
    /** On a CPU: one class of CIFAR-10, which a small DCGAN learns in minutes. */
    public static final String CPU_CLASS = "horse";
    /** On a CPU: a quarter of the paper's arithmetic per image, so more iterations fit in the budget. */
    public static final int CPU_WIDTH = 32;
    public static final int GPU_WIDTH = 64;
    public static final int BATCH = 64;
    /** On a CPU: 2,000 iterations, within lesson 04's 10 minutes (3,000 took 16 on the course machine, with no
     *  better Frechet distance: 9.2 at 3,000, 7.7 at 2,000, seed 1). */
    public static final int CPU_ITERATIONS = 2000;
    /** On a GPU: all 50,000 training images, 25 times. */
    public static final int GPU_EPOCHS = 25;

    private Dcgan() {}

    /** G with {@code width} feature maps in its last hidden layer (64 in the paper's CIFAR setting): 4w, 2w, w. */
    public static MultiLayerNetwork generator(int latent, int width, double learningRate, long seed) {
        requirePositive(latent, "latent");
        requirePositive(width, "width");
        int w4 = 4 * width, w2 = 2 * width;
        var conf = base(learningRate, seed)
                .list()
                .layer(new DenseLayer.Builder().nIn(latent).nOut(4 * 4 * w4).hasBias(false).activation(Activation.IDENTITY).build())
                .layer(new BatchNormalization.Builder().build())
                .layer(new ActivationLayer(Activation.RELU))
                .layer(up(w4, w2, Activation.IDENTITY))
                .layer(new BatchNormalization.Builder().build())
                .layer(new ActivationLayer(Activation.RELU))
                .layer(up(w2, width, Activation.IDENTITY))
                .layer(new BatchNormalization.Builder().build())
                .layer(new ActivationLayer(Activation.RELU))
                .layer(up(width, CHANNELS, Activation.TANH))
                // The dense layer's 4096 numbers are read as 256 maps of 4x4, channels first.
                .inputPreProcessor(3, new FeedForwardToCnnPreProcessor(4, 4, w4))
                .setInputType(InputType.feedForward(latent))
                .build();
        MultiLayerNetwork g = new MultiLayerNetwork(conf);
        g.init();
        return g;
    }

    /** D with {@code width} feature maps in its first layer (64 in the paper's CIFAR setting): w, 2w, 4w. */
    public static MultiLayerNetwork discriminator(int width, double learningRate, long seed) {
        requirePositive(width, "width");
        var conf = base(learningRate, seed)
                .list()
                .layer(down(CHANNELS, width, new ActivationLReLU(0.2)))
                .layer(down(width, 2 * width, Activation.IDENTITY.getActivationFunction()))
                .layer(new BatchNormalization.Builder().build())
                .layer(new ActivationLayer(new ActivationLReLU(0.2)))
                .layer(down(2 * width, 4 * width, Activation.IDENTITY.getActivationFunction()))
                .layer(new BatchNormalization.Builder().build())
                .layer(new ActivationLayer(new ActivationLReLU(0.2)))
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nOut(1).activation(Activation.SIGMOID).build())
                .setInputType(InputType.convolutional(SIZE, SIZE, CHANNELS))
                .build();
        MultiLayerNetwork d = new MultiLayerNetwork(conf);
        d.init();
        return d;
    }

    /** The paper's G: latent 100, width 64 (4x4x256 first), Adam 2e-4. */
    public static MultiLayerNetwork generator(long seed) {
        return generator(LATENT, 64, LEARNING_RATE, seed);
    }

    /** The paper's D: width 64, Adam 2e-4. */
    public static MultiLayerNetwork discriminator(long seed) {
        return discriminator(64, LEARNING_RATE, seed);
    }

    /** The trainer's settings of lesson 04's recipe (the batch of {@link #BATCH}; fewer images take all of them). */
    public static TrainerSettings settings(long seed) {
        return TrainerSettings.defaults().withSeed(seed).withBatchSize(BATCH);
    }

    static NeuralNetConfiguration.Builder base(double learningRate, long seed) {
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new Adam(learningRate, 0.5, 0.999, 1e-8))
                .weightInit(new NormalDistribution(0, INIT_STD));
    }

    /** A transposed convolution that doubles height and width: (in - 1) * 2 - 2 * 1 + 4 = 2 * in. */
    static Deconvolution2D up(int in, int out, Activation activation) {
        return new Deconvolution2D.Builder(4, 4).stride(2, 2).padding(1, 1).convolutionMode(ConvolutionMode.Truncate)
                .nIn(in).nOut(out).hasBias(activation != Activation.IDENTITY).activation(activation).build();
    }

    /** A strided convolution that halves height and width, in place of pooling: (in + 2 - 4) / 2 + 1 = in / 2. */
    static ConvolutionLayer down(int in, int out, org.nd4j.linalg.activations.IActivation activation) {
        return new ConvolutionLayer.Builder(4, 4).stride(2, 2).padding(1, 1).convolutionMode(ConvolutionMode.Truncate)
                .nIn(in).nOut(out).hasBias(!(activation instanceof org.nd4j.linalg.activations.impl.ActivationIdentity))
                .activation(activation).build();
    }

    static void requirePositive(int v, String name) {
        if (v <= 0) throw new IllegalArgumentException(name + " must be positive, got " + v);
    }
}
