package gancourse.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import gancourse.Backend;
import gancourse.data.Datasets;
import gancourse.data.ImageDataset;
import gancourse.data.SampleFiles;
import gancourse.models.Dcgan;
import gancourse.training.Checkpoint;
import gancourse.training.GanTrainer;
import gancourse.training.TrainerSettings;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@code train dcgan-cifar10 [--class NAME] --iterations N --seed S --samples K --out FILE [--width W] [--checkpoint FILE]}:
 * lesson 04's DCGAN on all of CIFAR-10, or on one class of it (what a CPU can learn in minutes).
 */
final class DcganCommand {
    private DcganCommand() {}

    static void run(String[] argv) {
        Args a = new Args(argv, 0, Set.of("class", "iterations", "seed", "samples", "out", "checkpoint", "width"));
        a.noPositional("train dcgan-cifar10");
        String className = a.choice("class", null, Datasets.CIFAR_10_CLASSES);
        int iterations = a.integer("iterations", 1500, 1, Limits.ITERATIONS);
        int seed = a.integer("seed", 42, 0, Integer.MAX_VALUE);
        int samples = a.integer("samples", 1000, 1, Limits.SAMPLES);
        Path out = a.outputFile("out", Path.of("build", "dcgan-cifar10-samples.bin"));
        Path checkpoint = a.checkpoint("checkpoint");
        // The paper's width 64 on a GPU; 32 on a CPU, a quarter of the arithmetic (as in lesson 04).
        int width = a.integer("width", Backend.gpu() ? 64 : 32, 8, 256);
        Map<String, String> identity = new LinkedHashMap<>();
        identity.put("model", "dcgan-cifar10");
        identity.put("dataset", "cifar-10");
        identity.put("class", className == null ? "all" : className);
        boolean resume = checkpoint != null && Files.exists(checkpoint);
        if (resume) {
            // A checkpoint keeps its own width unless one is asked for.
            Map<String, String> expected = new LinkedHashMap<>(identity);
            if (a.has("width")) expected.put("width", Integer.toString(width));
            Checkpoint.requireBelongsTo(checkpoint, expected);
        }

        System.out.println("device: " + Backend.device());
        ImageDataset train = Datasets.load("cifar-10", "train");
        if (className != null) train = train.ofClass(className);
        System.out.println("data: " + train);
        INDArray data = train.images();
        GanTrainer trainer = resume
                ? GanTrainer.resume(checkpoint, data)
                : new GanTrainer(Dcgan.generator(Dcgan.LATENT, width, Dcgan.LEARNING_RATE, seed),
                        Dcgan.discriminator(width, Dcgan.LEARNING_RATE, seed + 1L), data,
                        TrainerSettings.defaults().withSeed(seed).withBatchSize(Math.min(64, train.size())))
                        .identify("width", Integer.toString(width));
        identity.forEach(trainer::identify);
        if (trainer.iteration() > 0) System.out.println("resumed from " + checkpoint + " at iteration " + trainer.iteration());
        if (checkpoint != null) trainer.checkpointTo(checkpoint, 500);

        TrainCommand.train(trainer, iterations);
        INDArray images = trainer.generate(samples, seed + 1_000_000L);
        SampleFiles.writeCifar(images, out);
        Path png = TrainCommand.writeGallery(images, out);
        System.out.println("wrote " + samples + " samples to " + out + " (CIFAR-10 records, label 0) and a gallery to " + png);
    }
}
