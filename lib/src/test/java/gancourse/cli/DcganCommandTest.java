package gancourse.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;

import gancourse.data.SampleFiles;
import gancourse.models.DcganMnist;
import gancourse.training.GanTrainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class DcganCommandTest {

    @Test
    void theDigitDcganWritesSamplesAGalleryAndACheckpointThatResumes(@TempDir Path dir) {
        Path out = dir.resolve("digits.idx");
        Path checkpoint = dir.resolve("digits.zip");
        String[] args = {"dcgan-mnist", "--iterations", "2", "--samples", "5", "--out", out.toString(),
                "--checkpoint", checkpoint.toString()};
        DcganCommand.mnist(args);
        INDArray samples = SampleFiles.read(out);
        assertEquals(5, samples.size(0));
        assertEquals(28 * 28, samples.length() / 5);
        assertTrue(Files.isRegularFile(dir.resolve("digits.png")));
        INDArray anyDigits = Nd4j.rand(DataType.FLOAT, 64, 1, 28, 28);
        DcganCommand.mnist(args); // the same command again: the run is finished, nothing more to train
        assertEquals(2, GanTrainer.resume(checkpoint, anyDigits).iteration());
        args[2] = "5";
        DcganCommand.mnist(args); // three more, from the checkpoint, to 5 in all
        assertEquals(5, GanTrainer.resume(checkpoint, anyDigits).iteration());
    }

    @Test
    void aCheckpointOfAnEarlierVersionOfTheRecipeIsRefusedAndKept(@TempDir Path dir) throws Exception {
        Path checkpoint = dir.resolve("old.zip");
        // Another G and D than the recipe's (the lesson 05 networks of an earlier version had fewer layers).
        new GanTrainer(DcganMnist.generator(16, 4, 1e-3, 1), DcganMnist.discriminator(4, 1e-3, 2),
                Nd4j.rand(DataType.FLOAT, 8, 1, 28, 28), DcganMnist.settings(1).withBatchSize(4))
                .identify("model", "dcgan-mnist").identify("dataset", "mnist").saveCheckpoint(checkpoint);
        byte[] before = Files.readAllBytes(checkpoint);
        var e = assertThrows(IllegalArgumentException.class, () -> DcganCommand.mnist(new String[] {"dcgan-mnist",
                "--iterations", "2", "--out", dir.resolve("x.idx").toString(), "--checkpoint", checkpoint.toString()}));
        assertTrue(e.getMessage().contains("holds the networks of an earlier version of the dcgan-mnist recipe"),
                e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(checkpoint));
        assertFalse(Files.exists(dir.resolve("x.idx")), "refused before any work");
    }

    @Test
    void anOptionOfTheOtherDcganIsRefusedByName() {
        var e = assertThrows(Args.UsageException.class,
                () -> DcganCommand.mnist(new String[] {"dcgan-mnist", "--class", "horse"}));
        assertTrue(e.getMessage().contains("--class"), e.getMessage());
    }
}
