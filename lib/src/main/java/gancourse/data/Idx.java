package gancourse.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads MNIST-style IDX files: a big-endian header (a magic number, then the sizes) followed by
 * unsigned bytes, row by row. Fashion-MNIST uses the same format and file names.
 */
final class Idx {
    private static final int IMAGES = 0x00000803;
    private static final int LABELS = 0x00000801;

    private Idx() {}

    /** At most {@code limit} images of a split ("train" or "t10k" in the file names). */
    static ImageDataset read(Path dir, String name, boolean train, int limit, List<String> classNames) {
        String prefix = train ? "train" : "t10k";
        Path imageFile = dir.resolve(prefix + "-images-idx3-ubyte");
        Path labelFile = dir.resolve(prefix + "-labels-idx1-ubyte");
        try (DataInputStream images = open(imageFile); DataInputStream labels = open(labelFile)) {
            int n = header(images, imageFile, IMAGES);
            int h = images.readInt();
            int w = images.readInt();
            if (header(labels, labelFile, LABELS) != n) {
                throw new DatasetException(imageFile + " and " + labelFile + " hold different numbers of items. "
                        + "Delete " + dir + " and run again to download the files again.");
            }
            int count = Math.min(n, limit);

            byte[] labelBytes = labels.readNBytes(count);
            if (labelBytes.length < count) throw new EOFException(labelFile + " ends early");
            int[] y = new int[count];
            for (int i = 0; i < count; i++) y[i] = labelBytes[i] & 0xff;

            Pixels x = new Pixels(count, 1, h, w);
            byte[] chunk = new byte[Pixels.CHUNK * h * w];
            for (int first = 0; first < count; first += Pixels.CHUNK) {
                int k = Math.min(Pixels.CHUNK, count - first);
                images.readFully(chunk, 0, k * h * w);
                x.put(first, k, chunk, 0, h * w);
            }
            return new ImageDataset(name + " " + (train ? "train" : "test"), x.array(), y, classNames);
        } catch (IOException e) {
            throw new DatasetException("Could not read " + dir + ": " + e + ". Delete " + dir.resolve(Stamp.FILE)
                    + " and run again to download and check the files again.", e);
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        return new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
    }

    private static int header(DataInputStream in, Path file, int magic) throws IOException {
        int m = in.readInt();
        if (m != magic) {
            throw new IOException(file + " is not an IDX file of the expected kind (magic number "
                    + Integer.toHexString(m) + ", expected " + Integer.toHexString(magic) + ")");
        }
        return in.readInt();
    }
}
