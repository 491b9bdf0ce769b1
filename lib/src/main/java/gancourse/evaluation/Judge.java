package gancourse.evaluation;

import java.util.Arrays;
import java.util.Random;

import gancourse.data.Datasets;
import gancourse.data.ImageDataset;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Scores samples of one dataset, or of one class of it, against its test images: the dataset's classifier and the
 * test images' feature statistics are loaded once, so that many sample sets (seeds, checkpoints) cost one load.
 */
public final class Judge {
    private final String dataset;
    private final String className;
    private final ImageDataset test;
    private final MultiLayerNetwork classifier;
    private final double accuracy;
    private final FrechetDistance.Gaussian testFeatures;

    private Judge(String dataset, String className, ImageDataset test, MultiLayerNetwork classifier) {
        this.dataset = dataset;
        this.className = className;
        this.classifier = classifier;
        this.accuracy = Classifier.accuracy(classifier, test);
        this.test = className == null ? test : test.ofClass(className);
        this.testFeatures = FrechetDistance.Gaussian.of(Classifier.features(classifier, this.test.images()));
    }

    /**
     * @param className compare with this class's test images only, or null for the whole test set
     * @throws IllegalArgumentException for an unknown dataset or class, naming the valid ones
     */
    public static Judge of(String dataset, String className) {
        if (!Datasets.NAMES.contains(dataset)) {
            throw new IllegalArgumentException("the dataset must be one of " + Datasets.NAMES + ", got '" + dataset + "'");
        }
        ImageDataset test = Datasets.load(dataset, "test");
        checkClass(dataset, className, test);
        return new Judge(dataset, className, test, Classifier.forDataset(dataset));
    }

    /** Refuses a class the dataset does not have, listing those it has. */
    public static void checkClass(String dataset, String className, ImageDataset any) {
        if (className != null && !any.classNames().contains(className)) {
            throw new IllegalArgumentException("no class '" + className + "' in " + dataset + "; its classes: "
                    + String.join(", ", any.classNames()));
        }
    }

    /** Samples [n, c, h, w] (or rows) in [-1, 1]. */
    public Evaluation evaluate(INDArray samples) {
        long perImage = samples.length() / samples.size(0);
        if (perImage != (long) test.channels() * test.height() * test.width()) {
            throw new IllegalArgumentException("the samples are " + Arrays.toString(samples.shape()) + ", but " + dataset
                    + " images are " + test.channels() + "x" + test.height() + "x" + test.width() + ": check the dataset");
        }
        double fd = FrechetDistance.between(FrechetDistance.Gaussian.of(Classifier.features(classifier, samples)), testFeatures);
        SampleScore score = SampleScore.of(Classifier.probabilities(classifier, samples));
        return new Evaluation(dataset, className, (int) samples.size(0), accuracy, fd, score, test.classNames());
    }

    /**
     * Real images scored as samples are, the yardstick for a generator. The classifier's verdicts are on n test
     * images (of the class, if one); the Frechet distance is that of n training images, since images drawn from
     * the test set itself would be compared with themselves.
     */
    public Evaluation realImages(int n, long seed) {
        ImageDataset train = Datasets.load(dataset, "train");
        if (className != null) train = train.ofClass(className);
        INDArray fromTrain = train.select(pick(train.size(), n, seed)).images();
        INDArray fromTest = test.select(pick(test.size(), n, seed)).images();
        double fd = FrechetDistance.between(FrechetDistance.Gaussian.of(Classifier.features(classifier, fromTrain)), testFeatures);
        SampleScore score = SampleScore.of(Classifier.probabilities(classifier, fromTest));
        return new Evaluation(dataset, className, (int) fromTest.size(0), accuracy, fd, score, test.classNames());
    }

    // n distinct rows out of size, at random (all of them when there are fewer).
    private static int[] pick(int size, int n, long seed) {
        int[] rows = java.util.stream.IntStream.range(0, size).toArray();
        Random rng = new Random(seed);
        for (int i = size - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = rows[i];
            rows[i] = rows[j];
            rows[j] = t;
        }
        int[] first = Arrays.copyOf(rows, Math.min(n, size));
        Arrays.sort(first);
        return first;
    }
}
