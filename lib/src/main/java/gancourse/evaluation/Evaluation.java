package gancourse.evaluation;

import java.util.Arrays;
import java.util.List;

import gancourse.data.Datasets;
import gancourse.data.ImageDataset;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Everything {@code ./course eval} reports about a batch of generated images: how good the dataset's classifier
 * is, the Frechet distance of the samples' features to the test set's, and the classifier's verdict on them
 * ({@link SampleScore}). Lesson 06 explains each number.
 *
 * @param classifierAccuracy the classifier's accuracy on the test set: how far to trust its features and verdicts
 * @param frechetDistance between the samples' and the test set's classifier features (0 = the same statistics)
 */
public record Evaluation(String dataset, int samples, double classifierAccuracy, double frechetDistance,
                         SampleScore score, List<String> classNames) {
    /** Below this many samples the Frechet distance is visibly biased upwards (lesson 06 measures it). */
    public static final int RECOMMENDED_SAMPLES = 2000;

    /** Score samples [n, c, h, w] (or rows) in [-1, 1] of one of the course's datasets. */
    public static Evaluation of(String dataset, INDArray samples) {
        if (!Datasets.NAMES.contains(dataset)) {
            throw new IllegalArgumentException("the dataset must be one of " + Datasets.NAMES + ", got '" + dataset + "'");
        }
        ImageDataset test = Datasets.load(dataset, "test");
        long perImage = samples.length() / samples.size(0);
        if (perImage != (long) test.channels() * test.height() * test.width()) {
            throw new IllegalArgumentException("the samples are " + shape(samples) + ", but " + dataset + " images are "
                    + test.channels() + "x" + test.height() + "x" + test.width() + ": check the dataset");
        }
        MultiLayerNetwork classifier = Classifier.forDataset(dataset);
        double accuracy = Classifier.accuracy(classifier, test);
        double fd = FrechetDistance.between(Classifier.features(classifier, samples), Classifier.features(classifier, test.images()));
        SampleScore score = SampleScore.of(Classifier.probabilities(classifier, samples));
        return new Evaluation(dataset, (int) samples.size(0), accuracy, fd, score, test.classNames());
    }

    /** The report, a few lines. */
    public String summary() {
        String note = samples < RECOMMENDED_SAMPLES
                ? String.format(" (from %d samples: with fewer than %,d the distance comes out too high; compare runs only at equal numbers)",
                        samples, RECOMMENDED_SAMPLES)
                : "";
        return String.format("classifier test accuracy on %s: %.2f%%%n"
                        + "Frechet distance to the %s test set: %.2f%s%n"
                        + "  (on the course's own classifier features: comparable between runs of this course, not with the Inception-based FID of papers)%n"
                        + "%s",
                dataset, 100 * classifierAccuracy, dataset, frechetDistance, note, score.summary(classNames));
    }

    private static String shape(INDArray a) {
        return Arrays.toString(a.shape());
    }
}
