package gancourse.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import org.deeplearning4j.nn.api.layers.IOutputLayer;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Trains a generator G against a discriminator D, the way lesson 01 does it by hand.
 *
 * <p>Each iteration:
 * <ol>
 *   <li>D step: D's gradients on a real batch (label 1) and a fake batch G(z) (label 0) are added and applied in
 *       one update, as in the PyTorch DCGAN tutorial. With batch norm in D the two batches go through D separately,
 *       so that its statistics never mix real and fake; without, they go through together, which is faster.</li>
 *   <li>G step: D's gradient with respect to its input, at the same fakes, is back-propagated through G; only G
 *       changes. With the non-saturating loss, G is trained toward D saying "real" (label 1).</li>
 * </ol>
 * G must end in an ordinary layer (not an OutputLayer): its loss is whatever D says. D must end in an
 * OutputLayer, whose loss function is the GAN's loss (XENT for the classic GAN, MSE for a least-squares GAN).
 *
 * <p>Everything random (batch order, noise, label noise) is a function of (seed, iteration), so a run repeats
 * exactly, and a run resumed from a checkpoint continues exactly as if it had never stopped.
 */
public final class GanTrainer {

    /** What G minimises. */
    public enum GeneratorLoss {
        /** -log D(G(z)): strong gradients early on, when D easily spots the fakes. The usual choice. */
        NON_SATURATING,
        /** log(1 - D(G(z))): the original minimax game; its gradient vanishes while D wins. For lesson 01's exercise. */
        MINIMAX
    }

    private static final LayerWorkspaceMgr NO_WORKSPACES = LayerWorkspaceMgr.noWorkspaces();

    private final MultiLayerNetwork generator;
    private final MultiLayerNetwork discriminator;
    private final Batches batches;
    private final TrainerSettings settings;
    private final List<GanStep> history = new ArrayList<>();
    private final List<Consumer<GanStep>> listeners = new ArrayList<>();
    private final INDArray fixedNoise;
    private final WeightAverage average; // of G's weights, which draws the samples; null: G draws them
    boolean oneDiscriminatorPass; // real and fake through D together; not with batch norm, which would mix them
    private long iteration;
    private Path checkpointFile;
    private int checkpointEvery;
    private final java.util.Map<String, String> identity = new java.util.TreeMap<>();

    /** What a checkpoint records about the run it belongs to, besides the networks (see {@link #identify}). */
    static final List<String> IDENTITY_KEYS = List.of("model", "dataset", "class", "width");

    /**
     * @param data the real images, as D takes them: [n, features] for a dense D, [n, c, h, w] for a convolutional one
     */
    public GanTrainer(MultiLayerNetwork generator, MultiLayerNetwork discriminator, INDArray data, TrainerSettings settings) {
        if (discriminator.getOutputLayer() == null || !(discriminator.getOutputLayer() instanceof IOutputLayer)) {
            throw new IllegalArgumentException("the discriminator must end in an OutputLayer (e.g. 1 unit, sigmoid, "
                    + "LossFunction.XENT): its loss is the GAN's loss");
        }
        if (generator.getOutputLayer() instanceof IOutputLayer) {
            throw new IllegalArgumentException("the generator must end in an ordinary layer (e.g. a DenseLayer with tanh), "
                    + "not an OutputLayer: its loss comes from the discriminator");
        }
        this.generator = generator;
        this.discriminator = discriminator;
        // The trainer reads D's loss and verdict from its output layer after each gradient computation; with
        // workspaces on, that layer's input would already be freed.
        discriminator.getLayerWiseConfigurations().setTrainingWorkspaceMode(WorkspaceMode.NONE);
        this.batches = new Batches(data, settings.batchSize(), settings.seed());
        this.oneDiscriminatorPass = discriminator.getLayerWiseConfigurations().getConfs().stream()
                .noneMatch(c -> c.getLayer() instanceof BatchNormalization);
        this.settings = settings;
        this.average = settings.generatorAverage() > 0
                ? new WeightAverage(generator, settings.generatorAverage(), settings.noise()) : null;
        this.fixedNoise = settings.noise().sample(settings.fixedNoiseSize(), latentSize(), settings.seed() ^ 0x5EEDL);
        requireImagesLike(data);
    }

    // G's images and the real ones must have the same shape, or D cannot take both: say so now, not in a native op.
    private void requireImagesLike(INDArray data) {
        long[] fake = generator.output(fixedNoise.getRow(0, true), false).shape();
        long[] real = data.shape();
        if (!java.util.Arrays.equals(java.util.Arrays.copyOfRange(fake, 1, fake.length),
                java.util.Arrays.copyOfRange(real, 1, real.length))) {
            throw new IllegalArgumentException("the generator makes images of shape "
                    + java.util.Arrays.toString(java.util.Arrays.copyOfRange(fake, 1, fake.length))
                    + " but the data's are " + java.util.Arrays.toString(java.util.Arrays.copyOfRange(real, 1, real.length))
                    + " (flat rows [n, 784] for a dense discriminator, [n, c, h, w] for a convolutional one)");
        }
    }

    /**
     * Names what this run trains, e.g. ("model", "mnist-gan") and ("dataset", "mnist"): its checkpoints record it,
     * and {@link Checkpoint#requireBelongsTo} refuses to resume one as another model or on other data.
     */
    public GanTrainer identify(String key, String value) {
        if (!IDENTITY_KEYS.contains(key)) throw new IllegalArgumentException("identify: key must be one of " + IDENTITY_KEYS);
        identity.put(key, value);
        return this;
    }

    java.util.Map<String, String> identity() {
        return Collections.unmodifiableMap(identity);
    }

    public GanTrainer(MultiLayerNetwork generator, MultiLayerNetwork discriminator, INDArray data) {
        this(generator, discriminator, data, TrainerSettings.defaults());
    }

    /**
     * Called after every iteration of the next {@link #train} call, e.g. by a live view; that call forgets it when it
     * returns, however it ends. So a cell that makes a new view and trains can be run again (after Stop, or to train
     * more) without the old, finished view still listening.
     */
    public GanTrainer onStep(Consumer<GanStep> listener) {
        listeners.add(java.util.Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /** Write a checkpoint to this file every {@code every} iterations and when training stops. */
    public GanTrainer checkpointTo(Path file, int every) {
        if (every <= 0) throw new IllegalArgumentException("checkpoint interval must be positive, got " + every);
        this.checkpointFile = file;
        this.checkpointEvery = every;
        return this;
    }

    /**
     * Train for this many more iterations. Stops early, cleanly, when the cell is interrupted (the models stay
     * usable: call train again to go on) or when a loss becomes NaN (that step is not applied).
     *
     * @return the iterations actually done
     */
    public int train(int iterations) {
        if (iterations < 0) throw new IllegalArgumentException("iterations must be >= 0, got " + iterations);
        List<Consumer<GanStep>> listening = List.copyOf(listeners);
        listeners.clear();
        int done = 0;
        boolean saved = true; // whether the checkpoint holds the last finished step
        try {
            for (; done < iterations; ) {
                if (Thread.interrupted()) { // consumed: the next train() call runs
                    stopped("interrupted");
                    break;
                }
                GanStep s = step();
                done++;
                saved = checkpointFile == null;
                if (!saved && iteration % checkpointEvery == 0) {
                    saveCheckpoint();
                    saved = true;
                }
                try {
                    for (Consumer<GanStep> l : listening) l.accept(s);
                } catch (RuntimeException | Error listenerFailed) {
                    // After a finished step (e.g. a view that cannot draw): save that step, then report.
                    if (!saved && !(listenerFailed instanceof ThreadDeath)) { // a Stop is saved below
                        saveCheckpoint();
                        saved = true;
                    }
                    throw listenerFailed;
                }
            }
        } catch (ThreadDeath interrupted) {
            // A notebook kernel stops a running cell this way. Between two native calls the networks are whole,
            // so we end the cell normally and keep them usable.
            stopped("interrupted");
        }
        if (!saved) saveCheckpoint(); // the last state, unless the loop has just written it
        return done;
    }

    /** {@link #train(int)} with a listener for this run only. */
    public int train(int iterations, Consumer<GanStep> listener) {
        onStep(listener);
        return train(iterations);
    }

    /** One iteration: a D step, then a G step. */
    public GanStep step() {
        int b = settings.batchSize();
        long t = iteration;
        INDArray real = batches.batch(t);
        INDArray z = settings.noise().sample(b, latentSize(), settings.seed() * 1_000_003L + t);

        // G's forward pass, kept (train mode, inputs not cleared) for its backward pass in the G step.
        generator.setInput(z);
        List<INDArray> activations = generator.feedForward(true, false);
        INDArray fake = activations.get(activations.size() - 1);

        // --- D step: learn to say 1 for real, 0 for fake.
        Random labelRng = new Random(settings.seed() * 31 + t);
        INDArray yReal = labels(b, settings.realLabel(), labelRng);
        INDArray yFake = labels(b, settings.fakeLabel(), labelRng);
        double lossReal, lossFake, dReal, dFake;
        Gradient gD;
        if (oneDiscriminatorPass) {
            // Without batch norm, D treats every example on its own: one pass over real and fake stacked gives the
            // same summed gradient as two passes, with half the calls and one bigger matrix product.
            gD = discriminator.calculateGradients(Nd4j.concat(0, real, fake), Nd4j.concat(0, yReal, yFake), null, null).getFirst();
            INDArray losses = ((IOutputLayer) discriminator.getOutputLayer()).computeScoreForExamples(0, NO_WORKSPACES);
            INDArray verdicts = discriminator.getOutputLayer().activate(false, NO_WORKSPACES);
            lossReal = firstHalfMean(losses, b);
            lossFake = secondHalfMean(losses, b);
            dReal = firstHalfMean(verdicts, b);
            dFake = secondHalfMean(verdicts, b);
        } else {
            Gradient gReal = discriminator.calculateGradients(real, yReal, null, null).getFirst();
            INDArray sum = gReal.gradient().dup(); // the next call reuses the gradient buffer
            lossReal = score(discriminator);
            dReal = verdict(discriminator);
            gD = discriminator.calculateGradients(fake, yFake, null, null).getFirst();
            lossFake = score(discriminator);
            dFake = verdict(discriminator);
            gD.gradient().addi(sum);
        }
        double lossD = lossReal + lossFake; // like the gradient: the sum of both halves
        if (!Double.isFinite(lossD)) {
            throw diverged("discriminator", lossD, t, "This step was not applied, so the models are as they were after iteration " + t);
        }
        apply(discriminator, gD, b);

        // --- G step: push G(z) toward what D (just updated) calls real. D's own gradients are thrown away.
        INDArray target = settings.generatorLoss() == GeneratorLoss.NON_SATURATING
                ? Nd4j.ones(fake.dataType(), b, 1) : Nd4j.zeros(fake.dataType(), b, 1);
        Pair<Gradient, INDArray> throughD = discriminator.calculateGradients(fake, target, null, null);
        double lossG = score(discriminator);
        if (!Double.isFinite(lossG)) {
            throw diverged("generator", lossG, t, "The discriminator's half of this step was applied, the generator's was not");
        }
        INDArray dLossDFake = throughD.getSecond();
        if (settings.generatorLoss() == GeneratorLoss.MINIMAX) {
            // D's loss at label 0 is -log(1 - D); G minimises log(1 - D), so it walks the other way.
            dLossDFake.negi();
            lossG = -lossG;
        }
        Gradient gG = generator.backpropGradient(dLossDFake, NO_WORKSPACES).getFirst();
        apply(generator, gG, b);
        if (average != null) average.update();

        iteration++;
        GanStep s = new GanStep(iteration, batches.epochOf(t), lossD, lossG, dReal, dFake);
        history.add(s);
        return s;
    }

    // One optimiser step, exactly as MultiLayerNetwork.fit would do it (checked in GanTrainerTest).
    private static void apply(MultiLayerNetwork net, Gradient g, int batch) {
        net.getUpdater().update(net, g, net.getIterationCount(), net.getEpochCount(), batch, NO_WORKSPACES);
        net.params().subi(g.gradient());
        net.setIterationCount(net.getIterationCount() + 1);
    }

    // The output layer keeps the input and labels of the last gradient computation: reading the loss and D's
    // verdict from there costs one tiny matrix product instead of a second forward pass through D.
    private static double score(MultiLayerNetwork d) {
        return ((IOutputLayer) d.getOutputLayer()).computeScore(0, true, NO_WORKSPACES);
    }

    private static double firstHalfMean(INDArray column, int b) {
        return column.get(NDArrayIndex.interval(0, b), NDArrayIndex.all()).meanNumber().doubleValue();
    }

    private static double secondHalfMean(INDArray column, int b) {
        return column.get(NDArrayIndex.interval(b, 2L * b), NDArrayIndex.all()).meanNumber().doubleValue();
    }

    private static double verdict(MultiLayerNetwork d) {
        return d.getOutputLayer().activate(false, NO_WORKSPACES).meanNumber().doubleValue();
    }

    // Labels for D, with label noise: a share of them flipped, so that D is never quite sure.
    private INDArray labels(int n, double value, Random rng) {
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            boolean flip = settings.labelFlip() > 0 && rng.nextDouble() < settings.labelFlip();
            y[i] = (float) (flip ? 1 - value : value);
        }
        return Nd4j.create(y, new long[] {n, 1});
    }

    private static ArithmeticException diverged(String who, double loss, long t, String state) {
        return new ArithmeticException("training stopped at iteration " + (t + 1) + ": the " + who + "'s loss became "
                + loss + ". " + state + ". Usually the learning rate is too high for this model: try a smaller one "
                + "(e.g. half), or resume from an earlier checkpoint.");
    }

    private void stopped(String why) {
        System.out.println("Training " + why + " after iteration " + iteration
                + ". The models are usable; call train(...) again to continue.");
    }

    /**
     * Generated images for these latent vectors, in inference mode, by {@link #samplingGenerator()}: the average of
     * G's recent weights if the settings ask for one, else G.
     */
    public INDArray generate(INDArray z) {
        return samplingGenerator().output(z, false);
    }

    /**
     * The network that draws this run's samples: the average of G's weights (settings' generatorAverage), ready to
     * draw, or G itself. Save this one to keep the run's pictures; {@link #generator()} is the one being trained.
     */
    public MultiLayerNetwork samplingGenerator() {
        return average != null ? average.network() : generator;
    }

    /** The average of G's weights, or null when G itself draws. */
    WeightAverage average() {
        return average;
    }

    /** n new images from fresh noise. */
    public INDArray generate(int n, long seed) {
        return generate(settings.noise().sample(n, latentSize(), seed));
    }

    /** The fixed noise batch: the same latent vectors all through training, to watch G learn. */
    public INDArray fixedNoise() {
        return fixedNoise;
    }

    /** G's images for the fixed noise batch, as they are now. */
    public INDArray fixedSamples() {
        return generate(fixedNoise);
    }

    public int latentSize() {
        return (int) generator.layerInputSize(0);
    }

    public long iteration() {
        return iteration;
    }

    public List<GanStep> history() {
        return Collections.unmodifiableList(history);
    }

    public MultiLayerNetwork generator() {
        return generator;
    }

    public MultiLayerNetwork discriminator() {
        return discriminator;
    }

    public TrainerSettings settings() {
        return settings;
    }

    /** Save G, D (with their optimiser state), the iteration, the settings and the history, atomically. */
    public void saveCheckpoint(Path file) {
        try {
            Checkpoint.save(file, this);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the checkpoint " + file + ": " + e.getMessage()
                    + " (the previous checkpoint, if any, is untouched)", e);
        }
    }

    private void saveCheckpoint() {
        saveCheckpoint(checkpointFile);
    }

    /** A trainer that continues exactly where the checkpoint was written. */
    public static GanTrainer resume(Path file, INDArray data) {
        return Checkpoint.load(file, data);
    }

    // For Checkpoint.load: put back what the saved trainer had.
    void restore(long iteration, List<GanStep> history) {
        this.iteration = iteration;
        this.history.clear();
        this.history.addAll(history);
    }
}
