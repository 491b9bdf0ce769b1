package gancourse.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

/** Issue 15: malformed and oversized sample files are refused with a message naming the file and what is wrong. */
class SampleFilesTest {
    private static Path idx(Path dir, int n, int h, int w, long pixelBytes) throws IOException {
        Path f = dir.resolve("samples-" + n + "-" + h + "-" + w + ".idx");
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(f))) {
            out.writeInt(0x803);
            out.writeInt(n);
            out.writeInt(h);
            out.writeInt(w);
            out.write(new byte[(int) pixelBytes]);
        }
        return f;
    }

    private static String refusal(Path f) {
        return assertThrows(IllegalArgumentException.class, () -> SampleFiles.read(f)).getMessage();
    }

    @Test
    void writtenSamplesReadBack(@TempDir Path dir) {
        var images = Nd4j.linspace(-1, 1, 3 * 784).reshape(3, 1, 28, 28).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
        SampleFiles.writeIdx(images, dir.resolve("a.idx"));
        var back = SampleFiles.read(dir.resolve("a.idx"));
        assertArrayEquals(new long[] {3, 1, 28, 28}, back.shape());
        assertEquals(0, back.sub(images).amaxNumber().doubleValue(), 1 / 255.0);
        var colour = Nd4j.zeros(2, 3, 32, 32);
        SampleFiles.writeCifar(colour, dir.resolve("c.bin"));
        assertEquals("3x32x32", SampleFiles.header(dir.resolve("c.bin")).imageShape());
        assertArrayEquals(new long[] {2, 3, 32, 32}, SampleFiles.read(dir.resolve("c.bin")).shape());
    }

    @Test
    void malformedHeadersAreRefusedByName(@TempDir Path dir) throws IOException {
        Path none = idx(dir, 0, 28, 28, 0);
        assertEquals("the samples file " + none + " cannot be used: its header says it holds 0 images.", refusal(none));
        Path negative = idx(dir, 2, -28, 28, 0);
        assertEquals("the samples file " + negative + " cannot be used: its header gives an image size of -28x28.", refusal(negative));
        Path overflow = idx(dir, 0x7fffffff, 0x7fff, 0x7fff, 10);
        assertEquals("the samples file " + overflow + " cannot be used: its header gives an image size of 32767x32767, "
                + "too large to be an image.", refusal(overflow));
        Path lying = idx(dir, 5, 28, 28, 784);
        assertEquals("the samples file " + lying + " cannot be used: its header says 5 images of 28x28 (3936 bytes with the "
                + "header) but the file has 800 bytes: it is truncated or not what the header says.", refusal(lying));
        Path wide = idx(dir, 2, 14, 56, 2 * 14 * 56);
        assertEquals("1x14x56", SampleFiles.header(wide).imageShape(), "well formed: eval compares it with the dataset");
        Path empty = Files.write(dir.resolve("empty"), new byte[0]);
        assertEquals("the samples file " + empty + " cannot be used: it is empty.", refusal(empty));
        Path text = Files.writeString(dir.resolve("notes.txt"), "not samples");
        assertEquals("the samples file " + text + " cannot be used: it is neither an IDX image file (no 0x803 magic "
                + "number) nor CIFAR-10 records (its size, 11 bytes, is no multiple of 3073).", refusal(text));
    }

    @Test
    void aHugeFileIsRefusedBeforeItIsRead(@TempDir Path dir) throws IOException {
        // 1.2 GB, consistent with its header; sparse, so the test writes 16 bytes.
        int n = 1_500_000;
        Path huge = idx(dir, n, 28, 28, 0);
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(16 + (long) n * 784);
        }
        assertEquals("the samples file " + huge + " cannot be used: it holds 1500000 images, more than the 100000 that "
                + "are read at most; score fewer samples (./course train ... --samples K).", refusal(huge));
    }
}
