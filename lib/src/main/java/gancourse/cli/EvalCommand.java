package gancourse.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import gancourse.data.Datasets;
import gancourse.data.SampleFiles;
import gancourse.evaluation.Evaluation;
import gancourse.evaluation.Judge;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@code eval --dataset D --samples FILE [--class NAME]}: the Frechet distance of generated samples to the test set (or
 * to one class's test images, for a GAN trained on one class), and what the dataset's classifier says about them.
 */
final class EvalCommand {
    private EvalCommand() {}

    static void run(String[] argv) {
        Args a = new Args(argv, 0, Set.of("dataset", "samples", "class"));
        a.noPositional("eval");
        String dataset = a.text("dataset", null);
        if (dataset == null || !Datasets.NAMES.contains(dataset)) {
            throw new Args.UsageException("--dataset must be one of " + Datasets.NAMES + (dataset == null ? "" : ", got '" + dataset + "'"));
        }
        // The file's header against the dataset's image shape, before the classifier and the test set are loaded.
        SampleFiles.Header header = SampleFiles.header(a.inputFile("samples"));
        String shape = dataset.equals("cifar-10") ? "3x32x32" : "1x28x28";
        if (!header.imageShape().equals(shape)) {
            throw new IllegalArgumentException("the samples file " + header.file() + " holds " + header.imageShape()
                    + " images, but " + dataset + "'s are " + shape + ": give --dataset the dataset they imitate, or "
                    + "--samples a file of " + shape + " images");
        }
        String className = a.text("class", null);
        try {
            // Before reading the samples or loading the classifier: the class names come with the labels file.
            Judge.checkClass(dataset, className, Datasets.load(dataset, "test", 1));
        } catch (IllegalArgumentException e) {
            throw new Args.UsageException("--class: " + e.getMessage());
        }
        INDArray samples = SampleFiles.read(header.file());
        System.out.println(Evaluation.of(dataset, className, samples).summary());
    }
}
