package gancourse.evaluation;

import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Everything {@code ./course eval} reports about a batch of generated images: how good the dataset's classifier
 * is, the Frechet distance of the samples' features to the test set's, and the classifier's verdict on them
 * ({@link SampleScore}). Lesson 06 explains each number.
 *
 * @param classifierAccuracy the classifier's accuracy on the test set: how far to trust its features and verdicts
 * @param className the class whose test images the samples were compared with, or null for the whole test set
 * @param frechetDistance between the samples' and the test set's classifier features (0 = the same statistics)
 */
public record Evaluation(String dataset, String className, int samples, double classifierAccuracy,
                         double frechetDistance, SampleScore score, List<String> classNames) {
    /** Below this many samples the Frechet distance is visibly biased upwards (lesson 06 measures it). */
    public static final int RECOMMENDED_SAMPLES = 2000;

    /** Score samples [n, c, h, w] (or rows) in [-1, 1] of one of the course's datasets. */
    public static Evaluation of(String dataset, INDArray samples) {
        return Judge.of(dataset, null).evaluate(samples);
    }

    /** Score samples against one class's test images, e.g. a GAN trained on CIFAR-10's horses. */
    public static Evaluation of(String dataset, String className, INDArray samples) {
        return Judge.of(dataset, className).evaluate(samples);
    }

    /** The test images the samples are compared with: the dataset's, or one class's. */
    public String against() {
        return className == null ? dataset + " test set" : "test images of " + dataset + "'s class '" + className + "'";
    }

    /** The share of the samples that the classifier puts confidently in its least drawn class. */
    public double smallestClassShare() {
        return smallestShare(score.histogram());
    }

    /**
     * The share of the samples in the class the classifier names first least often, however unsure it is. Where the
     * classifier is rarely sure of a class even on real images (Fashion-MNIST's shirts: 2.2% of real test images are
     * confident shirts), this is the coverage a real dataset passes and {@link #smallestClassShare} is not.
     */
    public double smallestFirstChoiceShare() {
        return smallestShare(score.predicted());
    }

    private double smallestShare(int[] perClass) {
        return (double) java.util.Arrays.stream(perClass).min().orElse(0) / samples;
    }

    /** The report, a few lines. */
    public String summary() {
        String note = samples < RECOMMENDED_SAMPLES
                ? String.format(" (from %d samples: with fewer than %,d the distance comes out too high; compare runs only at equal numbers)",
                        samples, RECOMMENDED_SAMPLES)
                : "";
        return String.format("classifier test accuracy on %s: %.2f%%%n"
                        + "Frechet distance to the %s: %.2f%s%n"
                        + "  (on the course's own classifier features: comparable between runs of this course, not with the Inception-based FID of papers)%n"
                        + "%s",
                dataset, 100 * classifierAccuracy, against(), frechetDistance, note, score.summary(classNames));
    }

}
