package gancourse.data;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CIFAR-10 from the mirror's archive (unpacked once into the shared cache), and the archive checks. */
class CifarTest {
    private static final List<String> NAMES = List.of(
            "airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck");

    private final Cache shared = new Cache(TestData.sharedCache(), TestData.mirror());

    @Test
    void trainAndTestHaveTheirKnownLabelsNamesAndPixels() throws IOException {
        Path dir = shared.ensure(Spec.CIFAR_10);
        ImageDataset train = Datasets.read(Spec.CIFAR_10, dir, true, Integer.MAX_VALUE);
        ImageDataset test = Datasets.read(Spec.CIFAR_10, dir, false, Integer.MAX_VALUE);

        assertArrayEquals(new long[] {50_000, 3, 32, 32}, train.images().shape());
        assertEquals(10_000, test.size());
        assertEquals(NAMES, train.classNames());
        assertArrayEquals(new int[] {6, 9, 9, 4, 1, 1, 2, 7, 8, 3}, Arrays.copyOf(train.labels(), 10));
        assertArrayEquals(new int[] {3, 8, 8, 0, 6, 6, 1, 6, 3, 1}, Arrays.copyOf(test.labels(), 10));
        assertEquals(-1.0, train.images().minNumber().doubleValue(), 1e-6);
        assertEquals(1.0, train.images().maxNumber().doubleValue(), 1e-6);

        // The image that starts the fifth file, against that file's (checked) bytes.
        byte[] batch5 = Files.readAllBytes(dir.resolve(Spec.CIFAR_DIR + "data_batch_5.bin"));
        assertEquals(batch5[0] & 0xff, train.label(40_000));
        DatasetsTest.assertPixels(batch5, 1, train.image(40_000));

        ImageDataset horses = train.ofClass("horse");
        assertEquals(5_000, horses.size());
        assertTrue(Arrays.stream(horses.labels()).allMatch(y -> y == 7));
        assertEquals(train.image(7), horses.image(0), "the first horse is image 7");
    }

    @Test
    void theOfficialArchiveIsKnownByItsMd5WhateverItsFilesSums() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("d/a.bin", new byte[] {1, 2, 3});
        files.put("d/names.txt", "x\ny\n".getBytes(StandardCharsets.US_ASCII));
        files.put("d/readme.html", new byte[700]);
        byte[] archive = tarGz(files);
        String md5 = HexFormat.of().formatHex(Unpack.digest("MD5").digest(archive));
        Path mirror = TestData.tempDir("gan-course-tiny-mirror");
        Files.createDirectories(mirror.resolve("tiny"));
        Files.write(mirror.resolve("tiny/tiny.tar.gz"), archive);
        Path data = TestData.tempDir("gan-course-tiny");
        Map<String, String> otherSums = Map.of("d/a.bin", "0".repeat(64));

        Spec official = new Spec("tiny", List.of("https://example.org/"), List.of("tiny.tar.gz"),
                List.of("d/a.bin", "d/names.txt"), otherSums, md5, archive.length, List.of("x", "y"));
        Path dir = new Cache(data, mirror).ensure(official);
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(dir.resolve("d/a.bin")));
        assertEquals(List.of(dir.resolve("d/a.bin"), dir.resolve("d/names.txt"), dir.resolve(Stamp.FILE)),
                TestData.filesUnder(dir).stream().sorted().toList(), "only the files asked for, and the stamp");

        Spec neither = new Spec("tiny", official.urls(), official.downloads(), official.files(), otherSums,
                "f".repeat(32), archive.length, official.classNames());
        TestData.deleteTree(dir);
        DatasetException e = assertThrows(DatasetException.class, () -> new Cache(data, mirror).ensure(neither));
        assertTrue(e.getMessage().contains("is damaged: wrong checksum: it is neither the official archive (MD5 "
                + "f".repeat(32)), e.getMessage());
        assertEquals(List.of(), TestData.filesUnder(dir));
    }

    /** A .tar.gz made by hand: a 512-byte header per file, the bytes padded to 512, two zero blocks. */
    static byte[] tarGz(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(buffer)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                byte[] header = new byte[512];
                put(header, 0, f.getKey());
                put(header, 100, "0000644");
                put(header, 124, String.format("%011o", f.getValue().length));
                header[156] = '0';
                put(header, 257, "ustar");
                out.write(header);
                out.write(f.getValue());
                out.write(new byte[(512 - f.getValue().length % 512) % 512]);
            }
            out.write(new byte[1024]);
        }
        return buffer.toByteArray();
    }

    private static void put(byte[] header, int at, String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, header, at, b.length);
    }
}
