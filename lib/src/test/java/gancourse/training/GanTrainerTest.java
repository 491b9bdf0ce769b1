package gancourse.training;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import gancourse.models.MlpGan;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class GanTrainerTest {
    // A toy problem: 8 "pixels", every real image the same pattern. G must learn to draw it.
    static final double LR = 2e-3; // ten times the lessons' rate: a toy problem may learn fast
    static final INDArray PATTERN = Nd4j.create(new float[] {0.5f, -0.5f, 0.8f, -0.8f, 0.2f, -0.2f, 0.6f, -0.6f}, 1, 8);

    static INDArray data(int n) {
        return PATTERN.repeat(0, n).reshape(n, 8).castTo(DataType.FLOAT);
    }

    static GanTrainer toy(long seed) {
        MultiLayerNetwork g = MlpGan.generator(4, 32, 8, LR, seed);
        MultiLayerNetwork d = MlpGan.discriminator(8, 32, LR, seed + 1);
        return new GanTrainer(g, d, data(256), TrainerSettings.defaults().withBatchSize(32).withSeed(seed));
    }

    static double distanceToPattern(GanTrainer t) {
        INDArray fake = t.generate(64, 7);
        return fake.subRowVector(PATTERN).norm2Number().doubleValue() / Math.sqrt(64);
    }

    @Test
    void generatorLearnsTheData() {
        GanTrainer t = toy(1);
        double before = distanceToPattern(t);
        t.train(400);
        double after = distanceToPattern(t);
        assertTrue(after < before / 3, "G did not learn the pattern: distance " + before + " -> " + after);
        assertEquals(400, t.history().size());
        assertEquals(400, t.iteration());
        assertEquals(400 / (256 / 32) , t.history().get(399).epoch() + 1);
    }

    @Test
    void theSameSeedRepeatsTheRun() {
        GanTrainer a = toy(3);
        GanTrainer b = toy(3);
        a.train(5);
        b.train(5);
        assertEquals(a.generator().params(), b.generator().params());
        assertEquals(a.discriminator().params(), b.discriminator().params());
        assertEquals(a.history(), b.history());
    }

    @Test
    void theGeneratorStepLeavesTheDiscriminatorAlone() {
        // One iteration changes D once (its own step) and G once: D's params after the G step equal those
        // after a plain DL4J fit of the same real and fake batches... checked indirectly: two trainers that
        // share a D step but differ in G's loss must end with the same D.
        GanTrainer ns = toy(5);
        GanTrainer mm = new GanTrainer(MlpGan.generator(4, 32, 8, LR, 5), MlpGan.discriminator(8, 32, LR, 6), data(256),
                ns.settings().withGeneratorLoss(GanTrainer.GeneratorLoss.MINIMAX));
        ns.step();
        mm.step();
        assertEquals(ns.discriminator().params(), mm.discriminator().params());
        assertNotEquals(ns.generator().params(), mm.generator().params());
    }

    @Test
    void oneDiscriminatorPassEqualsTwo() {
        // The fast path (real and fake stacked through a D without batch norm) must be the same D step.
        GanTrainer together = toy(9);
        GanTrainer apart = toy(9);
        assertTrue(together.oneDiscriminatorPass, "a D without batch norm should take the single pass");
        apart.oneDiscriminatorPass = false;
        GanStep a = together.step(), b = apart.step();
        INDArray diff = together.discriminator().params().sub(apart.discriminator().params());
        assertTrue(diff.amaxNumber().doubleValue() < 1e-6, "D differs by " + diff.amaxNumber());
        assertEquals(b.lossD(), a.lossD(), 1e-5);
        assertEquals(b.lossG(), a.lossG(), 1e-5);
        assertEquals(b.dReal(), a.dReal(), 1e-6);
        assertEquals(b.dFake(), a.dFake(), 1e-6);
        assertNotEquals(0, a.dReal() - a.dFake(), "real and fake verdicts should differ after a step");
    }

    @Test
    void aDiscriminatorWithBatchNormSeesRealAndFakeApart() {
        GanTrainer t = new GanTrainer(gancourse.models.Dcgan.generator(8, 4, 2e-4, 1), gancourse.models.Dcgan.discriminator(4, 2e-4, 2),
                Nd4j.rand(DataType.FLOAT, 16, 3, 32, 32), TrainerSettings.defaults().withBatchSize(8));
        assertFalse(t.oneDiscriminatorPass);
    }

    @Test
    void resumingFromACheckpointContinuesExactly(@TempDir Path dir) {
        GanTrainer straight = toy(11);
        straight.train(12);

        GanTrainer first = toy(11).checkpointTo(dir.resolve("run.zip"), 4);
        first.train(6); // checkpoints after 4 and at the end (6)
        GanTrainer resumed = GanTrainer.resume(dir.resolve("run.zip"), data(256));
        assertEquals(6, resumed.iteration());
        resumed.train(6);

        assertEquals(straight.generator().params(), resumed.generator().params());
        assertEquals(straight.discriminator().params(), resumed.discriminator().params());
        assertEquals(straight.history(), resumed.history());
    }

    @Test
    void anAveragedGeneratorDrawsTheSamplesAndResumesExactly(@TempDir Path dir) {
        TrainerSettings averaged = TrainerSettings.defaults().withBatchSize(32).withSeed(13).withGeneratorAverage(0.9);
        GanTrainer straight = new GanTrainer(MlpGan.generator(4, 32, 8, LR, 13), MlpGan.discriminator(8, 32, LR, 14),
                data(256), averaged);
        straight.train(12);
        INDArray z = Nd4j.randn(DataType.FLOAT, 8, 4);
        assertFalse(straight.generate(z).equals(straight.generator().output(z, false)),
                "the samples come from the average, not from G");

        GanTrainer first = new GanTrainer(MlpGan.generator(4, 32, 8, LR, 13), MlpGan.discriminator(8, 32, LR, 14),
                data(256), averaged).checkpointTo(dir.resolve("run.zip"), 4);
        first.train(6);
        GanTrainer resumed = GanTrainer.resume(dir.resolve("run.zip"), data(256));
        resumed.train(6);
        assertEquals(straight.generate(z), resumed.generate(z));
        resumed.saveCheckpoint(dir.resolve("end.zip"));
        assertEquals(straight.samplingGenerator().params(), Checkpoint.loadGenerator(dir.resolve("end.zip")).params());
    }

    @Test
    void aNaNLossStopsWithAClearMessageAndKeepsTheModels() {
        INDArray bad = data(64);
        bad.putScalar(0, 0, Double.NaN);
        bad.putScalar(1, 0, Double.NaN);
        GanTrainer t = new GanTrainer(MlpGan.generator(4, 8, 8, LR, 1), MlpGan.discriminator(8, 8, LR, 2), bad,
                TrainerSettings.defaults().withBatchSize(64));
        INDArray gBefore = t.generator().params().dup();
        INDArray dBefore = t.discriminator().params().dup();
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> t.train(3));
        assertTrue(e.getMessage().contains("discriminator's loss became NaN"), e.getMessage());
        assertTrue(e.getMessage().contains("learning rate"), e.getMessage());
        assertEquals(gBefore, t.generator().params());
        assertEquals(dBefore, t.discriminator().params());
    }

    @Test
    void anInterruptStopsCleanlyAndTrainingCanContinue() {
        GanTrainer t = toy(2);
        t.onStep(s -> { if (s.iteration() == 3) Thread.currentThread().interrupt(); });
        assertEquals(3, t.train(10));
        assertEquals(3, t.iteration());
        assertEquals(10, t.train(10), "the interrupt was consumed, so training continues");
        assertEquals(13, t.iteration());
    }

    @Test
    void aCrashWhileSavingLeavesThePreviousCheckpoint(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("ckpt.zip");
        Files.writeString(file, "previous");
        assertThrows(IOException.class, () -> Checkpoint.writeAtomically(file, out -> {
            out.write(new byte[1000]);
            throw new IOException("disk full");
        }));
        assertEquals("previous", Files.readString(file));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void theNetworksOfACheckpointLoadAlone(@TempDir Path dir) {
        GanTrainer t = toy(12).checkpointTo(dir.resolve("run.zip"), 5);
        t.train(5);
        assertEquals(t.generator().params(), Checkpoint.loadGenerator(dir.resolve("run.zip")).params());
        assertEquals(t.discriminator().params(), Checkpoint.loadDiscriminator(dir.resolve("run.zip")).params());
        var e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.loadGenerator(dir.resolve("none.zip")));
        assertTrue(e.getMessage().contains("no checkpoint"), e.getMessage());
    }

    @Test
    void aDamagedCheckpointSaysWhatToDo(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("broken.zip");
        Files.write(file, new byte[] {'P', 'K', 3, 4, 1, 2, 3});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GanTrainer.resume(file, data(64)));
        assertTrue(e.getMessage().contains("Delete it and train again"), e.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> GanTrainer.resume(dir.resolve("none.zip"), data(64)));
        assertTrue(missing.getMessage().contains("no checkpoint"), missing.getMessage());
    }

    @Test
    void wrongNetworksAndSettingsAreRefusedClearly() {
        MultiLayerNetwork d = MlpGan.discriminator(8, 8, LR, 1);
        var e = assertThrows(IllegalArgumentException.class, () -> new GanTrainer(d, d, data(64)));
        assertTrue(e.getMessage().contains("generator must end in an ordinary layer"), e.getMessage());
        var small = assertThrows(IllegalArgumentException.class,
                () -> new GanTrainer(MlpGan.generator(4, 8, 8, LR, 1), d, data(10)));
        assertTrue(small.getMessage().contains("only 10 training images"), small.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrainerSettings.defaults().withRealLabel(1.5));
        assertThrows(IllegalArgumentException.class, () -> TrainerSettings.defaults().withLabelFlip(0.7));
    }

    @Test
    void labelSmoothingChangesWhatDLearns() {
        GanTrainer plain = toy(9);
        GanTrainer smooth = new GanTrainer(MlpGan.generator(4, 32, 8, LR, 9), MlpGan.discriminator(8, 32, LR, 10), data(256),
                plain.settings().withRealLabel(0.9));
        plain.step();
        smooth.step();
        assertNotEquals(plain.discriminator().params(), smooth.discriminator().params());
    }
}
