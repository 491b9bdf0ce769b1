package gancourse.models;

import java.util.Arrays;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.Upsampling2D;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The autoencoders of lesson 03: an encoder squeezes an image into a short code, a decoder rebuilds the image
 * from the code, and both are trained together to make the rebuilt image equal the input (mean squared error).
 *
 * <p>Each is one {@link MultiLayerNetwork} whose bottleneck layer is named {@value #CODE}: {@link #encode}
 * runs the layers up to it, {@link #decode} the layers after it. The code layer has no activation, so a code
 * is any real vector (and a 2-number code can be plotted as it is). Pixels come out of a tanh, in [-1, 1]
 * like the data.
 *
 * <ul>
 *   <li>{@link #dense}: 784 -> hidden... -> code -> ...hidden -> 784, mirrored, ReLU in between.</li>
 *   <li>{@link #conv}: two stride-2 convolutions down (28 -> 14 -> 7), a dense code, then back up to 28 by one
 *       of the ways in {@link Up}, LeakyReLU(0.2) in between. The decoder is the shape of lesson 04's DCGAN
 *       generator.</li>
 * </ul>
 * Adam with learning rate 1e-3, the usual default: unlike a GAN, an autoencoder is one plain minimisation.
 */
public final class Autoencoders {
    /** The name of the bottleneck layer. */
    public static final String CODE = "code";
    public static final double LEARNING_RATE = 1e-3;

    /** How the convolutional decoder doubles the image size, twice (7 -> 14 -> 28). */
    public enum Up {
        /** Nearest-neighbour upsampling, then a 3x3 convolution ("resize-convolution"): no checkerboard by design. */
        RESIZE_CONV,
        /** A transposed convolution, kernel 3, stride 2: 3 is not divisible by 2, its outputs overlap unevenly. */
        TRANSPOSED_3,
        /** A transposed convolution, kernel 4, stride 2: even overlap, as in the DCGAN generator of lesson 04. */
        TRANSPOSED_4
    }

    private Autoencoders() {}

    /**
     * A fully connected autoencoder for flat images [n, inputs]: {@code dense(784, 32)} is 784 -> 32 -> 784,
     * {@code dense(784, 32, 128, 64)} is 784 -> 128 -> 64 -> 32 -> 64 -> 128 -> 784.
     */
    public static MultiLayerNetwork dense(int inputs, int code, int... hidden) {
        return dense(inputs, code, hidden, 42);
    }

    /** As {@link #dense(int, int, int...)}, with a seed for the initial weights. */
    public static MultiLayerNetwork dense(int inputs, int code, int[] hidden, long seed) {
        if (inputs < 1 || code < 1 || Arrays.stream(hidden).anyMatch(h -> h < 1)) {
            throw new IllegalArgumentException("layer sizes must be positive: inputs " + inputs + ", code " + code
                    + ", hidden " + Arrays.toString(hidden));
        }
        var layers = builder(seed);
        int in = inputs;
        for (int h : hidden) {
            layers.layer(new DenseLayer.Builder().nIn(in).nOut(h).activation(Activation.RELU).build());
            in = h;
        }
        layers.layer(new DenseLayer.Builder().name(CODE).nIn(in).nOut(code).activation(Activation.IDENTITY).build());
        in = code;
        for (int i = hidden.length - 1; i >= 0; i--) {
            layers.layer(new DenseLayer.Builder().nIn(in).nOut(hidden[i]).activation(Activation.RELU).build());
            in = hidden[i];
        }
        layers.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE)
                .nIn(in).nOut(inputs).activation(Activation.TANH).build());
        return init(layers.build());
    }

    /**
     * A convolutional autoencoder for MNIST-sized images [n, 1, 28, 28]: convolutions 3x3 stride 2 with
     * {@code channels} then 2 x {@code channels} filters (28 -> 14 -> 7), a dense code, and a decoder that
     * mirrors it, going up by {@code up}.
     */
    public static MultiLayerNetwork conv(int channels, int code, Up up, long seed) {
        if (channels < 1 || code < 1) {
            throw new IllegalArgumentException("channels and code size must be positive, got " + channels + " and " + code);
        }
        int c1 = channels, c2 = 2 * channels;
        var layers = builder(seed)
                .layer(down(c1))                                                                  // 28 -> 14
                .layer(down(c2))                                                                  // 14 -> 7
                .layer(new DenseLayer.Builder().name(CODE).nOut(code).activation(Activation.IDENTITY).build())
                .layer(new DenseLayer.Builder().nOut(c2 * 7 * 7).activation(leaky()).build())
                .inputPreProcessor(4, new FeedForwardToCnnPreProcessor(7, 7, c2));               // [n, c2, 7, 7]
        IActivation tanh = Activation.TANH.getActivationFunction();
        switch (up) {
            case RESIZE_CONV -> layers
                    .layer(new Upsampling2D.Builder(2).build())                                  // 7 -> 14
                    .layer(same3x3(c1, leaky()))
                    .layer(new Upsampling2D.Builder(2).build())                                  // 14 -> 28
                    .layer(same3x3(1, tanh));
            case TRANSPOSED_3, TRANSPOSED_4 -> {
                int k = up == Up.TRANSPOSED_3 ? 3 : 4;
                layers.layer(transposed(k, c1, leaky()))                                         // 7 -> 14
                        .layer(transposed(k, 1, tanh));                                          // 14 -> 28
            }
        }
        // CnnLossLayer: the loss compares images with images, pixel by pixel, without flattening them.
        layers.layer(new CnnLossLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).build())
                .setInputType(InputType.convolutional(28, 28, 1));
        return init(layers.build());
    }

    /** The codes of a batch: the output of the layer named {@value #CODE}, [n, code size]. */
    public static INDArray encode(MultiLayerNetwork net, INDArray images) {
        int c = codeLayer(net);
        return net.feedForwardToLayer(c, images, false).get(c + 1); // element 0 is the input itself
    }

    /** Images from codes [n, code size]: the layers after the code, in inference mode. */
    public static INDArray decode(MultiLayerNetwork net, INDArray codes) {
        int c = codeLayer(net);
        long size = net.getLayer(c).getParam("b").length();
        if (codes.rank() != 2 || codes.size(1) != size) {
            throw new IllegalArgumentException("decode: codes must be [n, " + size + "] for this network, got "
                    + Arrays.toString(codes.shape()));
        }
        // What MultiLayerNetwork.activateSelectedLayers does, which refuses a range of one layer (784-32-784).
        INDArray x = codes.castTo(DataType.FLOAT);
        LayerWorkspaceMgr noWorkspaces = LayerWorkspaceMgr.noWorkspaces();
        for (int i = c + 1; i < net.getnLayers(); i++) {
            InputPreProcessor reshape = net.getLayerWiseConfigurations().getInputPreProcess(i);
            if (reshape != null) x = reshape.preProcess(x, (int) x.size(0), noWorkspaces);
            x = net.getLayer(i).activate(x, false, noWorkspaces);
        }
        return x;
    }

    /** The size of the code, e.g. 32. */
    public static int codeSize(MultiLayerNetwork net) {
        return (int) net.getLayer(codeLayer(net)).getParam("b").length();
    }

    /** The index of the code layer; a clear error when the network has none. */
    public static int codeLayer(MultiLayerNetwork net) {
        Layer[] layers = net.getLayers();
        for (int i = 0; i < layers.length; i++) {
            if (CODE.equals(layers[i].conf().getLayer().getLayerName())) return i;
        }
        throw new IllegalArgumentException("this network has no layer named \"" + CODE + "\": name the bottleneck "
                + "layer with .name(Autoencoders.CODE) so that encode/decode know where to cut it");
    }

    private static NeuralNetConfiguration.ListBuilder builder(long seed) {
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new Adam(LEARNING_RATE))
                .weightInit(WeightInit.XAVIER)
                .list();
    }

    private static MultiLayerNetwork init(MultiLayerConfiguration conf) {
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    private static ConvolutionLayer down(int filters) {
        return new ConvolutionLayer.Builder(3, 3).stride(2, 2).nOut(filters)
                .convolutionMode(ConvolutionMode.Same).activation(leaky()).build();
    }

    // LeakyReLU(0.2) as in DCGAN: a ReLU unit whose input stays negative gets no gradient and may never recover,
    // and a network with 8 filters cannot spare many.
    private static IActivation leaky() {
        return new ActivationLReLU(0.2);
    }

    private static ConvolutionLayer same3x3(int filters, IActivation activation) {
        return new ConvolutionLayer.Builder(3, 3).nOut(filters)
                .convolutionMode(ConvolutionMode.Same).activation(activation).build();
    }

    private static Deconvolution2D transposed(int kernel, int filters, IActivation activation) {
        return new Deconvolution2D.Builder(kernel, kernel).stride(2, 2).nOut(filters)
                .convolutionMode(ConvolutionMode.Same).activation(activation).build();
    }
}
