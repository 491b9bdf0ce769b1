package gancourse.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;

import gancourse.Backend;
import gancourse.data.Datasets;
import gancourse.data.ImageDataset;
import gancourse.data.SampleFiles;
import gancourse.display.Gallery;
import gancourse.display.Images;
import gancourse.display.LiveView;
import gancourse.display.Screen;
import gancourse.models.MlpGan;
import gancourse.training.Checkpoint;
import gancourse.training.GanTrainer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/** {@code train MODEL ...}: the lessons' training runs, with progress on the console and samples written to a file. */
final class TrainCommand {
    private TrainCommand() {}

    /** The models {@code train} knows. */
    static final List<String> MODELS = List.of("mnist-gan", "fashion-gan", "autoencoder", "dcgan-cifar10", "dcgan-mnist");

    static void run(String[] args) {
        if (args.length == 0) throw new Args.UsageException("train: which model? (" + String.join(", ", MODELS) + ")");
        switch (args[0]) {
            case "mnist-gan" -> mlpGan("mnist", args);
            case "fashion-gan" -> mlpGan("fashion-mnist", args);
            case "autoencoder" -> AutoencoderCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length));
            case "dcgan-cifar10" -> DcganCommand.cifar(args);
            case "dcgan-mnist" -> DcganCommand.mnist(args);
            default -> throw new Args.UsageException("train: unknown model '" + args[0]
                    + "' (" + String.join(", ", MODELS) + ")");
        }
    }

    /**
     * The iterations lessons 01 (MNIST) and 02 (Fashion-MNIST, its main run) train the recipe for: what fits their
     * budget of at most 5 minutes on a quiet 2-core machine (README, "Quality", has the measured times).
     */
    static int mlpGanIterations(String dataset) {
        return dataset.equals("mnist") ? MlpGan.ITERATIONS_MNIST : MlpGan.ITERATIONS_FASHION;
    }

    /** Lessons 01 and 02: the fully connected GAN's recipe, trained with the library's trainer. */
    private static void mlpGan(String dataset, String[] argv) {
        Args a = new Args(argv, 1, Set.of("iterations", "seed", "samples", "out", "checkpoint"));
        a.noPositional("train " + argv[0]);
        int iterations = a.integer("iterations", mlpGanIterations(dataset), 1, Limits.ITERATIONS);
        int seed = a.integer("seed", 42, 0, Integer.MAX_VALUE);
        int samples = a.integer("samples", 1000, 1, Limits.SAMPLES);
        Path out = a.outputFile("out", Path.of("build", argv[0] + "-samples.idx"));
        Path checkpoint = a.checkpoint("checkpoint");
        Map<String, String> identity = new LinkedHashMap<>();
        identity.put("model", argv[0]);
        identity.put("dataset", dataset);
        boolean resume = checkpoint != null && Files.exists(checkpoint);
        MultiLayerNetwork g = MlpGan.generator(seed), d = MlpGan.discriminator(seed + 1L);
        if (resume) {
            Checkpoint.requireBelongsTo(checkpoint, identity);
            requireTheRecipesNetworks(checkpoint, g, d, argv[0]);
        }

        Backend.threads(1); // small dense networks: faster on one thread (see Backend.threads)
        ImageDataset train = Datasets.load(dataset, "train");
        GanTrainer trainer = resume
                ? GanTrainer.resume(checkpoint, train.flat())
                : new GanTrainer(g, d, train.flat(), MlpGan.settings(seed));
        identity.forEach(trainer::identify);
        if (checkpoint != null) trainer.checkpointTo(checkpoint, 1000);
        train(trainer, iterations, checkpoint);
        INDArray images = trainer.generate(samples, seed + 1_000_000L);
        SampleFiles.writeIdx(images, out);
        Path png = writeGallery(images, out);
        System.out.println("wrote " + samples + " samples to " + out + " and a gallery to " + png);
    }

    /**
     * Refuses a checkpoint whose networks are not the recipe's (written by an earlier version of the course): resumed,
     * it would train the old networks under the new recipe's name.
     */
    static void requireTheRecipesNetworks(Path checkpoint, MultiLayerNetwork g, MultiLayerNetwork d, String recipe) {
        if (!Checkpoint.holdsNetworksLike(checkpoint, g, d)) {
            throw new IllegalArgumentException("the checkpoint " + checkpoint + " holds the networks of an earlier"
                    + " version of the " + recipe + " recipe: give --checkpoint a file of its own for this run (or"
                    + " delete this one to start over)");
        }
    }

    /**
     * Trains the trainer up to {@code iterations} in all, as the lessons do: a run resumed from a checkpoint trains
     * only what is left, so the command that was interrupted, given again, finishes the same run (and a finished
     * run's checkpoint gives its samples again without training).
     */
    static void train(GanTrainer trainer, int iterations, Path checkpoint) {
        int first = (int) trainer.iteration();
        if (first > 0) System.out.println("resumed from " + checkpoint + " at iteration " + first);
        int left = Math.max(0, iterations - first);
        if (left == 0) {
            System.out.printf("the checkpoint is at iteration %d, and --iterations %d asks for no more: nothing to"
                    + " train (give a larger --iterations to train on)%n", first, iterations);
            return;
        }
        LiveView view = new LiveView(Screen.console(), left)
                .chart("Losses", "D loss", "G loss")
                .chart("D outputs", "D(x)", "D(G(z))");
        long start = System.nanoTime();
        double cpuStart = cpuSeconds();
        int done = trainer.train(left, s -> view.update((int) s.iteration() - first, s.epoch(), s.values()));
        if (done > 0) view.finish();
        double seconds = (System.nanoTime() - start) / 1e9;
        // The CPU time too: on a busy machine the wall time says more about the neighbours than about the model.
        System.out.printf("trained %d iterations in %.1f s: %.1f iterations/s (CPU time %.1f s)%n", done, seconds,
                done / seconds, cpuSeconds() - cpuStart);
    }

    private static double cpuSeconds() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1e9 : Double.NaN;
    }

    static Path writeGallery(INDArray images, Path out) {
        Path png = out.resolveSibling(out.getFileName().toString().replaceFirst("\\.[^.]*$", "") + ".png");
        long n = Math.min(64, images.size(0));
        INDArray first = images.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, n));
        Images.savePng(Gallery.of(first).columns(8).image(), png);
        return png;
    }
}
