package gancourse.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import gancourse.training.Checkpoint;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

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

    /** Samples written by {@link #writeIdx} or {@link #writeCifar} (or real dataset files), as [n, c, h, w] in [-1, 1]. */
    public static INDArray read(Path file) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            long size = Files.size(file);
            int first = in.readInt();
            if (first == IDX_IMAGES) {
                int n = in.readInt(), h = in.readInt(), w = in.readInt();
                if (16L + (long) n * h * w != size) {
                    throw new IOException("the header says " + n + " images of " + h + "x" + w + " but the file has "
                            + size + " bytes");
                }
                return fromBytes(in.readNBytes(n * h * w), n, 1, h, w);
            }
            int record = 1 + 3 * 32 * 32;
            if (size % record != 0) {
                throw new IOException("neither an IDX image file (no 0x803 magic number) nor CIFAR-10 records "
                        + "(the size " + size + " is no multiple of " + record + ")");
            }
            int n = (int) (size / record);
            byte[] all = new byte[(int) size];
            all[0] = (byte) (first >>> 24);
            all[1] = (byte) (first >>> 16);
            all[2] = (byte) (first >>> 8);
            all[3] = (byte) first;
            in.readFully(all, 4, all.length - 4);
            byte[] pixels = new byte[n * (record - 1)];
            for (int i = 0; i < n; i++) System.arraycopy(all, i * record + 1, pixels, i * (record - 1), record - 1);
            return fromBytes(pixels, n, 3, 32, 32);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no samples file " + file + ": check the path (./course train ... --out FILE writes one)");
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

    private static INDArray fromBytes(byte[] bytes, int n, int c, int h, int w) {
        float[] v = new float[bytes.length];
        for (int i = 0; i < v.length; i++) v[i] = (bytes[i] & 0xff) / 127.5f - 1f;
        return Nd4j.create(v, new long[] {n, c, h, w}, 'c');
    }

    private static void write(Path file, Checkpoint.Writer writer) {
        try {
            Checkpoint.writeAtomically(file, writer);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
        }
    }
}
