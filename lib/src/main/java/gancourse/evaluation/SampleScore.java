package gancourse.evaluation;

import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a classifier says about a batch of generated images.
 *
 * @param samples how many images were judged
 * @param confidentShare the share the classifier puts in one class with probability above {@link #CONFIDENT}:
 *                       a rough "a person would read this" rate
 * @param classesCovered classes that receive at least 1% of the samples confidently: fewer than all of them is
 *                       mode collapse
 * @param histogram confident samples per class
 * @param predicted all samples per class they look most like (the classifier's first choice, however unsure):
 *                  the coverage of a generator whose samples no class claims with confidence
 * @param classifierScore exp(E[KL(p(y|x) || p(y))]), in the spirit of the Inception score: 1 (all alike or all
 *                        unsure) to the number of classes (every image sure, classes even). Not comparable with
 *                        Inception scores in papers, which use another network.
 */
public record SampleScore(int samples, double confidentShare, int classesCovered, int[] histogram, int[] predicted,
                          double classifierScore) {
    public static final double CONFIDENT = 0.9;

    /** Score class probabilities [n, classes] from {@link Classifier#probabilities}. */
    public static SampleScore of(INDArray probabilities) {
        int n = (int) probabilities.size(0);
        int k = (int) probabilities.size(1);
        float[][] p = probabilities.toFloatMatrix();
        int[] histogram = new int[k];
        int[] predicted = new int[k];
        int confident = 0;
        double[] marginal = new double[k];
        for (float[] row : p) {
            int best = 0;
            for (int c = 0; c < k; c++) {
                marginal[c] += row[c] / n;
                if (row[c] > row[best]) best = c;
            }
            predicted[best]++;
            if (row[best] > CONFIDENT) {
                confident++;
                histogram[best]++;
            }
        }
        int covered = 0;
        for (int count : histogram) if (count >= Math.max(1, 0.01 * n)) covered++;
        double kl = 0;
        for (float[] row : p) {
            for (int c = 0; c < k; c++) {
                if (row[c] > 0) kl += row[c] * (Math.log(row[c]) - Math.log(Math.max(marginal[c], 1e-12))) / n;
            }
        }
        return new SampleScore(n, (double) confident / n, covered, histogram, predicted, Math.exp(kl));
    }

    /** Three lines for the command line and the closing notes: the shares, then both class histograms. */
    public String summary(List<String> classNames) {
        return String.format("%d samples: %.1f%% classified with confidence > %.1f, %d of %d classes covered, "
                        + "classifier score %.2f%nclass histogram (confident samples): %s%n"
                        + "class histogram (first choice, however unsure): %s",
                samples, 100 * confidentShare, CONFIDENT, classesCovered, histogram.length, classifierScore,
                counts(histogram, classNames), counts(predicted, classNames));
    }

    private static String counts(int[] perClass, List<String> classNames) {
        StringBuilder h = new StringBuilder();
        for (int c = 0; c < perClass.length; c++) {
            h.append(c == 0 ? "" : ", ").append(classNames.get(c)).append(": ").append(perClass[c]);
        }
        return h.toString();
    }
}
