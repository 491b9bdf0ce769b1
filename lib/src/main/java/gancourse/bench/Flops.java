package gancourse.bench;

import java.util.List;

import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Floating-point operations of a network, counted from its configuration: the multiply-adds of its dense,
 * convolution and transposed-convolution layers. Element-wise work (activations, batch norm, the optimiser)
 * is left out: it is small next to the products, and every framework counts it differently.
 */
public final class Flops {
    private Flops() {}

    /** Multiply-adds of one forward pass for one example. */
    public static long forwardMacs(MultiLayerNetwork net, InputType input) {
        MultiLayerConfiguration conf = net.getLayerWiseConfigurations();
        List<InputType> outputs = conf.getLayerActivationTypes(input);
        long macs = 0;
        InputType in = input;
        for (int i = 0; i < conf.getConfs().size(); i++) {
            InputPreProcessor pre = conf.getInputPreProcess(i);
            if (pre != null) in = pre.getOutputType(in);
            macs += macs(conf.getConf(i).getLayer(), in, outputs.get(i));
            in = outputs.get(i);
        }
        return macs;
    }

    private static long macs(Layer layer, InputType in, InputType out) {
        if (layer instanceof Deconvolution2D d) {
            // Every input pixel spreads a kernel-sized patch into each output channel.
            var i = (InputType.InputTypeConvolutional) in;
            return i.getHeight() * i.getWidth() * d.getNIn() * d.getNOut() * (long) d.getKernelSize()[0] * d.getKernelSize()[1];
        }
        if (layer instanceof ConvolutionLayer c) {
            var o = (InputType.InputTypeConvolutional) out;
            return o.getHeight() * o.getWidth() * c.getNIn() * c.getNOut() * (long) c.getKernelSize()[0] * c.getKernelSize()[1];
        }
        if (layer instanceof FeedForwardLayer f && !(layer instanceof org.deeplearning4j.nn.conf.layers.BatchNormalization)) {
            return f.getNIn() * f.getNOut();
        }
        return 0;
    }

    /**
     * One GAN iteration, in floating-point operations (a multiply-add is 2): G forward; D forward and backward on
     * the real and on the fake batch; D forward and backward again for G's step, then G backward. A backward pass
     * costs two forward passes (the gradients for the inputs and for the weights).
     */
    public static long ganStep(long generatorMacs, long discriminatorMacs, int batch) {
        return 2L * batch * (3 * generatorMacs + 9 * discriminatorMacs);
    }

    /** One supervised iteration (forward and backward), in floating-point operations. */
    public static long trainingStep(long macs, int batch) {
        return 2L * batch * 3 * macs;
    }
}
