package gancourse.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gancourse.models.Dcgan;
import gancourse.models.MlpGan;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.junit.jupiter.api.Test;

class FlopsTest {
    @Test
    void denseLayersCountInputsTimesOutputs() {
        assertEquals(100 * 256 + 256 * 784, Flops.forwardMacs(MlpGan.generator(100, 256, 784, 2e-4, 1), InputType.feedForward(100)));
        assertEquals(784 * 256 + 256, Flops.forwardMacs(MlpGan.discriminator(784, 256, 2e-4, 1), InputType.feedForward(784)));
    }

    @Test
    void convolutionsCountOutputPixelsTimesKernelTimesChannels() {
        // Counted by hand from the DCGAN's shapes: 4x4 kernels, stride 2, batch norm and activations free.
        long d = 16 * 16 * 64 * 16 * 3L      // 32x32x3 -> 16x16x64
                + 8 * 8 * 128 * 16 * 64L     // -> 8x8x128
                + 4 * 4 * 256 * 16 * 128L    // -> 4x4x256
                + 4096;                      // -> 1
        assertEquals(d, Flops.forwardMacs(Dcgan.discriminator(1), InputType.convolutional(32, 32, 3)));
        // Transposed: every input pixel spreads a 4x4 patch into every output channel.
        long g = 100 * 4096L                 // z -> 4x4x256
                + 4 * 4 * 256 * 16 * 128L    // -> 8x8x128
                + 8 * 8 * 128 * 16 * 64L     // -> 16x16x64
                + 16 * 16 * 64 * 16 * 3L;    // -> 32x32x3
        assertEquals(g, Flops.forwardMacs(Dcgan.generator(1), InputType.feedForward(100)));
    }

    @Test
    void aGanStepIsThreeGeneratorAndNineDiscriminatorPasses() {
        assertEquals(2L * 64 * (3 * 10 + 9 * 100), Flops.ganStep(10, 100, 64));
        assertEquals(2L * 64 * 3 * 10, Flops.trainingStep(10, 64));
    }
}
