package gancourse.data;

import gancourse.Course;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loading by name through the course settings, from the shared cache filled from the mirror. */
class DatasetsTest {

    @BeforeEach
    void useMirror() {
        // Whatever the environment says: these tests count the images of whole splits.
        TestData.useCourseSettings(TestData.sharedCache(), false);
    }

    @AfterEach
    void clearSettings() {
        TestData.clearCourseSettings();
    }

    @Test
    void mnistTrainHasItsKnownShapeLabelsAndPixels() throws IOException {
        ImageDataset mnist = Datasets.load("mnist", "train");

        assertEquals(60_000, mnist.size());
        assertArrayEquals(new long[] {60_000, 1, 28, 28}, mnist.images().shape());
        assertArrayEquals(new long[] {60_000, 784}, mnist.flat().shape());
        // The first labels of MNIST's training set, as every tutorial prints them.
        assertArrayEquals(new int[] {5, 0, 4, 1, 9, 2, 1, 3, 1, 4}, Arrays.copyOf(mnist.labels(), 10));
        assertEquals(-1.0, mnist.images().minNumber().doubleValue(), 1e-6);
        assertEquals(1.0, mnist.images().maxNumber().doubleValue(), 1e-6);
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), mnist.classNames());

        // The first and last images, against the bytes of the mirror's file read here independently.
        byte[] raw = gunzip(TestData.mirror().resolve("mnist/train-images-idx3-ubyte.gz"));
        assertPixels(raw, 16, mnist.image(0));
        assertPixels(raw, 16 + 59_999 * 784, mnist.image(59_999));
    }

    @Test
    void mnistTestAndFashionMnistHaveTheirKnownLabels() {
        ImageDataset test = Datasets.load("mnist", "test");
        assertEquals(10_000, test.size());
        assertArrayEquals(new int[] {7, 2, 1, 0, 4, 1, 4, 9, 5, 9}, Arrays.copyOf(test.labels(), 10));

        ImageDataset fashion = Datasets.load("fashion-mnist", "train");
        assertEquals(60_000, fashion.size());
        assertArrayEquals(new int[] {9, 0, 0, 3, 0, 2, 7, 2, 5, 5}, Arrays.copyOf(fashion.labels(), 10));
        assertEquals("Ankle boot", fashion.classNames().get(fashion.label(0)));
        ImageDataset fashionTest = Datasets.load("fashion-mnist", "test");
        assertEquals(10_000, fashionTest.size());
        assertArrayEquals(new int[] {9, 2, 1, 1, 6, 1, 4, 6, 5, 7}, Arrays.copyOf(fashionTest.labels(), 10));
    }

    @Test
    void smokeModeKeepsTheFirstImagesOnly() {
        System.setProperty(Course.SMOKE, "1");
        ImageDataset train = Datasets.load("mnist", "train");
        ImageDataset test = Datasets.load("cifar-10", "test");

        assertEquals(Datasets.SMOKE_TRAIN, train.size());
        assertEquals(Datasets.SMOKE_TEST, test.size());
        assertArrayEquals(new int[] {5, 0, 4, 1, 9}, Arrays.copyOf(train.labels(), 5));
        assertArrayEquals(new int[] {3, 8, 8, 0, 6}, Arrays.copyOf(test.labels(), 5));
        assertEquals(100, Datasets.load("mnist", "test", 100).size());
    }

    @Test
    void aSecondLoadReadsTheCacheWithoutTheMirror() {
        Datasets.fetch("mnist");
        System.setProperty(Course.MIRROR, TestData.sharedCache().resolve("no-such-mirror").toString());
        assertEquals(10_000, Datasets.load("mnist", "test").size());
    }

    @Test
    void statusSaysWhatIsCachedAndVerified() {
        Path empty = TestData.tempDir("gan-course-status");
        System.setProperty(Course.DATA, empty.toString());
        List<Datasets.Status> before = Datasets.status();
        assertEquals(Datasets.NAMES, before.stream().map(Datasets.Status::name).toList());
        assertTrue(before.stream().noneMatch(Datasets.Status::cached));
        assertTrue(before.get(0).toString().contains("not downloaded"), before.get(0).toString());

        Datasets.fetch("mnist");
        Datasets.Status mnist = Datasets.status().get(0);
        assertTrue(mnist.cached() && mnist.verified(), mnist.toString());
        assertFalse(Datasets.status().get(2).cached());
    }

    @Test
    void aWrongNameListsTheValidOnes() {
        DatasetException e = assertThrows(DatasetException.class, () -> Datasets.load("mnsit", "train"));
        assertEquals("Unknown dataset 'mnsit'. Valid names: mnist, fashion-mnist, cifar-10.", e.getMessage());
        DatasetException split = assertThrows(DatasetException.class, () -> Datasets.load("mnist", "validation"));
        assertTrue(split.getMessage().contains("\"train\" or \"test\""), split.getMessage());
    }

    static byte[] gunzip(Path gz) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            return in.readAllBytes();
        }
    }

    /** The image equals the bytes at {@code offset}, scaled from 0..255 to -1..1. */
    static void assertPixels(byte[] raw, int offset, INDArray image) {
        float[] got = image.dup().data().asFloat();
        for (int j = 0; j < got.length; j++) {
            assertEquals((raw[offset + j] & 0xff) / 127.5 - 1, got[j], 1e-6, "pixel " + j);
        }
    }
}
