package gancourse.training;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;

import gancourse.models.Autoencoders;
import gancourse.models.Autoencoders.Up;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class AutoencoderTrainerTest {

    /**
     * n toy "digits" [n, 1, 28, 28]: a black image with one white bar, 3 pixels thick, across or down, at a random
     * place. Few ways to vary, like digits: an autoencoder with a short code can learn them quickly.
     */
    static INDArray bars(int n, long seed) {
        Random rng = new Random(seed);
        float[] x = new float[n * 784];
        java.util.Arrays.fill(x, -1f);
        for (int i = 0; i < n; i++) {
            boolean across = rng.nextBoolean();
            int at = 2 + rng.nextInt(22);
            for (int a = 0; a < 28; a++) {
                for (int t = at; t < at + 3; t++) x[i * 784 + (across ? t * 28 + a : a * 28 + t)] = 1f;
            }
        }
        return Nd4j.create(x, new long[] {n, 1, 28, 28}, 'c');
    }

    static INDArray flat(INDArray images) {
        return images.reshape(images.size(0), 784);
    }

    /** The error of the best constant guess, the mean training image: what an autoencoder learns before its code says anything. */
    static double meanImageError(INDArray train, INDArray test) {
        INDArray mean = flat(train).mean(0).reshape(1, 784);
        return Reconstruction.mse(Nd4j.repeat(mean, (int) test.size(0)).reshape(test.size(0), 784), flat(test));
    }

    @Test
    void aDenseAutoencoderLearnsToRebuildItsInput() {
        INDArray train = flat(bars(256, 1)), test = flat(bars(64, 2));
        MultiLayerNetwork net = Autoencoders.dense(784, 8, new int[] {64}, 1);
        AutoencoderTrainer t = new AutoencoderTrainer(net, train).batchSize(16).testOn(test);
        double before = t.testError();
        int done = t.train(20);
        assertEquals(20 * 16, done);
        double after = t.testError();
        // Far below the mean image: the 8 numbers of the code say where the bar is.
        double baseline = meanImageError(train, test);
        assertTrue(after < baseline / 4, "test error " + before + " -> " + after + ", mean image " + baseline);
        // The history: one step per iteration, a test error at the end of each epoch only.
        assertEquals(320, t.history().size());
        assertEquals(20, t.history().stream().filter(ReconstructionStep::tested).count());
        ReconstructionStep last = t.history().get(319);
        assertEquals(after, last.testError(), 1e-9);
        assertEquals(19, last.epoch());
        assertTrue(last.loss() < t.history().get(0).loss() / 10, "training loss did not go down");
    }

    @ParameterizedTest
    @EnumSource(Up.class)
    void aConvolutionalAutoencodersLossGoesDown(Up up) {
        INDArray train = bars(96, 3), test = bars(32, 4);
        MultiLayerNetwork net = Autoencoders.conv(4, 8, up, 3);
        AutoencoderTrainer t = new AutoencoderTrainer(net, train).batchSize(16).testOn(test);
        double before = t.testError();
        t.train(12);
        double after = t.testError();
        assertTrue(after < before / 2, up + ": test error " + before + " -> " + after);
        double firstEpoch = t.history().subList(0, 6).stream().mapToDouble(ReconstructionStep::loss).average().orElseThrow();
        double lastEpoch = t.history().subList(66, 72).stream().mapToDouble(ReconstructionStep::loss).average().orElseThrow();
        assertTrue(lastEpoch < firstEpoch / 2, up + ": training loss " + firstEpoch + " -> " + lastEpoch);
    }

    @Test
    void aDenoisingAutoencoderRemovesNoise() {
        INDArray train = flat(bars(256, 5)), test = flat(bars(64, 6));
        MultiLayerNetwork net = Autoencoders.dense(784, 8, new int[] {64}, 5);
        AutoencoderTrainer t = new AutoencoderTrainer(net, train).batchSize(16).noise(0.25).testOn(test);
        INDArray noisy = t.testInputs();
        assertSame(noisy, t.testInputs(), "the test noise is drawn once");
        double psnrNoisy = Reconstruction.psnr(noisy, test);
        t.train(20);
        double psnrDenoised = Reconstruction.psnr(Reconstruction.reconstruct(net, noisy), test);
        assertTrue(psnrDenoised > psnrNoisy + 3, "PSNR " + psnrNoisy + " dB noisy -> " + psnrDenoised + " dB denoised");
        assertEquals(Reconstruction.mse(Reconstruction.reconstruct(net, noisy), test), t.testError(), 1e-6);
    }

    @ParameterizedTest
    @EnumSource(names = {"DENSE", "CONV"})
    void theReportedLossIsTheMeanSquaredErrorPerPixelBeforeTheStep(Kind kind) {
        // One batch holding every image, so the batch's error is the whole set's, whatever the order.
        INDArray images = kind == Kind.DENSE ? flat(bars(32, 7)) : bars(32, 7);
        MultiLayerNetwork net = kind == Kind.DENSE ? Autoencoders.dense(784, 8, new int[] {32}, 7)
                : Autoencoders.conv(2, 8, Up.TRANSPOSED_4, 7);
        double expected = Reconstruction.error(net, images);
        ReconstructionStep s = new AutoencoderTrainer(net, images).batchSize(32).step();
        assertEquals(expected, s.loss(), 1e-4 * expected);
        assertTrue(Reconstruction.error(net, images) < expected, "one step on the only batch lowers its error");
    }

    enum Kind { DENSE, CONV }

    @Test
    void theSameSeedRepeatsTheRun() {
        INDArray train = flat(bars(128, 8));
        AutoencoderTrainer a = new AutoencoderTrainer(Autoencoders.dense(784, 4, new int[] {16}, 1), train).batchSize(16).noise(0.2);
        AutoencoderTrainer b = new AutoencoderTrainer(Autoencoders.dense(784, 4, new int[] {16}, 1), train).batchSize(16).noise(0.2);
        for (int i = 0; i < 10; i++) {
            a.step();
            b.step();
        }
        assertEquals(a.network().params(), b.network().params());
        assertEquals(a.history(), b.history());
        AutoencoderTrainer c = new AutoencoderTrainer(Autoencoders.dense(784, 4, new int[] {16}, 1), train).batchSize(16).noise(0.2).seed(9);
        c.step();
        assertNotEquals(a.history().get(0), c.history().get(0), "another seed, another batch and noise");
    }

    @Test
    void anInterruptedCellStopsTrainingAndLeavesTheNetworkUsable() {
        AutoencoderTrainer t = new AutoencoderTrainer(Autoencoders.dense(784, 4), flat(bars(64, 9))).batchSize(16);
        Thread.currentThread().interrupt();
        assertEquals(0, t.train(3));
        assertFalse(Thread.currentThread().isInterrupted(), "the interrupt is consumed: the next call trains");
        assertEquals(12, t.train(3));
    }

    @Test
    void wrongShapesAndSettingsGetMessagesThatSayWhatToDo() {
        MultiLayerNetwork dense = Autoencoders.dense(784, 4);
        var nchw = assertThrows(IllegalArgumentException.class, () -> new AutoencoderTrainer(dense, bars(8, 1)));
        assertTrue(nchw.getMessage().contains("flat()"), nchw.getMessage());

        AutoencoderTrainer t = new AutoencoderTrainer(dense, flat(bars(8, 1)));
        var tooFew = assertThrows(IllegalStateException.class, t::step, "8 images, the default batch is 64");
        assertTrue(tooFew.getMessage().contains("batchSize"), tooFew.getMessage());
        assertThrows(IllegalArgumentException.class, () -> t.batchSize(9));
        assertThrows(IllegalArgumentException.class, () -> t.noise(-0.1));
        assertThrows(IllegalStateException.class, t::testError);
        t.batchSize(4).step();
        assertThrows(IllegalStateException.class, () -> t.batchSize(2), "the batch size is fixed once training started");
    }

    @Test
    void noiseIsGaussianClippedAndRepeatable() {
        INDArray grey = Nd4j.zeros(DataType.FLOAT, 200, 784);
        INDArray a = Reconstruction.addNoise(grey, 0.1, 1);
        assertEquals(a, Reconstruction.addNoise(grey, 0.1, 1));
        assertNotEquals(a, Reconstruction.addNoise(grey, 0.1, 2));
        // Factor 0.1 of the range 2: standard deviation 0.2, (almost) never clipped from mid-grey.
        assertEquals(0.2, a.stdNumber().doubleValue(), 0.005);
        assertEquals(0.0, a.meanNumber().doubleValue(), 0.005);
        INDArray strong = Reconstruction.addNoise(grey, 1.0, 3);
        assertEquals(1.0, strong.maxNumber().doubleValue(), 1e-9);
        assertEquals(-1.0, strong.minNumber().doubleValue(), 1e-9);
        assertArrayEquals(grey.shape(), strong.shape());
    }

    @Test
    void psnrIsTenLogOfRangeSquaredOverMse() {
        INDArray a = Nd4j.zeros(DataType.FLOAT, 2, 1, 28, 28);
        INDArray b = Nd4j.valueArrayOf(new long[] {2, 784}, 0.2, DataType.FLOAT); // other shape, same pixels
        assertEquals(0.04, Reconstruction.mse(a, b), 1e-6);
        assertEquals(20.0, Reconstruction.psnr(a, b), 1e-3); // 10 log10(4 / 0.04)
        assertThrows(IllegalArgumentException.class, () -> Reconstruction.mse(a, Nd4j.zeros(3, 784)));
    }
}
