package gancourse.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import gancourse.Backend;
import gancourse.data.Datasets;
import gancourse.data.ImageDataset;
import gancourse.data.SampleFiles;
import gancourse.models.Dcgan;
import gancourse.models.DcganMnist;
import gancourse.training.Checkpoint;
import gancourse.training.GanTrainer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@code train dcgan-cifar10 [--class NAME|all] ...}: lesson 04's DCGAN, on one class of CIFAR-10 by default on a CPU
 * (what a CPU can learn in minutes), on all of it on a GPU; {@code train dcgan-mnist ...}: lesson 05's digit DCGAN.
 * The defaults are the lessons' recipes and budgets.
 */
final class DcganCommand {
    private DcganCommand() {}

    static void cifar(String[] argv) {
        Args a = new Args(argv, 1, Set.of("class", "iterations", "seed", "samples", "out", "checkpoint", "width"));
        a.noPositional("train dcgan-cifar10");
        boolean gpu = Backend.gpu();
        List<String> classes = new ArrayList<>(Datasets.CIFAR_10_CLASSES);
        classes.add("all");
        String className = a.choice("class", gpu ? "all" : Dcgan.CPU_CLASS, classes);
        int iterations = a.integer("iterations", gpu ? -1 : Dcgan.CPU_ITERATIONS, 1, Limits.ITERATIONS);
        int seed = a.integer("seed", 42, 0, Integer.MAX_VALUE);
        int samples = a.integer("samples", 1000, 1, Limits.SAMPLES);
        Path out = a.outputFile("out", Path.of("build", "dcgan-cifar10-samples.bin"));
        Path checkpoint = a.checkpoint("checkpoint");
        // The paper's width 64 on a GPU; 32 on a CPU, a quarter of the arithmetic (as in lesson 04).
        int width = a.integer("width", gpu ? Dcgan.GPU_WIDTH : Dcgan.CPU_WIDTH, 8, 256);
        Map<String, String> identity = new LinkedHashMap<>();
        identity.put("model", "dcgan-cifar10");
        identity.put("dataset", "cifar-10");
        identity.put("class", className);
        boolean resume = checkpoint != null && Files.exists(checkpoint);
        if (resume) {
            // A checkpoint keeps its own width unless one is asked for.
            Map<String, String> expected = new LinkedHashMap<>(identity);
            if (a.has("width")) expected.put("width", Integer.toString(width));
            Checkpoint.requireBelongsTo(checkpoint, expected);
            int saved = Integer.parseInt(Checkpoint.identity(checkpoint).getOrDefault("width", "" + width));
            TrainCommand.requireTheRecipesNetworks(checkpoint,
                    Dcgan.generator(Dcgan.LATENT, saved, Dcgan.LEARNING_RATE, seed),
                    Dcgan.discriminator(saved, Dcgan.LEARNING_RATE, seed + 1L), "dcgan-cifar10");
        }

        ImageDataset train = Datasets.load("cifar-10", "train");
        if (!className.equals("all")) train = train.ofClass(className);
        // On a GPU the default is the lesson's number of epochs over whatever was chosen.
        if (iterations < 0) iterations = Dcgan.GPU_EPOCHS * (int) Math.ceil(train.size() / (double) Dcgan.BATCH);
        System.out.println("device: " + Backend.device());
        System.out.println("data: " + train);
        INDArray data = train.images();
        GanTrainer trainer = resume
                ? GanTrainer.resume(checkpoint, data)
                : new GanTrainer(Dcgan.generator(Dcgan.LATENT, width, Dcgan.LEARNING_RATE, seed),
                        Dcgan.discriminator(width, Dcgan.LEARNING_RATE, seed + 1L), data,
                        Dcgan.settings(seed).withBatchSize(Math.min(Dcgan.BATCH, train.size())))
                        .identify("width", Integer.toString(width));
        identity.forEach(trainer::identify);
        trainAndWrite(trainer, iterations, checkpoint, samples, seed, out, true);
    }

    static void mnist(String[] argv) {
        Args a = new Args(argv, 1, Set.of("iterations", "seed", "samples", "out", "checkpoint"));
        a.noPositional("train dcgan-mnist");
        int iterations = a.integer("iterations", DcganMnist.ITERATIONS, 1, Limits.ITERATIONS);
        int seed = a.integer("seed", 42, 0, Integer.MAX_VALUE);
        int samples = a.integer("samples", 1000, 1, Limits.SAMPLES);
        Path out = a.outputFile("out", Path.of("build", "dcgan-mnist-samples.idx"));
        Path checkpoint = a.checkpoint("checkpoint");
        Map<String, String> identity = Map.of("model", "dcgan-mnist", "dataset", "mnist");
        boolean resume = checkpoint != null && Files.exists(checkpoint);
        MultiLayerNetwork g = DcganMnist.generator(seed), d = DcganMnist.discriminator(seed + 1L);
        if (resume) {
            Checkpoint.requireBelongsTo(checkpoint, identity);
            TrainCommand.requireTheRecipesNetworks(checkpoint, g, d, "dcgan-mnist");
        }

        INDArray data = Datasets.load("mnist", "train").images();
        GanTrainer trainer = resume
                ? GanTrainer.resume(checkpoint, data)
                : new GanTrainer(g, d, data, DcganMnist.settings(seed));
        identity.forEach(trainer::identify);
        trainAndWrite(trainer, iterations, checkpoint, samples, seed, out, false);
    }

    private static void trainAndWrite(GanTrainer trainer, int iterations, Path checkpoint, int samples, int seed,
                                      Path out, boolean cifar) {
        if (checkpoint != null) trainer.checkpointTo(checkpoint, 500);
        Backend.threads(Runtime.getRuntime().availableProcessors()); // convolutions use every core
        TrainCommand.train(trainer, iterations, checkpoint);
        INDArray images = trainer.generate(samples, seed + 1_000_000L);
        if (cifar) SampleFiles.writeCifar(images, out);
        else SampleFiles.writeIdx(images, out);
        Path png = TrainCommand.writeGallery(images, out);
        System.out.println("wrote " + samples + " samples to " + out + (cifar ? " (CIFAR-10 records, label 0)" : "")
                + " and a gallery to " + png);
    }
}
