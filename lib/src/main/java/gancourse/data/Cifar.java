package gancourse.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CIFAR-10's binary batches: 10,000 records per file, each one label byte then 3,072 pixel bytes
 * (the red 32x32 plane, then green, then blue), which is already the channels-first layout.
 */
final class Cifar {
    private static final int SIDE = 32;
    private static final int PIXELS = 3 * SIDE * SIDE;
    private static final int RECORD = 1 + PIXELS;
    private static final int PER_FILE = 10_000;

    private Cifar() {}

    static ImageDataset read(Path dir, boolean train, int limit) {
        Path batches = dir.resolve(Spec.CIFAR_DIR);
        List<String> files = train
                ? List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin",
                        "data_batch_5.bin")
                : List.of("test_batch.bin");
        try {
            List<String> classNames = classNames(batches.resolve("batches.meta.txt"));
            int count = Math.min(files.size() * PER_FILE, limit);
            int[] y = new int[count];
            Pixels x = new Pixels(count, 3, SIDE, SIDE);
            byte[] chunk = new byte[Pixels.CHUNK * RECORD];
            int done = 0;
            for (String f : files) {
                if (done == count) break;
                try (InputStream in = new BufferedInputStream(Files.newInputStream(batches.resolve(f)), 1 << 16)) {
                    for (int inFile = 0; inFile < PER_FILE && done < count; ) {
                        int k = Math.min(Pixels.CHUNK, Math.min(PER_FILE - inFile, count - done));
                        if (in.readNBytes(chunk, 0, k * RECORD) < k * RECORD) {
                            throw new IOException(batches.resolve(f) + " ends early");
                        }
                        for (int i = 0; i < k; i++) y[done + i] = chunk[i * RECORD] & 0xff;
                        x.put(done, k, chunk, 1, RECORD);
                        done += k;
                        inFile += k;
                    }
                }
            }
            return new ImageDataset("cifar-10 " + (train ? "train" : "test"), x.array(), y, classNames);
        } catch (IOException e) {
            throw new DatasetException("Could not read " + batches + ": " + e + ". Delete " + dir.resolve(Stamp.FILE)
                    + " and run again to download and check the files again.", e);
        }
    }

    /** One name a line; the official file ends with blank lines. */
    private static List<String> classNames(Path meta) throws IOException {
        List<String> names = new ArrayList<>();
        for (String line : Files.readAllLines(meta)) {
            if (!line.isBlank()) names.add(line.trim());
        }
        if (!names.equals(Datasets.CIFAR_10_CLASSES)) {
            throw new IOException(meta + " should name CIFAR-10's classes " + Datasets.CIFAR_10_CLASSES
                    + ", one a line, but names " + names);
        }
        return names;
    }
}
