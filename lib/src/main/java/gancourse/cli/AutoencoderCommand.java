package gancourse.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

import gancourse.data.Datasets;
import gancourse.data.ImageDataset;
import gancourse.display.Images;
import gancourse.display.LiveView;
import gancourse.display.Screen;
import gancourse.models.Autoencoders;
import gancourse.models.Autoencoders.Up;
import gancourse.training.AutoencoderTrainer;
import gancourse.training.Checkpoint;
import gancourse.training.Reconstruction;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * {@code train autoencoder --kind dense|conv|denoising ...}: lesson 03's autoencoders on MNIST, with progress and
 * the test-set error on the console, and galleries of test reconstructions written to a folder.
 */
final class AutoencoderCommand {
    static final String USAGE = "./course train autoencoder --kind dense|conv|denoising [--epochs N] [--out DIR] [--seed S]"
            + " [--up resize|transposed3|transposed4] [--noise F]";
    // The lesson's choices: a 32-number code, 8 then 16 filters, an upsampling decoder, noise factor 0.5.
    private static final int SHOWN = 16; // test digits in each gallery

    private AutoencoderCommand() {}

    /** The arguments after {@code train autoencoder}. */
    static void run(String[] argv) {
        Args a = new Args(argv, 0, Set.of("kind", "epochs", "out", "seed", "up", "noise"));
        if (!a.positional().isEmpty()) {
            throw new Args.UsageException("train autoencoder: unexpected '" + a.positional().get(0) + "'; usage: " + USAGE);
        }
        String kind = a.text("kind", null);
        if (kind == null || !Set.of("dense", "conv", "denoising").contains(kind)) {
            throw new Args.UsageException("train autoencoder: --kind must be dense, conv or denoising"
                    + (kind == null ? "" : ", got '" + kind + "'") + "; usage: " + USAGE);
        }
        int epochs = a.integer("epochs", kind.equals("dense") ? 5 : 2, 1, 1000);
        int seed = a.integer("seed", 42, 0, Integer.MAX_VALUE);
        Path out = a.outputFolder("out", Path.of("build", "autoencoder-" + kind));
        Up up = up(a.text("up", "resize"));
        double noise = kind.equals("denoising") ? factor(a.text("noise", "0.5")) : 0;
        if (kind.equals("dense") && a.text("up", null) != null) {
            throw new Args.UsageException("--up is for --kind conv or denoising: a dense autoencoder has no convolutions");
        }
        if (!kind.equals("denoising") && a.text("noise", null) != null) {
            throw new Args.UsageException("--noise is for --kind denoising");
        }

        ImageDataset train = Datasets.load("mnist", "train");
        ImageDataset test = Datasets.load("mnist", "test");
        boolean dense = kind.equals("dense");
        MultiLayerNetwork net = dense ? Autoencoders.dense(784, 32, new int[0], seed) : Autoencoders.conv(8, 32, up, seed);
        INDArray trainImages = dense ? train.flat() : train.images();
        INDArray testImages = dense ? test.flat() : test.images();
        System.out.printf(Locale.ROOT, "%s autoencoder%s: %,d parameters, code of %d numbers (%.1fx fewer than 784 pixels)%s%n",
                kind, dense ? "" : " (" + up.name().toLowerCase(Locale.ROOT) + " decoder)", net.numParams(),
                Autoencoders.codeSize(net), 784.0 / Autoencoders.codeSize(net),
                noise > 0 ? String.format(Locale.ROOT, ", noise factor %.2f", noise) : "");

        AutoencoderTrainer trainer = new AutoencoderTrainer(net, trainImages).seed(seed).noise(noise).testOn(testImages);
        INDArray shownClean = testImages.get(NDArrayIndex.interval(0, SHOWN));
        INDArray shownInput = trainer.testInputs().get(NDArrayIndex.interval(0, SHOWN));
        LiveView view = new LiveView(Screen.console(), epochs * trainer.iterationsPerEpoch())
                .chart("Reconstruction error", "train MSE", "test MSE");
        long start = System.nanoTime();
        trainer.train(epochs, s -> {
            view.update((int) s.iteration(), s.epoch(), s.values());
            if (s.tested()) {
                Path png = out.resolve(String.format(Locale.ROOT, "reconstructions-epoch-%02d.png", s.epoch() + 1));
                Images.savePng(gallery(net, shownInput, shownClean, noise > 0), png);
            }
        });
        view.finish();
        double seconds = (System.nanoTime() - start) / 1e9;

        double mse = trainer.testError();
        System.out.printf(Locale.ROOT, "trained %d epoch%s in %.0f s%n", epochs, epochs == 1 ? "" : "s", seconds);
        System.out.printf(Locale.ROOT, "test-set MSE per pixel (pixels in [-1, 1]): %.4f, PSNR %.2f dB, on %,d images%n",
                mse, Reconstruction.psnr(mse), testImages.size(0));
        if (noise > 0) {
            double before = Reconstruction.psnr(trainer.testInputs(), testImages);
            System.out.printf(Locale.ROOT, "denoising: PSNR %.2f dB noisy -> %.2f dB denoised (%+.2f dB)%n",
                    before, Reconstruction.psnr(mse), Reconstruction.psnr(mse) - before);
        }
        Path png = out.resolve("reconstructions.png");
        Images.savePng(gallery(net, shownInput, shownClean, noise > 0), png);
        Path model = out.resolve("autoencoder.zip");
        Checkpoint.saveModel(net, model);
        System.out.println("wrote " + png + " (and one per epoch) and the model " + model);
    }

    private static java.awt.image.BufferedImage gallery(MultiLayerNetwork net, INDArray input, INDArray clean, boolean denoising) {
        INDArray output = net.output(input, false);
        return denoising
                ? Reconstruction.gallery(new String[] {"noisy", "denoised", "clean"}, input, output, clean)
                : Reconstruction.gallery(new String[] {"input", "reconstruction"}, input, output);
    }

    private static Up up(String name) {
        return switch (name) {
            case "resize" -> Up.RESIZE_CONV;
            case "transposed3" -> Up.TRANSPOSED_3;
            case "transposed4" -> Up.TRANSPOSED_4;
            default -> throw new Args.UsageException("--up must be resize, transposed3 or transposed4, got '" + name + "'");
        };
    }

    private static double factor(String v) {
        try {
            double f = Double.parseDouble(v);
            if (f > 0 && f <= 2) return f;
        } catch (NumberFormatException e) {
            // the message below says what is expected
        }
        throw new Args.UsageException("--noise takes a factor in (0, 2], e.g. 0.5, got '" + v + "'");
    }
}
