package gancourse.training;

import java.util.List;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * An exponential moving average of a network's weights, for sampling: after every training step,
 * average = decay * average + (1 - decay) * weights.
 *
 * <p>Why: a GAN's generator never settles. Each step moves it toward wherever D is weakest now, so its pictures
 * swing from one iteration to the next. The average of its recent weights sits in the middle of that orbit and
 * draws cleaner images (Yazici et al. 2019, "The Unusual Effectiveness of Averaging in GAN Training"; ProGAN,
 * StyleGAN and BigGAN sample from such an average). Training itself never uses it.
 *
 * <p>Batch norm: a network's running statistics belong to the weights that produced them, not to their
 * average. Before the average draws, its statistics are measured anew on a large batch of noise (with the live
 * network's statistics, the average's digits collapsed onto 1s: measured on lesson 01's recipe).
 *
 * <p>The average starts at zero and is divided by 1 - decay^t (as Adam does with its moments), so after t steps
 * it is a true weighted mean of the weights seen, with none of the untrained start left in it.
 */
public final class WeightAverage {
    /** How many latent vectors measure the averaged network's batch-norm statistics. */
    static final int STATISTICS_BATCH = 1024;

    private final MultiLayerNetwork live;
    private final MultiLayerNetwork average;
    private final INDArray sum;
    private final double decay;
    private final Noise noise;
    private long steps;
    private boolean current; // whether `average` holds sum's latest mean, with its statistics measured

    /**
     * @param live the network being trained
     * @param decay how much of the average each step keeps, in (0, 1): 0.999 averages over about the last
     *              thousand steps
     */
    public WeightAverage(MultiLayerNetwork live, double decay, Noise noise) {
        if (!(decay > 0 && decay < 1)) throw new IllegalArgumentException("decay must be in (0, 1), got " + decay);
        this.live = live;
        this.decay = decay;
        this.noise = noise;
        this.average = live.clone();
        this.sum = live.params().mul(0);
    }

    /** With normal noise, as the course's generators are trained. */
    public WeightAverage(MultiLayerNetwork live, double decay) {
        this(live, decay, Noise.NORMAL);
    }

    /** Call after each training step: takes the network's weights into the average. */
    public void update() {
        // In place (a scaled add): the dense generator has 1.5 million weights, a fresh array a step is 6 MB.
        sum.muli(decay);
        Nd4j.getBlasWrapper().level1().axpy(sum.length(), 1 - decay, live.params(), sum);
        steps++;
        current = false;
    }

    /** The averaged network, ready to draw (inference mode): e.g. {@code average.network().output(z)}. */
    public MultiLayerNetwork network() {
        if (!current) {
            if (steps == 0) average.params().assign(live.params());
            else average.params().assign(sum.div(1 - Math.pow(decay, steps)));
            measureStatistics(average, noise.sample(STATISTICS_BATCH, (int) average.layerInputSize(0), steps));
            current = true;
        }
        return average;
    }

    /** The averaged network's output for these inputs, in inference mode. */
    public INDArray output(INDArray input) {
        return network().output(input, false);
    }

    public long steps() {
        return steps;
    }

    /** The running sum (for checkpoints): with {@link #steps()} it is the whole state. */
    INDArray sum() {
        return sum;
    }

    /** Put back a saved state (from a checkpoint). */
    void restore(INDArray savedSum, long savedSteps) {
        if (savedSum.length() != sum.length()) {
            throw new IllegalArgumentException("the saved average has " + savedSum.length()
                    + " weights, the network " + sum.length());
        }
        sum.assign(savedSum);
        steps = savedSteps;
        current = false;
    }

    /**
     * Sets every batch-norm layer's running mean and variance to those of its inputs on this batch, as the network
     * computes them in training mode. Per feature for dense inputs [n, f], per channel for maps [n, c, h, w].
     */
    static void measureStatistics(MultiLayerNetwork net, INDArray batch) {
        Layer[] layers = net.getLayers();
        boolean any = false;
        for (Layer l : layers) any |= l instanceof BatchNormalization;
        if (!any) return;
        net.setInput(batch);
        List<INDArray> activations = net.feedForward(true, false); // [input, output of layer 0, ...]
        for (int i = 0; i < layers.length; i++) {
            if (!(layers[i] instanceof BatchNormalization bn)) continue;
            if (net.getLayerWiseConfigurations().getInputPreProcess(i) != null) {
                throw new IllegalStateException("layer " + i + ": batch norm after an input preprocessor is not "
                        + "supported by WeightAverage");
            }
            INDArray x = activations.get(i);
            int[] over = x.rank() == 4 ? new int[] {0, 2, 3} : new int[] {0};
            INDArray mean = x.mean(over);
            INDArray variance = x.var(false, over);
            double eps = ((org.deeplearning4j.nn.conf.layers.BatchNormalization) bn.conf().getLayer()).getEps();
            // The layer's parameters are views into the network's one weight vector: assign, do not replace.
            bn.getParam("mean").assign(mean.reshape(bn.getParam("mean").shape()));
            if (bn.paramTable().containsKey("log10stdev")) { // DL4J's default: log10 of sqrt(variance + eps)
                INDArray log10 = Transforms.log(Transforms.sqrt(variance.add(eps), false), 10.0, false);
                bn.getParam("log10stdev").assign(log10.reshape(bn.getParam("log10stdev").shape()));
            } else {
                bn.getParam("var").assign(variance.reshape(bn.getParam("var").shape()));
            }
        }
        net.clear();
    }
}
