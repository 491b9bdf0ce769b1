package gancourse.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.InputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import gancourse.training.Checkpoint;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Generated images in the datasets' own file formats, so that any tool that reads MNIST or CIFAR-10 reads
 * them: an IDX image file (like train-images-idx3-ubyte, pixels 0..255) for 28x28 grey images, CIFAR-10
 * binary records (a label byte, 0 here, then 3072 pixel bytes, red then green then blue planes) for 32x32
 * colour ones.
 */
public final class SampleFiles {
    private static final int IDX_IMAGES = 0x00000803;

    private SampleFiles() {}

    /** Images in [-1, 1], [n, 1, h, w] or rows [n, h*w] of a square image, as an IDX file. */
    public static void writeIdx(INDArray images, Path file) {
        long n = images.size(0);
        int side = (int) Math.round(Math.sqrt(images.length() / n));
        if ((long) side * side * n != images.length()) {
            throw new IllegalArgumentException("IDX samples must be square grey images, got shape "
                    + java.util.Arrays.toString(images.shape()));
        }
        byte[] pixels = toBytes(images);
        write(file, out -> {
            DataOutputStream data = new DataOutputStream(out);
            data.writeInt(IDX_IMAGES);
            data.writeInt((int) n);
            data.writeInt(side);
            data.writeInt(side);
            data.write(pixels);
            data.flush();
        });
    }

    /** Colour images [n, 3, 32, 32] in [-1, 1] as CIFAR-10 binary records with label 0. */
    public static void writeCifar(INDArray images, Path file) {
        if (images.rank() != 4 || images.size(1) != 3 || images.size(2) != 32 || images.size(3) != 32) {
            throw new IllegalArgumentException("CIFAR-10 samples are [n, 3, 32, 32], got "
                    + java.util.Arrays.toString(images.shape()));
        }
        byte[] pixels = toBytes(images);
        int record = 3 * 32 * 32;
        write(file, out -> {
            for (int i = 0; i < images.size(0); i++) {
                out.write(0);
                out.write(pixels, i * record, record);
            }
        });
    }

    /** The most images {@link #read} takes: 100,000 CIFAR-10 images are 1.2 GB as floats. */
    public static final int MAX_IMAGES = 100_000;

    private static final int CIFAR_RECORD = 1 + 3 * 32 * 32;

    /** What a samples file holds, from its header (IDX) or its size (CIFAR-10 records), checked against its size. */
    public record Header(Path file, boolean idx, int count, int channels, int height, int width) {
        /** e.g. "3x32x32" */
        public String imageShape() {
            return channels + "x" + height + "x" + width;
        }
    }

    /**
     * Reads and checks a samples file's header without reading its pixels: a malformed or oversized file is
     * refused with a message that names it and says what is wrong, before anything else is loaded.
     */
    public static Header header(Path file) {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            long size = Files.size(file);
            if (size == 0) throw bad(file, "it is empty");
            if (size >= 4) {
                int first = in.readInt();
                if (first == IDX_IMAGES) return idxHeader(file, in, size);
            }
            if (size % CIFAR_RECORD != 0) {
                throw bad(file, "it is neither an IDX image file (no 0x803 magic number) nor CIFAR-10 records "
                        + "(its size, " + size + " bytes, is no multiple of " + CIFAR_RECORD + ")");
            }
            return new Header(file, false, checkCount(file, size / CIFAR_RECORD), 3, 32, 32);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no samples file " + file + ": check the path (./course train ... --out FILE writes one)");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the samples file " + file + ": " + e.getMessage(), e);
        }
    }

    private static Header idxHeader(Path file, DataInputStream in, long size) throws IOException {
        if (size < 16) throw bad(file, "its IDX header is cut short (" + size + " bytes, a header has 16)");
        long n = in.readInt(), h = in.readInt(), w = in.readInt();
        if (n <= 0) throw bad(file, "its header says it holds " + n + " images");
        if (h <= 0 || w <= 0) throw bad(file, "its header gives an image size of " + h + "x" + w);
        if (h > 4096 || w > 4096) throw bad(file, "its header gives an image size of " + h + "x" + w + ", too large to be an image");
        long expected = 16 + n * h * w; // below 2^31 * 2^24: no overflow
        if (expected != size) {
            throw bad(file, "its header says " + n + " images of " + h + "x" + w + " (" + expected + " bytes with the "
                    + "header) but the file has " + size + " bytes: it is truncated or not what the header says");
        }
        return new Header(file, true, checkCount(file, n), 1, (int) h, (int) w);
    }

    private static int checkCount(Path file, long n) {
        if (n > MAX_IMAGES) {
            throw bad(file, "it holds " + n + " images, more than the " + MAX_IMAGES + " that are read at most; "
                    + "score fewer samples (./course train ... --samples K)");
        }
        return (int) n;
    }

    private static IllegalArgumentException bad(Path file, String what) {
        return new IllegalArgumentException("the samples file " + file + " cannot be used: " + what + ".");
    }

    /**
     * Samples written by {@link #writeIdx} or {@link #writeCifar} (or real dataset files, up to {@link #MAX_IMAGES}),
     * as [n, c, h, w] in [-1, 1], read a chunk at a time.
     */
    public static INDArray read(Path file) {
        Header header = header(file);
        int n = header.count(), pixels = header.channels() * header.height() * header.width();
        int record = header.idx() ? pixels : CIFAR_RECORD;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            if (header.idx()) in.skipNBytes(16);
            Pixels x = new Pixels(n, header.channels(), header.height(), header.width());
            byte[] chunk = new byte[Pixels.CHUNK * record];
            for (int first = 0; first < n; first += Pixels.CHUNK) {
                int k = Math.min(Pixels.CHUNK, n - first);
                if (in.readNBytes(chunk, 0, k * record) < k * record) throw new EOFException();
                x.put(first, k, chunk, header.idx() ? 0 : 1, record);
            }
            return Pixels.toFloats(x.array());
        } catch (EOFException e) {
            throw new IllegalArgumentException("the samples file " + file + " ends early: it is truncated. Write it again.");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the samples file " + file + ": " + e.getMessage(), e);
        }
    }

    // [-1, 1] -> 0..255, rounded, clipped: the inverse of the loaders' scaling.
    private static byte[] toBytes(INDArray images) {
        float[] v = images.dup('c').castTo(DataType.FLOAT).data().asFloat();
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            float x = Float.isNaN(v[i]) ? -1 : Math.max(-1, Math.min(1, v[i]));
            b[i] = (byte) Math.round((x + 1) * 127.5f);
        }
        return b;
    }

    private static void write(Path file, Checkpoint.Writer writer) {
        try {
            Checkpoint.writeAtomically(file, writer);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
        }
    }
}
