package gancourse.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import gancourse.models.MlpGan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A checkpoint of an earlier version of a recipe (other layers) is told apart from the current one's. */
class CheckpointNetworksTest {
    private static final double LR = 1e-3;

    private static Path saved(Path dir) {
        Path file = dir.resolve("run.zip");
        GanTrainerTest.toy(1).saveCheckpoint(file);   // G 4 -> 32 -> 8, D 8 -> 32 -> 1
        return file;
    }

    @Test
    void theSameLayersMatchWhateverTheSeedOrTheTraining(@TempDir Path dir) {
        Path file = saved(dir);
        assertTrue(Checkpoint.holdsNetworksLike(file, MlpGan.generator(4, 32, 8, LR, 9),
                MlpGan.discriminator(8, 32, LR, 10)));
    }

    @Test
    void anotherWidthOrAnotherLayerDoesNot(@TempDir Path dir) {
        Path file = saved(dir);
        assertFalse(Checkpoint.holdsNetworksLike(file, MlpGan.generator(4, 64, 8, LR, 1),
                MlpGan.discriminator(8, 32, LR, 2)), "G wider");
        assertFalse(Checkpoint.holdsNetworksLike(file, MlpGan.generator(4, 32, 8, LR, 1),
                MlpGan.discriminator(8, 16, LR, 2)), "D narrower");
    }

    @Test
    void anEarlierRecipesCheckpointIsMovedAsideWhole(@TempDir Path dir) throws IOException {
        Path file = saved(dir);
        byte[] before = Files.readAllBytes(file);
        assertFalse(Checkpoint.setAsideIfUnlike(file, MlpGan.generator(4, 32, 8, LR, 1),
                MlpGan.discriminator(8, 32, LR, 2)), "the current networks' checkpoint stays");
        assertTrue(Files.isRegularFile(file));
        assertTrue(Checkpoint.setAsideIfUnlike(file, MlpGan.generator(4, 64, 8, LR, 1),
                MlpGan.discriminator(8, 32, LR, 2)));
        assertFalse(Files.exists(file), "so the run trains the current networks from the start");
        assertArrayEquals(before, Files.readAllBytes(dir.resolve("run-earlier.zip")), "and loses nothing");
        assertFalse(Checkpoint.setAsideIfUnlike(file, MlpGan.generator(4, 64, 8, LR, 1),
                MlpGan.discriminator(8, 32, LR, 2)), "no checkpoint: nothing to do");
        saved(dir);   // a second outdated checkpoint: the first one set aside is kept
        assertTrue(Checkpoint.setAsideIfUnlike(file, MlpGan.generator(4, 64, 8, LR, 1),
                MlpGan.discriminator(8, 32, LR, 2)));
        assertArrayEquals(before, Files.readAllBytes(dir.resolve("run-earlier.zip")));
        assertTrue(Files.isRegularFile(dir.resolve("run-earlier-2.zip")));
    }
}
