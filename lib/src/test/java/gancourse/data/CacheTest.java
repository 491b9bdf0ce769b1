package gancourse.data;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cache catches damaged files, and a failed fetch leaves nothing behind. MNIST from the mirror. */
class CacheTest {
    private static final String LABELS = "train-labels-idx1-ubyte";

    private final Path data = TestData.tempDir("gan-course-cache");
    private final Cache cache = new Cache(data, TestData.mirror());
    private final Path mnist = data.resolve("mnist");

    @Test
    void aFetchUnpacksChecksAndStampsEveryFile() throws IOException {
        cache.ensure(Spec.MNIST);

        for (String f : Spec.MNIST.files()) assertTrue(Files.isRegularFile(mnist.resolve(f)), f);
        assertEquals(Spec.MNIST.sha256().get(LABELS), Unpack.sha256(mnist.resolve(LABELS)));
        assertEquals(Spec.MNIST.files().size(), Stamp.read(mnist).size());
        assertEquals(Spec.MNIST.files().size() + 1, TestData.filesUnder(mnist).size(),
                "the files and the stamp, nothing else");
    }

    @Test
    void aTruncatedCachedFileIsReportedAndDeleted() throws IOException {
        cache.ensure(Spec.MNIST);
        Path labels = mnist.resolve(LABELS);
        byte[] bytes = Files.readAllBytes(labels);
        Files.write(labels, Arrays.copyOf(bytes, bytes.length / 2));

        DatasetException e = assertThrows(DatasetException.class, () -> cache.ensure(Spec.MNIST));

        assertTrue(e.getMessage().startsWith(
                "Cached file " + labels + " is damaged: it has 30004 bytes instead of 60008"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("Deleted it: run again to download it again."), e.getMessage());
        assertFalse(Files.exists(labels));
        // As the message says: the next run fetches it again.
        cache.ensure(Spec.MNIST);
        assertEquals(Spec.MNIST.sha256().get(LABELS), Unpack.sha256(labels));
    }

    @Test
    void aCachedFileChangedInPlaceIsReportedAndDeleted() throws IOException {
        cache.ensure(Spec.MNIST);
        Path labels = mnist.resolve(LABELS);
        byte[] bytes = Files.readAllBytes(labels);
        bytes[100] ^= 1;
        Files.write(labels, bytes);
        // Writing moves the modification time on; set it apart explicitly in case the clock is coarse.
        Files.setLastModifiedTime(labels, FileTime.fromMillis(Stamp.read(mnist).get(LABELS).modified() + 60_000));

        DatasetException e = assertThrows(DatasetException.class, () -> cache.ensure(Spec.MNIST));

        assertTrue(e.getMessage().contains(labels + " is damaged: its content changed since it was checked"),
                e.getMessage());
        assertTrue(e.getMessage().contains("run again to download it again"), e.getMessage());
        assertFalse(Files.exists(labels));
        assertFalse(Files.exists(mnist.resolve(Stamp.FILE)));
    }

    @Test
    void aFileOnlyTouchedIsCheckedAgainOnceAndKept() throws IOException {
        cache.ensure(Spec.MNIST);
        Path labels = mnist.resolve(LABELS);
        FileTime later = FileTime.fromMillis(Stamp.read(mnist).get(LABELS).modified() + 60_000);
        Files.setLastModifiedTime(labels, later);
        assertFalse(cache.status(Spec.MNIST).verified());

        cache.ensure(Spec.MNIST);

        assertEquals(later.toMillis(), Stamp.read(mnist).get(LABELS).modified());
        assertTrue(cache.status(Spec.MNIST).verified());
    }

    @Test
    void aTruncatedMirrorFileIsNamedAndNothingIsCached() throws IOException {
        Path mirror = mirrorWith(LABELS + ".gz", half(TestData.mirror().resolve("mnist/" + LABELS + ".gz")));

        DatasetException e = assertThrows(DatasetException.class, () -> new Cache(data, mirror).ensure(Spec.MNIST));

        String file = mirror.resolve("mnist/" + LABELS + ".gz").toString();
        assertTrue(e.getMessage().startsWith("Mirror file " + file + " is damaged: it is truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("unset GAN_COURSE_DATA_MIRROR"), e.getMessage());
        assertEquals(List.of(), TestData.filesUnder(mnist), "no file at a final name, no .part file, no stamp");
    }

    @Test
    void aMirrorFileWithTheWrongContentFailsItsChecksumAndNothingIsCached() throws IOException {
        byte[] labels = DatasetsTest.gunzip(TestData.mirror().resolve("mnist/" + LABELS + ".gz"));
        labels[100] ^= 1;
        Path mirror = mirrorWith(LABELS + ".gz", gzip(labels));

        DatasetException e = assertThrows(DatasetException.class, () -> new Cache(data, mirror).ensure(Spec.MNIST));

        assertTrue(e.getMessage().contains("is damaged: wrong checksum, a corrupt or changed file (" + LABELS
                + ": SHA-256 "), e.getMessage());
        assertTrue(e.getMessage().contains("expected " + Spec.MNIST.sha256().get(LABELS)), e.getMessage());
        assertEquals(List.of(), TestData.filesUnder(mnist));
    }

    @Test
    void aMissingMirrorFileSaysWhereToPutIt() throws IOException {
        Path mirror = mirrorWith(LABELS + ".gz", null);

        DatasetException e = assertThrows(DatasetException.class, () -> new Cache(data, mirror).ensure(Spec.MNIST));

        assertTrue(e.getMessage().startsWith("Missing mirror file " + mirror.resolve("mnist/" + LABELS + ".gz")),
                e.getMessage());
        assertTrue(e.getMessage().contains("put mnist/" + LABELS + ".gz there"), e.getMessage());
        assertTrue(e.getMessage().contains("https://ossci-datasets.s3.amazonaws.com/mnist/" + LABELS + ".gz"),
                e.getMessage());
        assertEquals(List.of(), TestData.filesUnder(mnist));
    }

    /** A mirror like the real one, but with {@code file} of MNIST replaced by {@code bytes} (or absent if null). */
    private static Path mirrorWith(String file, byte[] bytes) throws IOException {
        Path mirror = TestData.tempDir("gan-course-mirror");
        Files.createDirectories(mirror.resolve("mnist"));
        for (String f : Spec.MNIST.downloads()) {
            Path to = mirror.resolve("mnist").resolve(f);
            if (!f.equals(file)) Files.createSymbolicLink(to, TestData.mirror().resolve("mnist").resolve(f));
            else if (bytes != null) Files.write(to, bytes);
        }
        return mirror;
    }

    static byte[] half(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return Arrays.copyOf(bytes, bytes.length / 2);
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        var buffer = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(buffer)) {
            out.write(bytes);
        }
        return buffer.toByteArray();
    }
}
