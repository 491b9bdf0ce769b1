package gancourse.bench;

import java.util.List;

import gancourse.models.Autoencoders;
import gancourse.models.Dcgan;
import gancourse.models.DcganKeras;
import gancourse.models.MlpGan;
import gancourse.training.AutoencoderTrainer;
import gancourse.training.GanTrainer;
import gancourse.training.TrainerSettings;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The lesson models the benchmark times, each exactly as the lessons train it, on random images of the right
 * shape (speed does not depend on what the pixels show). bench/reference.py builds the same models in PyTorch.
 */
public final class Workloads {
    public static final List<String> NAMES = List.of("mlp-gan", "dense-autoencoder", "dcgan", "dcgan-keras");
    public static final int BATCH = 64;
    private static final int IMAGES = 1024;
    private static final long SEED = 7;

    private Workloads() {}

    public static Workload of(String name) {
        int cores = Runtime.getRuntime().availableProcessors();
        return switch (name) {
            case "mlp-gan" -> gan(name, MlpGan.generator(MlpGan.LATENT, MlpGan.HIDDEN, 784, MlpGan.LEARNING_RATE, SEED),
                    MlpGan.discriminator(784, MlpGan.HIDDEN, MlpGan.LEARNING_RATE, SEED + 1),
                    InputType.feedForward(MlpGan.LATENT), InputType.feedForward(784), images(IMAGES, 784), 1);
            case "dense-autoencoder" -> autoencoder(name, Autoencoders.dense(784, 32, new int[] {256, 128}, SEED), 1);
            case "dcgan" -> gan(name, Dcgan.generator(SEED), Dcgan.discriminator(SEED + 1),
                    InputType.feedForward(Dcgan.LATENT), InputType.convolutional(32, 32, 3), images(IMAGES, 3, 32, 32), cores);
            case "dcgan-keras" -> gan(name, DcganKeras.generator(SEED), DcganKeras.discriminator(SEED + 1),
                    InputType.feedForward(DcganKeras.LATENT), InputType.convolutional(32, 32, 3), images(IMAGES, 3, 32, 32), cores);
            default -> throw new IllegalArgumentException("unknown benchmark model '" + name + "': one of " + NAMES);
        };
    }

    private static Workload gan(String name, MultiLayerNetwork g, MultiLayerNetwork d, InputType latent, InputType image,
                                INDArray data, int threads) {
        GanTrainer trainer = new GanTrainer(g, d, data, TrainerSettings.defaults().withBatchSize(BATCH).withSeed(SEED));
        long flops = Flops.ganStep(Flops.forwardMacs(g, latent), Flops.forwardMacs(d, image), BATCH);
        INDArray probeNoise = images(8, g.layerInputSize(0));
        return new Workload(name, trainer::step, flops, threads, () -> g.output(probeNoise, false).ravel().toFloatVector());
    }

    private static Workload autoencoder(String name, MultiLayerNetwork net, int threads) {
        AutoencoderTrainer trainer = new AutoencoderTrainer(net, images(IMAGES, 784)).batchSize(BATCH).seed(SEED);
        long flops = Flops.trainingStep(Flops.forwardMacs(net, InputType.feedForward(784)), BATCH);
        INDArray probe = images(8, 784);
        return new Workload(name, trainer::step, flops, threads, () -> net.output(probe, false).ravel().toFloatVector());
    }

    // Uniform in [-1, 1), like the course's pixels, from a fixed seed.
    private static INDArray images(long... shape) {
        Nd4j.getRandom().setSeed(SEED);
        return Nd4j.rand(DataType.FLOAT, shape).muli(2).subi(1);
    }
}
