package gancourse.training;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Gradients with respect to a network's <em>input</em>, for the network as it runs at inference: what image
 * completion needs, where G's weights stay fixed and its input (the latent vector z) is what is optimised.
 *
 * <p>Why not {@code backpropGradient} or {@code calculateGradients}? They back-propagate through batch norm
 * as it works in training, normalising with the statistics of the batch. At inference batch norm applies a
 * fixed scale and shift per channel (from its running averages), so its gradient is just that scale. For
 * networks without batch norm (lesson 01's) the result is the same as DL4J's own back-propagation.
 */
public final class InputGradient {
    private static final LayerWorkspaceMgr NO_WORKSPACES = LayerWorkspaceMgr.noWorkspaces();

    private InputGradient() {}

    /**
     * d(sum of dOutput * net(input)) / d input: back-propagates {@code dOutput}, the gradient of some loss with
     * respect to the network's output, to its input. For a generator: dLoss/dz from dLoss/dG(z).
     */
    public static INDArray backprop(MultiLayerNetwork net, INDArray input, INDArray dOutput) {
        return withStoredInputs(net, input, () -> backpropFrom(net, net.getnLayers() - 1, dOutput));
    }

    // Layer by layer from layer `last` down to the input, as MultiLayerNetwork does, except for batch norm.
    private static INDArray backpropFrom(MultiLayerNetwork net, int last, INDArray epsilon) {
        long batch = epsilon.size(0);
        for (int i = last; i >= 0; i--) {
            Layer layer = net.getLayer(i);
            epsilon = layer instanceof BatchNormalization bn
                    ? epsilon.mul(inferenceScale(bn, epsilon.rank()))
                    : layer.backpropGradient(epsilon, NO_WORKSPACES).getSecond();
            epsilon = preprocess(net, i, epsilon, batch);
        }
        return epsilon;
    }

    private static INDArray preprocess(MultiLayerNetwork net, int layer, INDArray epsilon, long batch) {
        InputPreProcessor p = net.getLayerWiseConfigurations().getInputPreProcess(layer);
        return p == null ? epsilon : p.backprop(epsilon, (int) batch, NO_WORKSPACES);
    }

    /**
     * At inference batch norm computes a * x + b per channel. Rather than rebuild a and b from its parameters
     * (stored as log10 of the standard deviation, with an epsilon, gamma possibly locked), we measure a: the layer's
     * output for an input of ones minus its output for zeros. Shaped to broadcast over [n, c] or [n, c, h, w].
     */
    private static INDArray inferenceScale(BatchNormalization bn, int rank) {
        INDArray mean = bn.getParam("mean");
        long[] shape = rank == 4 ? new long[] {1, mean.length(), 1, 1} : new long[] {1, mean.length()};
        INDArray ones = bn.activate(Nd4j.ones(mean.dataType(), shape), false, NO_WORKSPACES).dup();
        INDArray zeros = bn.activate(Nd4j.zeros(mean.dataType(), shape), false, NO_WORKSPACES);
        return ones.subi(zeros);
    }

    // A forward pass at inference that leaves each layer's input in place for the backward pass. Without
    // workspaces: with them, DL4J frees those inputs as soon as the forward pass ends.
    private interface Backward {
        INDArray run();
    }

    private static INDArray withStoredInputs(MultiLayerNetwork net, INDArray input, Backward backward) {
        MultiLayerConfiguration conf = net.getLayerWiseConfigurations();
        WorkspaceMode inference = conf.getInferenceWorkspaceMode();
        WorkspaceMode training = conf.getTrainingWorkspaceMode();
        conf.setInferenceWorkspaceMode(WorkspaceMode.NONE);
        conf.setTrainingWorkspaceMode(WorkspaceMode.NONE);
        try {
            if (net.getFlattenedGradients() == null) net.initGradientsView(); // the layers write their weight gradients there
            net.setInput(input);
            net.feedForward(false, false);
            return backward.run().dup();
        } finally {
            net.clearLayersStates();
            conf.setInferenceWorkspaceMode(inference);
            conf.setTrainingWorkspaceMode(training);
        }
    }
}
