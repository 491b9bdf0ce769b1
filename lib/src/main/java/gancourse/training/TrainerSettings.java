package gancourse.training;

/**
 * The knobs of a GAN training run that are not part of the networks.
 *
 * @param batchSize real (and fake) images per iteration
 * @param seed fixes batch order, noise and label noise: the same seed repeats the run
 * @param noise the distribution of z
 * @param realLabel D's target for real images: 1, or e.g. 0.9 for one-sided label smoothing
 * @param fakeLabel D's target for fakes: 0
 * @param labelFlip the share of D's labels flipped at random (label noise), 0 for none
 * @param generatorLoss non-saturating (the usual) or the original minimax
 * @param fixedNoiseSize how many fixed latent vectors to watch during training
 * @param generatorAverage the decay of an average of G's weights that draws the samples (see {@link WeightAverage}),
 *                         e.g. 0.998; 0 for none: G itself draws
 */
public record TrainerSettings(int batchSize, long seed, Noise noise, double realLabel, double fakeLabel,
                              double labelFlip, GanTrainer.GeneratorLoss generatorLoss, int fixedNoiseSize,
                              double generatorAverage) {

    public TrainerSettings {
        if (batchSize <= 0) throw new IllegalArgumentException("batchSize must be positive, got " + batchSize);
        if (realLabel < 0 || realLabel > 1 || fakeLabel < 0 || fakeLabel > 1) {
            throw new IllegalArgumentException("labels are probabilities in [0, 1], got real=" + realLabel + " fake=" + fakeLabel);
        }
        if (labelFlip < 0 || labelFlip >= 0.5) {
            throw new IllegalArgumentException("labelFlip is a small share in [0, 0.5), got " + labelFlip);
        }
        if (fixedNoiseSize <= 0) throw new IllegalArgumentException("fixedNoiseSize must be positive, got " + fixedNoiseSize);
        if (!(generatorAverage >= 0 && generatorAverage < 1)) {
            throw new IllegalArgumentException("generatorAverage is a decay in [0, 1) (0: no average), got " + generatorAverage);
        }
    }

    /** The same settings, as they were before the average of G existed (the lessons' exercises build them). */
    public TrainerSettings(int batchSize, long seed, Noise noise, double realLabel, double fakeLabel,
                           double labelFlip, GanTrainer.GeneratorLoss generatorLoss, int fixedNoiseSize) {
        this(batchSize, seed, noise, realLabel, fakeLabel, labelFlip, generatorLoss, fixedNoiseSize, 0);
    }

    /**
     * Batch 64, seed 42, normal noise, labels 1 and 0, no label noise, non-saturating loss, 64 fixed vectors, G itself
     * draws (no average).
     */
    public static TrainerSettings defaults() {
        return new TrainerSettings(64, 42, Noise.NORMAL, 1.0, 0.0, 0.0, GanTrainer.GeneratorLoss.NON_SATURATING, 64, 0);
    }

    public TrainerSettings withBatchSize(int v) {
        return new TrainerSettings(v, seed, noise, realLabel, fakeLabel, labelFlip, generatorLoss, fixedNoiseSize, generatorAverage);
    }

    public TrainerSettings withSeed(long v) {
        return new TrainerSettings(batchSize, v, noise, realLabel, fakeLabel, labelFlip, generatorLoss, fixedNoiseSize, generatorAverage);
    }

    public TrainerSettings withNoise(Noise v) {
        return new TrainerSettings(batchSize, seed, v, realLabel, fakeLabel, labelFlip, generatorLoss, fixedNoiseSize, generatorAverage);
    }

    /** One-sided label smoothing: D aims at this value (e.g. 0.9) for real images. */
    public TrainerSettings withRealLabel(double v) {
        return new TrainerSettings(batchSize, seed, noise, v, fakeLabel, labelFlip, generatorLoss, fixedNoiseSize, generatorAverage);
    }

    public TrainerSettings withLabelFlip(double v) {
        return new TrainerSettings(batchSize, seed, noise, realLabel, fakeLabel, v, generatorLoss, fixedNoiseSize, generatorAverage);
    }

    public TrainerSettings withGeneratorLoss(GanTrainer.GeneratorLoss v) {
        return new TrainerSettings(batchSize, seed, noise, realLabel, fakeLabel, labelFlip, v, fixedNoiseSize, generatorAverage);
    }

    public TrainerSettings withFixedNoiseSize(int v) {
        return new TrainerSettings(batchSize, seed, noise, realLabel, fakeLabel, labelFlip, generatorLoss, v, generatorAverage);
    }

    /** Draw samples from an average of G's weights with this decay (e.g. 0.998); 0 for G itself. */
    public TrainerSettings withGeneratorAverage(double v) {
        return new TrainerSettings(batchSize, seed, noise, realLabel, fakeLabel, labelFlip, generatorLoss, fixedNoiseSize, v);
    }
}
