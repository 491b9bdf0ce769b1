package gancourse.cli;

import java.util.Set;

import gancourse.data.Datasets;
import gancourse.data.SampleFiles;
import gancourse.evaluation.Classifier;
import gancourse.evaluation.SampleScore;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/** {@code eval --dataset D --samples FILE}: what the dataset's classifier says about generated samples. */
final class EvalCommand {
    private EvalCommand() {}

    static void run(String[] argv) {
        Args a = new Args(argv, 0, Set.of("dataset", "samples"));
        String dataset = a.text("dataset", null);
        if (dataset == null || !Datasets.NAMES.contains(dataset)) {
            throw new Args.UsageException("--dataset must be one of " + Datasets.NAMES + (dataset == null ? "" : ", got '" + dataset + "'"));
        }
        INDArray samples = SampleFiles.read(a.requiredPath("samples"));
        MultiLayerNetwork classifier = Classifier.forDataset(dataset);
        var test = Datasets.load(dataset, "test");
        if (samples.size(1) != test.channels() || samples.size(2) != test.height()) {
            throw new IllegalArgumentException("the samples are " + samples.size(1) + "x" + samples.size(2) + "x"
                    + samples.size(3) + " images, but " + dataset + " has " + test.channels() + "x" + test.height()
                    + "x" + test.width() + ": check --dataset");
        }
        System.out.printf("classifier test accuracy on %s: %.2f%%%n", dataset, 100 * Classifier.accuracy(classifier, test));
        SampleScore score = SampleScore.of(Classifier.probabilities(classifier, samples));
        System.out.println(score.summary(test.classNames()));
    }
}
