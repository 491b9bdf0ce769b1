package gancourse.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import gancourse.models.MlpGan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

/** Issue 15: a checkpoint records which model and dataset it belongs to, and is refused as another. */
class CheckpointIdentityTest {
    private static Map<String, String> id(String model, String dataset) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("model", model);
        m.put("dataset", dataset);
        return m;
    }

    private static Path saved(Path dir, String model, String dataset) {
        GanTrainer t = GanTrainerTest.toy(1).identify("model", model).identify("dataset", dataset);
        Path file = dir.resolve(model + ".zip");
        t.saveCheckpoint(file);
        return file;
    }

    @Test
    void aCheckpointSaysWhatItBelongsTo(@TempDir Path dir) {
        Path file = saved(dir, "fashion-gan", "fashion-mnist");
        assertEquals(Map.of("model", "fashion-gan", "dataset", "fashion-mnist"), Checkpoint.identity(file));
        Checkpoint.requireBelongsTo(file, id("fashion-gan", "fashion-mnist"));
        assertEquals(Map.of("model", "fashion-gan", "dataset", "fashion-mnist"),
                GanTrainer.resume(file, GanTrainerTest.data(64)).identity(), "and a resumed run goes on recording it");
    }

    @Test
    void anotherModelsOrDatasetsCheckpointIsRefusedByName(@TempDir Path dir) {
        Path fashion = saved(dir, "fashion-gan", "fashion-mnist");
        var e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.requireBelongsTo(fashion, id("mnist-gan", "mnist")));
        assertEquals("the checkpoint " + fashion + " belongs to model fashion-gan, dataset fashion-mnist, not to model "
                + "mnist-gan, dataset mnist: give --checkpoint a file of its own for this run (or delete this one to "
                + "start over)", e.getMessage());
        Path dcgan = saved(dir, "dcgan-cifar10", "cifar-10");
        e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.requireBelongsTo(dcgan, id("mnist-gan", "mnist")));
        assertTrue(e.getMessage().contains("belongs to model dcgan-cifar10"), e.getMessage());
        Path mnist = saved(dir, "mnist-gan", "mnist");
        e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.requireBelongsTo(mnist, id("dcgan-cifar10", "cifar-10")));
        assertTrue(e.getMessage().contains("belongs to model mnist-gan, dataset mnist, not to model dcgan-cifar10"), e.getMessage());
    }

    @Test
    void aCheckpointFromBeforeIdentitiesGetsAClearMessage(@TempDir Path dir) throws IOException {
        Path file = saved(dir, "mnist-gan", "mnist");
        Path old = dir.resolve("old.zip");
        // The same checkpoint without the two lines that older versions did not write.
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(file));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(old))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                byte[] bytes = in.readAllBytes();
                if (entry.getName().equals("state.properties")) {
                    bytes = new String(bytes).replaceAll("(?m)^(model|dataset)=.*\\R", "").getBytes();
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
            }
        }
        assertEquals(Map.of(), Checkpoint.identity(old));
        var e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.requireBelongsTo(old, id("mnist-gan", "mnist")));
        assertTrue(e.getMessage().startsWith("the checkpoint " + old + " does not say which model and dataset it belongs to "
                + "(it was written by an older version of the course), so it cannot be resumed as model mnist-gan, "
                + "dataset mnist."), e.getMessage());
    }

    @Test
    void aCheckpointOfAnotherShapeIsRefusedBeforeTraining(@TempDir Path dir) {
        // The notebooks resume without names: G's images must still fit the data.
        Path file = saved(dir, "toy", "toy");
        var e = assertThrows(IllegalArgumentException.class, () -> GanTrainer.resume(file, Nd4j.zeros(64, 1, 28, 28)));
        assertTrue(e.getMessage().contains("does not fit this data: the generator makes images of shape [8] but the "
                + "data's are [1, 28, 28]"), e.getMessage());
        var wrong = assertThrows(IllegalArgumentException.class, () -> new GanTrainer(MlpGan.generator(4, 32, 8, 1e-3, 1),
                MlpGan.discriminator(8, 32, 1e-3, 2), Nd4j.zeros(64, 784)));
        assertTrue(wrong.getMessage().startsWith("the generator makes images of shape [8] but the data's are [784]"), wrong.getMessage());
    }
}
