package gancourse.models;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A network's outputs for many inputs, in inference mode, a batch at a time: a whole test set, or 4,000 latent
 * vectors through lesson 05's generator, would hold hundreds of megabytes of activations at once (more than
 * Binder's 2 GB leaves after training). Each batch's output is copied into one array and its activations let go.
 */
public final class Outputs {
    /** Inputs per forward pass. */
    public static final int BATCH = 500;

    private Outputs() {}

    /** The network's outputs for these inputs (rows of a matrix, or images [n, c, h, w]). */
    public static INDArray of(MultiLayerNetwork net, INDArray inputs) {
        return ofLayer(net, inputs, net.getnLayers() - 1, BATCH);
    }

    /** The activations of layer {@code layer} (0 is the first) for these inputs, {@code batch} inputs at a time. */
    public static INDArray ofLayer(MultiLayerNetwork net, INDArray inputs, int layer, int batch) {
        if (batch < 1) throw new IllegalArgumentException("batch must be at least 1, got " + batch);
        long n = inputs.size(0);
        if (n == 0) throw new IllegalArgumentException("no inputs: give at least one row");
        INDArray out = null;
        for (long from = 0; from < n; from += batch) {
            long to = Math.min(n, from + batch);
            INDArray part = inputs.get(NDArrayIndex.interval(from, to));
            // output() runs in DL4J's inference workspaces and hands back the last layer's activations alone;
            // feedForwardToLayer keeps every layer's up to the one asked for.
            INDArray a = layer == net.getnLayers() - 1 ? net.output(part, false)
                    : net.feedForwardToLayer(layer, part, false).get(layer + 1);
            if (out == null) {
                long[] shape = a.shape().clone();
                shape[0] = n;
                out = Nd4j.create(a.dataType(), shape);
            }
            out.get(NDArrayIndex.interval(from, to)).assign(a);
        }
        return out;
    }
}
