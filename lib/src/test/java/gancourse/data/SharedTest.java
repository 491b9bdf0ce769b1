package gancourse.data;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A class's shared folder (GAN_COURSE_DATA_SHARED) is read in place and never written: not a stamp, not a
 * .part file (a folder's modification time would show even a file made and deleted again).
 */
class SharedTest {
    private static final String LABELS = "train-labels-idx1-ubyte";

    private final Path shared = TestData.tempDir("gan-course-class-data");
    private final Path own = TestData.tempDir("gan-course-student-data");

    /** The teacher's preparation: the course's own cache, filled from the mirror. */
    private Path prepare(Spec spec) {
        return new Cache(shared, TestData.mirror()).ensure(spec);
    }

    /** A student's server: no mirror, so a fetch would go to the internet and fail the test. */
    private Cache student() {
        return new Cache(own, null, Cache.STALL, shared);
    }

    @Test
    void aPreparedFolderIsReadInPlaceAndNothingIsWrittenAnywhere() throws IOException {
        Path mnist = prepare(Spec.MNIST);
        Map<String, String> before = snapshot(shared);

        assertEquals(mnist, student().ensure(Spec.MNIST));
        assertEquals(60_000, Datasets.read(Spec.MNIST, mnist, true, Integer.MAX_VALUE).size());

        assertEquals(before, snapshot(shared));
        assertEquals(List.of(), TestData.filesUnder(own));
        assertTrue(student().status(Spec.MNIST).verified());
        assertEquals(mnist, student().status(Spec.MNIST).folder());
    }

    @Test
    void aCopyThatLostItsTimesIsHashedOnceAndTheNoteGoesToTheStudentsFolder() throws IOException {
        Path mnist = prepare(Spec.MNIST);
        Files.setLastModifiedTime(mnist.resolve(LABELS), FileTime.fromMillis(
                Files.getLastModifiedTime(mnist.resolve(LABELS)).toMillis() + 60_000));
        Map<String, String> before = snapshot(shared);
        assertFalse(student().status(Spec.MNIST).verified());

        assertEquals(mnist, student().ensure(Spec.MNIST));

        assertEquals(before, snapshot(shared));
        Path note = own.resolve("mnist").resolve(Shared.NOTE);
        assertEquals(List.of(note), TestData.filesUnder(own));
        assertEquals(Spec.MNIST.sha256().get(LABELS), Stamp.readNote(note).get(LABELS).sha256());
        assertTrue(student().status(Spec.MNIST).verified(), "the next start trusts the note");
    }

    @Test
    void aChangedFileIsRefusedNamedAndLeftInPlace() throws IOException {
        Path labels = prepare(Spec.MNIST).resolve(LABELS);
        byte[] bytes = Files.readAllBytes(labels);
        bytes[100] ^= 1;
        Files.write(labels, bytes);
        Files.setLastModifiedTime(labels, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        Map<String, String> before = snapshot(shared);

        DatasetException e = assertThrows(DatasetException.class, () -> student().ensure(Spec.MNIST));

        assertTrue(e.getMessage().startsWith("The shared dataset folder " + shared + " (GAN_COURSE_DATA_SHARED) is not "
                + "usable for mnist: " + labels + " is not the checked file (SHA-256 "), e.getMessage());
        assertTrue(e.getMessage().contains("Nothing was changed there"), e.getMessage());
        assertTrue(e.getMessage().contains("unset GAN_COURSE_DATA_SHARED to use your own copy in " + own), e.getMessage());
        assertEquals(before, snapshot(shared));
        assertEquals(List.of(), TestData.filesUnder(own));
    }

    @Test
    void aMissingFileIsNamed() throws IOException {
        Path images = prepare(Spec.MNIST).resolve("t10k-images-idx3-ubyte");
        Files.delete(images);

        DatasetException e = assertThrows(DatasetException.class, () -> student().ensure(Spec.MNIST));

        assertTrue(e.getMessage().contains("not usable for mnist: " + images + " is missing"), e.getMessage());
    }

    @Test
    void aFolderWithoutTheCoursesNoteIsCheckedAgainstTheOfficialSums() throws IOException {
        Path mnist = prepare(Spec.MNIST);
        Files.delete(mnist.resolve(Stamp.FILE));   // the official files, unpacked by hand

        assertEquals(mnist, student().ensure(Spec.MNIST));
        assertTrue(Files.isRegularFile(own.resolve("mnist").resolve(Shared.NOTE)));
    }

    @Test
    void aDatasetTheSharedFolderLacksComesFromTheStudentsOwnCache() throws IOException {
        prepare(Spec.MNIST);
        Map<String, String> before = snapshot(shared);

        Path fashion = new Cache(own, TestData.mirror(), Cache.STALL, shared).ensure(Spec.FASHION_MNIST);

        assertEquals(own.resolve("fashion-mnist"), fashion);
        assertTrue(Files.isRegularFile(fashion.resolve(Stamp.FILE)));
        assertEquals(before, snapshot(shared));
    }

    /** Every file and folder under {@code dir} with its size and modification time. */
    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> all = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.toList()) {
                all.put(dir.relativize(p).toString(), Files.size(p) + " " + Files.getLastModifiedTime(p).toMillis());
            }
        }
        return all;
    }
}
