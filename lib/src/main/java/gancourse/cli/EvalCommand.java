package gancourse.cli;

import java.util.Set;

import gancourse.data.Datasets;
import gancourse.data.SampleFiles;
import gancourse.evaluation.Evaluation;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@code eval --dataset D --samples FILE}: the Frechet distance of generated samples to the test set, and what the
 * dataset's classifier says about them.
 */
final class EvalCommand {
    private EvalCommand() {}

    static void run(String[] argv) {
        Args a = new Args(argv, 0, Set.of("dataset", "samples"));
        String dataset = a.text("dataset", null);
        if (dataset == null || !Datasets.NAMES.contains(dataset)) {
            throw new Args.UsageException("--dataset must be one of " + Datasets.NAMES + (dataset == null ? "" : ", got '" + dataset + "'"));
        }
        INDArray samples = SampleFiles.read(a.requiredPath("samples"));
        System.out.println(Evaluation.of(dataset, samples).summary());
    }
}
