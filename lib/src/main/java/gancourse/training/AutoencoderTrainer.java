package gancourse.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

import org.deeplearning4j.nn.layers.convolution.CnnLossLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Trains an autoencoder to rebuild its input: each iteration is one {@code fit} on a batch whose target is
 * the batch itself. With {@link #noise} it trains a denoising autoencoder: the input is the batch with fresh
 * Gaussian noise, the target the clean batch.
 *
 * <pre>{@code
 * var trainer = new AutoencoderTrainer(net, train.flat()).testOn(test.flat());
 * trainer.train(10, s -> view.update((int) s.iteration(), s.epoch(), s.values()));   // 10 epochs
 * }</pre>
 *
 * <p>The images are given as the network takes them: [n, 784] for a dense network, [n, 1, 28, 28] for a
 * convolutional one. Batch order and noise are functions of (seed, iteration), so a run repeats exactly.
 */
public final class AutoencoderTrainer {
    private final MultiLayerNetwork net;
    private final INDArray images;
    private INDArray test, testInputs;
    private int batchSize = 64;
    private long seed = 42;
    private double noise;
    private long iteration;
    private Batches batches;      // made at the first step, when batch size and seed are final
    private final List<ReconstructionStep> history = new ArrayList<>();

    /** @param images the training images, in [-1, 1], in the shape the network takes */
    public AutoencoderTrainer(MultiLayerNetwork net, INDArray images) {
        this.net = net;
        this.images = images;
        checkShapes(net, images);
    }

    /** Images per iteration (default 64). */
    public AutoencoderTrainer batchSize(int batchSize) {
        notStarted("batchSize");
        if (batchSize < 1) throw new IllegalArgumentException("batchSize must be positive, got " + batchSize);
        if (batchSize > images.size(0)) {
            throw new IllegalArgumentException("only " + images.size(0) + " training images for a batch of " + batchSize
                    + ": use a smaller batch or more data");
        }
        this.batchSize = batchSize;
        return this;
    }

    /** Fixes the batch order and the noise (default 42). */
    public AutoencoderTrainer seed(long seed) {
        notStarted("seed");
        this.seed = seed;
        testInputs = null;
        return this;
    }

    /**
     * Makes it a denoising autoencoder: Gaussian noise of this factor (standard deviation as a share of the pixel
     * range, see {@link Reconstruction#addNoise}) on every input, the clean image as the target. 0 turns it off.
     */
    public AutoencoderTrainer noise(double factor) {
        notStarted("noise");
        if (!(factor >= 0 && factor <= 2)) throw new IllegalArgumentException("noise factor must be in [0, 2], got " + factor);
        this.noise = factor;
        testInputs = null;
        return this;
    }

    /** Measures the test error at the end of every epoch, on these images (the network's input shape). */
    public AutoencoderTrainer testOn(INDArray testImages) {
        checkShapes(net, testImages);
        this.test = testImages;
        this.testInputs = null;
        return this;
    }

    /**
     * Train for this many more epochs. Stops early, cleanly, when the cell is interrupted: the network stays
     * usable, call train again to go on.
     *
     * @return the iterations actually done
     */
    public int train(int epochs) {
        return train(epochs, s -> {});
    }

    /**
     * As {@link #train(int)}, calling {@code listener} after each iteration (e.g. to update a live view). The
     * listener is for this call only: a notebook cell that is run again never updates an old live view.
     */
    public int train(int epochs, Consumer<ReconstructionStep> listener) {
        if (epochs < 0) throw new IllegalArgumentException("epochs must be >= 0, got " + epochs);
        int iterations = epochs * iterationsPerEpoch();
        int done = 0;
        try {
            for (; done < iterations; done++) {
                if (Thread.interrupted()) { // consumed: the next train() call runs
                    stopped();
                    break;
                }
                ReconstructionStep s = step();
                listener.accept(s);
            }
        } catch (ThreadDeath interrupted) {
            // A notebook kernel stops a running cell this way; between two native calls the network is whole.
            stopped();
        }
        return done;
    }

    /** One iteration: one batch, one optimiser step; at the end of an epoch, the test error too. */
    public ReconstructionStep step() {
        if (iterationsPerEpoch() == 0) {
            throw new IllegalStateException("only " + images.size(0) + " training images for a batch of " + batchSize
                    + ": use batchSize(...) with a smaller batch, or more data");
        }
        long t = iteration;
        INDArray clean = batch(t);
        INDArray input = noise > 0 ? Reconstruction.addNoise(clean, noise, seed * 1_000_003L + t) : clean;
        net.fit(new DataSet(input, clean));
        double loss = net.score() / valuesPerLoss(clean);
        if (!Double.isFinite(loss)) {
            throw new ArithmeticException("training stopped at iteration " + (t + 1) + ": the loss became " + loss
                    + ". The network's weights are broken now: build it again, with a smaller learning rate (e.g. half).");
        }
        iteration++;
        boolean endOfEpoch = iteration % iterationsPerEpoch() == 0;
        double testError = endOfEpoch && test != null ? testError() : Double.NaN;
        ReconstructionStep s = new ReconstructionStep(iteration, epochOf(t), loss, testError);
        history.add(s);
        return s;
    }

    /** The mean squared error per pixel on the test images (denoising: from the noisy test inputs to the clean ones). */
    public double testError() {
        if (test == null) throw new IllegalStateException("no test images: call testOn(testImages) first");
        return Reconstruction.error(net, testInputs(), test);
    }

    /**
     * What the network gets for the test images: the images themselves, or with noise for a denoising
     * autoencoder. The noise is drawn once, from the seed, so every epoch (and the PSNR before and after) sees the
     * same noisy images.
     */
    public INDArray testInputs() {
        if (test == null) throw new IllegalStateException("no test images: call testOn(testImages) first");
        if (testInputs == null) testInputs = noise > 0 ? Reconstruction.addNoise(test, noise, seed ^ 0x7E57L) : test;
        return testInputs;
    }

    public int iterationsPerEpoch() {
        return Batches.perEpoch(images.size(0), batchSize);
    }

    public long iteration() {
        return iteration;
    }

    public List<ReconstructionStep> history() {
        return Collections.unmodifiableList(history);
    }

    public MultiLayerNetwork network() {
        return net;
    }

    public double noiseFactor() {
        return noise;
    }

    // DL4J's MSE is a mean over a row's values, so a dense output layer scores the mean per pixel; a CnnLossLayer
    // treats each pixel position as a row and adds them up per image. We report the mean per pixel for both.
    private int valuesPerLoss(INDArray target) {
        return net.getOutputLayer() instanceof CnnLossLayer && target.rank() == 4
                ? (int) (target.size(2) * target.size(3)) : 1;
    }

    // The batch of iteration t: the images are shuffled anew each epoch, from (seed, epoch).
    private INDArray batch(long t) {
        if (batches == null) batches = new Batches(images, batchSize, seed);
        return batches.batch(t);
    }

    private int epochOf(long t) {
        return (int) (t / iterationsPerEpoch());
    }

    private void notStarted(String what) {
        if (iteration > 0) throw new IllegalStateException(what + " cannot change after training started: make a new trainer");
    }

    private void stopped() {
        System.out.println("Training interrupted after iteration " + iteration
                + ". The network is usable; call train(...) again to continue.");
    }

    // One image through the network: a wrong shape fails here, with a message that says what to pass.
    private static void checkShapes(MultiLayerNetwork net, INDArray images) {
        if (images.size(0) < 1) throw new IllegalArgumentException("no images to train on");
        INDArray one = images.get(NDArrayIndex.interval(0, 1));
        INDArray out;
        try {
            out = net.output(one, false);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the network does not take images shaped " + Arrays.toString(images.shape())
                    + ": give a dense network flat images (dataset.flat(), [n, 784]) and a convolutional one "
                    + "dataset.images() ([n, 1, 28, 28]). (" + e.getMessage() + ")", e);
        }
        if (!Arrays.equals(Arrays.copyOfRange(out.shape(), 1, out.rank()), Arrays.copyOfRange(one.shape(), 1, one.rank()))) {
            throw new IllegalArgumentException("an autoencoder's output must have the shape of its input: images "
                    + Arrays.toString(one.shape()) + " come out as " + Arrays.toString(out.shape()));
        }
    }
}
