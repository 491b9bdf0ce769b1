package gancourse.data;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Subsets and batches, on made-up images whose every pixel is the image's index: a batch row then says
 * which image it is, and its label must be that image's label.
 */
class ImageDatasetTest {
    private static final int N = 1000;
    private static final List<String> CLASSES = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");

    private static ImageDataset numbered() {
        INDArray images = Nd4j.arange(N).castTo(DataType.FLOAT).reshape(N, 1, 1, 1).repeat(1, 2).repeat(2, 3)
                .repeat(3, 3).reshape('c', N, 2, 3, 3);
        int[] labels = IntStream.range(0, N).map(i -> (i * 7) % 10).toArray();
        return new ImageDataset("numbered", images.dup('c'), labels, CLASSES);
    }

    private static int index(DataSet batch, int row) {
        INDArray features = batch.getFeatures();
        return features.reshape(features.size(0), -1).getInt(row, 0);
    }

    @Test
    void subsetsKeepImagesWithTheirLabels() {
        ImageDataset data = numbered();
        assertEquals(18, data.flat().size(1));
        assertEquals(5, data.flat().getInt(5, 17));

        ImageDataset first = data.first(10);
        assertEquals(10, first.size());
        assertEquals(9, first.images().getInt(9, 1, 2, 2));

        ImageDataset d = data.ofClass("d");
        assertEquals(N / 10, d.size());
        for (int i = 0; i < d.size(); i++) {
            int original = d.image(i).getInt(0, 0, 0);
            assertEquals(3, data.label(original));
            assertEquals(3, d.label(i));
        }
        assertThrows(IllegalArgumentException.class, () -> data.ofClass("z"));
        assertThrows(IllegalArgumentException.class, () -> data.ofClass(10));
    }

    @Test
    void anEpochServesEachImageOnceInFullBatchesWithOneHotLabels() {
        ImageDataset data = numbered();
        ImageIterator it = data.iterator(128, 42);

        Set<Integer> seen = new HashSet<>();
        int batches = 0;
        while (it.hasNext()) {
            DataSet batch = it.next();
            assertArrayEquals(new long[] {128, 2, 3, 3}, batch.getFeatures().shape());
            assertArrayEquals(new long[] {128, 10}, batch.getLabels().shape());
            for (int r = 0; r < 128; r++) {
                int i = index(batch, r);
                assertTrue(seen.add(i), "image " + i + " twice in one epoch");
                assertEquals(1.0, batch.getLabels().getRow(r).sumNumber().doubleValue());
                assertEquals(1.0, batch.getLabels().getDouble(r, data.label(i)));
            }
            batches++;
        }
        // 1000 = 7 * 128 + 104: the incomplete last batch is dropped.
        assertEquals(7, batches);
        assertEquals(7, it.batches());
        assertEquals(7 * 128, seen.size());
        assertEquals(18, it.inputColumns());
        assertEquals(10, it.totalOutcomes());
        assertEquals(CLASSES, it.getLabels());
    }

    @Test
    void keepingTheLastBatchServesEveryImage() {
        ImageIterator it = new ImageIterator(numbered(), 128, true, 1, false);
        List<DataSet> epoch = epoch(it);
        assertEquals(8, epoch.size());
        assertArrayEquals(new long[] {104, 18}, epoch.get(7).getFeatures().shape());
        assertEquals(N, epoch.stream().mapToInt(DataSet::numExamples).sum());
    }

    @Test
    void theSameSeedGivesTheSameBatchesAndEachEpochANewOrder() {
        ImageIterator a = numbered().iterator(100, 7);
        ImageIterator b = numbered().iterator(100, 7);
        ImageIterator c = numbered().iterator(100, 8);

        List<Integer> a1 = order(epoch(a));
        assertFalse(a.hasNext());
        a.reset();
        assertTrue(a.hasNext());
        List<Integer> a2 = order(epoch(a));
        List<Integer> b1 = order(epoch(b));
        b.reset();

        assertEquals(a1, b1);
        assertEquals(a2, order(epoch(b)));
        assertNotEquals(a1, a2, "a new order each epoch");
        assertEquals(new HashSet<>(a1), new HashSet<>(a2));
        assertNotEquals(a1, order(epoch(c)));
        assertNotEquals(IntStream.range(0, N).boxed().toList(), a1, "shuffled from the first epoch on");
    }

    @Test
    void aBatchLargerThanTheDataIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> numbered().first(50).iterator(64, 1));
        assertTrue(e.getMessage().contains("no full batch"), e.getMessage());
    }

    private static List<DataSet> epoch(ImageIterator it) {
        List<DataSet> batches = new ArrayList<>();
        while (it.hasNext()) batches.add(it.next());
        return batches;
    }

    private static List<Integer> order(List<DataSet> batches) {
        List<Integer> order = new ArrayList<>();
        for (DataSet b : batches) {
            for (int r = 0; r < b.numExamples(); r++) order.add(index(b, r));
        }
        return order;
    }

    @Test
    void aDatasetHeldAsBytesServesTheFloatsTheBytesStandFor() {
        int pixels = 18;
        byte[] raw = new byte[N * pixels];
        float[] expected = new float[N * pixels];
        for (int k = 0; k < raw.length; k++) {
            raw[k] = (byte) (k * 31 % 256);
            expected[k] = (raw[k] & 0xff) / 127.5f - 1f;
        }
        int[] labels = IntStream.range(0, N).map(i -> (i * 7) % 10).toArray();
        INDArray bytes = Nd4j.createUninitialized(DataType.UINT8, N, 2, 3, 3);
        bytes.data().asNio().put(raw);
        ImageDataset compact = new ImageDataset("bytes", bytes, labels, CLASSES);
        ImageDataset floats = new ImageDataset("floats", Nd4j.create(expected, new long[] {N, 2, 3, 3}, 'c'), labels,
                CLASSES);

        assertEquals(floats.first(10).images(), compact.first(10).images());
        assertEquals(floats.ofClass("c").flat(), compact.ofClass("c").flat());
        assertEquals(floats.image(123), compact.image(123));
        ImageIterator a = floats.flatIterator(64, 5), b = compact.flatIterator(64, 5);
        while (a.hasNext()) assertEquals(a.next().getFeatures(), b.next().getFeatures());
        assertFalse(b.hasNext());
        assertEquals(DataType.FLOAT, compact.ofClass("c").images().dataType());
        assertEquals(floats.images(), compact.images());
        assertEquals(floats.image(123), compact.image(123), "and after the whole set was made floats");
    }
}
