package gancourse.models;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The larger DCGAN of Chollet's "Deep Learning with Python" (1st edition, 8.5), for a GPU: six times the
 * parameters of {@link Dcgan}'s generator, and its 5x5 convolutions of 256 maps run at the full 32x32, which costs
 * some thirty times the arithmetic per image.
 *
 * <pre>
 * G: z(32) -> dense 16x16x128, LeakyReLU -> conv 5x5 256 -> deconv 4x4 stride 2 to 32x32x256
 *          -> conv 5x5 256 -> conv 5x5 256 (all LeakyReLU) -> conv 7x7 3, tanh
 * D: conv 3x3 128 -> 3 x conv 4x4 128 stride 2 (LeakyReLU) -> dropout 0.4 -> dense 1, sigmoid
 * </pre>
 *
 * RMSprop (8e-4 for D, 4e-4 for G) with every gradient value clipped to [-1, 1]: the book's guard against the
 * sudden large steps that make GAN training diverge. No batch norm: the clipping and D's dropout stabilise it.
 */
public final class DcganKeras {
    public static final int LATENT = 32;
    public static final double G_LEARNING_RATE = 4e-4;
    public static final double D_LEARNING_RATE = 8e-4;

    private DcganKeras() {}

    public static MultiLayerNetwork generator(long seed) {
        var lrelu = new ActivationLReLU(0.2);
        var conf = base(G_LEARNING_RATE, seed)
                .list()
                .layer(new DenseLayer.Builder().nIn(LATENT).nOut(16 * 16 * 128).activation(lrelu).build())
                .layer(same(5, 128, 256))
                .layer(new Deconvolution2D.Builder(4, 4).stride(2, 2).convolutionMode(ConvolutionMode.Same)
                        .nIn(256).nOut(256).activation(lrelu).build())                         // 16x16 -> 32x32
                .layer(same(5, 256, 256))
                .layer(same(5, 256, 256))
                .layer(new ConvolutionLayer.Builder(7, 7).convolutionMode(ConvolutionMode.Same)
                        .nIn(256).nOut(3).activation(Activation.TANH).build())
                .inputPreProcessor(1, new FeedForwardToCnnPreProcessor(16, 16, 128))
                .setInputType(InputType.feedForward(LATENT))
                .build();
        MultiLayerNetwork g = new MultiLayerNetwork(conf);
        g.init();
        return g;
    }

    public static MultiLayerNetwork discriminator(long seed) {
        var lrelu = new ActivationLReLU(0.2);
        var conf = base(D_LEARNING_RATE, seed)
                .list()
                .layer(new ConvolutionLayer.Builder(3, 3).nIn(3).nOut(128).activation(lrelu).build())         // 30x30
                .layer(new ConvolutionLayer.Builder(4, 4).stride(2, 2).nOut(128).activation(lrelu).build())   // 14x14
                .layer(new ConvolutionLayer.Builder(4, 4).stride(2, 2).nOut(128).activation(lrelu).build())   // 6x6
                .layer(new ConvolutionLayer.Builder(4, 4).stride(2, 2).nOut(128).activation(lrelu).build())   // 2x2
                // Keras's Dropout(0.4) drops 40%; DL4J's dropOut takes the share it keeps.
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nOut(1).activation(Activation.SIGMOID)
                        .dropOut(0.6).build())
                .setInputType(InputType.convolutional(32, 32, 3))
                .build();
        MultiLayerNetwork d = new MultiLayerNetwork(conf);
        d.init();
        return d;
    }

    private static NeuralNetConfiguration.Builder base(double learningRate, long seed) {
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new RmsProp(learningRate, 0.9, 1e-7))
                .gradientNormalization(GradientNormalization.ClipElementWiseAbsoluteValue)
                .gradientNormalizationThreshold(1.0)
                .weightInit(WeightInit.XAVIER_UNIFORM);   // Keras's default, glorot_uniform
    }

    private static ConvolutionLayer same(int kernel, int in, int out) {
        return new ConvolutionLayer.Builder(kernel, kernel).convolutionMode(ConvolutionMode.Same)
                .nIn(in).nOut(out).activation(new ActivationLReLU(0.2)).build();
    }
}
