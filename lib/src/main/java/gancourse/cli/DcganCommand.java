package gancourse.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import gancourse.Backend;
import gancourse.data.Datasets;
import gancourse.data.ImageDataset;
import gancourse.data.SampleFiles;
import gancourse.models.Dcgan;
import gancourse.models.DcganMnist;
import gancourse.training.GanTrainer;
import gancourse.training.TrainerSettings;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The convolutional GANs from the command line, each with its lesson's recipe and budget as defaults:
 * <ul>
 *   <li>{@code train dcgan-cifar10 [--class NAME|all] [--iterations N] [--seed S] [--samples K] [--out FILE]
 *       [--width W] [--checkpoint FILE]}: lesson 04's DCGAN. On a CPU one class ({@value Dcgan#CPU_CLASS}) for
 *       {@value Dcgan#CPU_ITERATIONS} iterations; on a GPU all ten classes for {@value Dcgan#GPU_EPOCHS} epochs.</li>
 *   <li>{@code train dcgan-mnist [--iterations N] [--seed S] [--samples K] [--out FILE] [--checkpoint FILE]}:
 *       lesson 05's digit DCGAN, {@value DcganMnist#ITERATIONS} iterations.</li>
 * </ul>
 */
final class DcganCommand {
    private DcganCommand() {}

    static void cifar(String[] argv) {
        Args a = new Args(argv, 1, Set.of("class", "iterations", "seed", "samples", "out", "checkpoint", "width"));
        boolean gpu = Backend.gpu();
        String className = a.text("class", gpu ? "all" : Dcgan.CPU_CLASS);
        int seed = a.integer("seed", 42, 0);
        int samples = a.integer("samples", 1000, 1);
        Path out = a.path("out", Path.of("build", "dcgan-cifar10-samples.bin"));
        Path checkpoint = a.path("checkpoint", null);
        int width = a.integer("width", gpu ? Dcgan.GPU_WIDTH : Dcgan.CPU_WIDTH, 1);

        ImageDataset train = Datasets.load("cifar-10", "train");
        if (!className.equals("all")) {
            if (!train.classNames().contains(className)) {
                throw new Args.UsageException("--class: no class '" + className + "' in CIFAR-10; classes: "
                        + train.classNames() + ", or all");
            }
            train = train.ofClass(className);
        }
        int perEpoch = (int) Math.ceil(train.size() / (double) Dcgan.BATCH);
        int iterations = a.integer("iterations", gpu ? Dcgan.GPU_EPOCHS * perEpoch : Dcgan.CPU_ITERATIONS, 0);
        System.out.println("device: " + Backend.device());
        System.out.println("data: " + train);
        INDArray data = train.images();
        GanTrainer trainer = checkpoint != null && Files.exists(checkpoint)
                ? GanTrainer.resume(checkpoint, data)
                : new GanTrainer(Dcgan.generator(Dcgan.LATENT, width, Dcgan.LEARNING_RATE, seed),
                        Dcgan.discriminator(width, Dcgan.LEARNING_RATE, seed + 1L), data,
                        Dcgan.settings(seed).withBatchSize(Math.min(Dcgan.BATCH, train.size())));
        trainAndWrite(trainer, iterations, checkpoint, samples, seed, out, true);
    }

    static void mnist(String[] argv) {
        Args a = new Args(argv, 1, Set.of("iterations", "seed", "samples", "out", "checkpoint"));
        int iterations = a.integer("iterations", DcganMnist.ITERATIONS, 0);
        int seed = a.integer("seed", 42, 0);
        int samples = a.integer("samples", 1000, 1);
        Path out = a.path("out", Path.of("build", "dcgan-mnist-samples.idx"));
        Path checkpoint = a.path("checkpoint", null);

        INDArray data = Datasets.load("mnist", "train").images();
        GanTrainer trainer = checkpoint != null && Files.exists(checkpoint)
                ? GanTrainer.resume(checkpoint, data)
                : new GanTrainer(DcganMnist.generator(seed), DcganMnist.discriminator(seed + 1L), data,
                        DcganMnist.settings(seed));
        trainAndWrite(trainer, iterations, checkpoint, samples, seed, out, false);
    }

    private static void trainAndWrite(GanTrainer trainer, int iterations, Path checkpoint, int samples, int seed,
                                      Path out, boolean cifar) {
        if (trainer.iteration() > 0) System.out.println("resumed from " + checkpoint + " at iteration " + trainer.iteration());
        if (checkpoint != null) trainer.checkpointTo(checkpoint, 500);
        Backend.threads(Runtime.getRuntime().availableProcessors()); // convolutions use every core
        TrainCommand.train(trainer, iterations);
        INDArray images = trainer.generate(samples, seed + 1_000_000L);
        if (cifar) SampleFiles.writeCifar(images, out);
        else SampleFiles.writeIdx(images, out);
        Path png = TrainCommand.writeGallery(images, out);
        System.out.println("wrote " + samples + " samples to " + out + (cifar ? " (CIFAR-10 records, label 0)" : "")
                + " and a gallery to " + png);
    }
}
