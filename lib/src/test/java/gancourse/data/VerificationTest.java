package gancourse.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Issue 15: every file used from an archive is verified (CIFAR-10's class names too); killed copies leave nothing. */
class VerificationTest {
    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(Unpack.digest("SHA-256").digest(bytes));
    }

    private static Map<String, Unpack.Part> parts(Spec spec, Map<String, String> sums) {
        Map<String, Unpack.Part> parts = new LinkedHashMap<>();
        for (String f : spec.files()) {
            parts.put(f, new Unpack.Part(Path.of("tmp"), Path.of(f), sums.getOrDefault(f, spec.sha256().get(f)), 1));
        }
        return parts;
    }

    @Test
    void cifarClassNamesAreVerified() {
        String download = Spec.CIFAR_10.downloads().get(0);
        assertNull(Cache.problem(Spec.CIFAR_10, download, parts(Spec.CIFAR_10, Map.of()), "0", 1), "the mirror's copy");
        String altered = sha256("airplane\nautomobile\nbird\ndog\ndeer\ncat\nfrog\nhorse\nship\ntruck\n".getBytes(StandardCharsets.US_ASCII));
        String problem = Cache.problem(Spec.CIFAR_10, download,
                parts(Spec.CIFAR_10, Map.of(Spec.CIFAR_DIR + "batches.meta.txt", altered)), "0", 1);
        assertTrue(problem != null && problem.contains("cifar-10-batches-bin/batches.meta.txt: SHA-256 " + altered), problem);
    }

    @Test
    void aFileWithoutAChecksumIsRefused() {
        Spec tiny = new Spec("tiny", List.of("https://example.org/"), List.of("tiny.tar.gz"), List.of("d/a.bin", "d/b.txt"),
                Map.of("d/a.bin", "0".repeat(64)), null, 0, List.of("x"));
        Map<String, Unpack.Part> parts = new LinkedHashMap<>();
        parts.put("d/a.bin", new Unpack.Part(Path.of("t"), Path.of("a"), "0".repeat(64), 1));
        parts.put("d/b.txt", new Unpack.Part(Path.of("t"), Path.of("b"), "1".repeat(64), 1));
        assertEquals("the course has no checksum for d/b.txt, so it cannot be verified",
                Cache.problem(tiny, "tiny.tar.gz", parts, "0", 1));
    }

    @Test
    void cachedClassNamesOtherThanCifarsAreRefused() throws IOException {
        Path dir = TestData.tempDir("gan-course-meta");
        Path meta = dir.resolve(Spec.CIFAR_DIR + "batches.meta.txt");
        Files.createDirectories(meta.getParent());
        Files.writeString(meta, "airplane\nautomobile\nbird\ndog\ndeer\ncat\nfrog\nhorse\nship\ntruck\n\n");
        var e = assertThrows(DatasetException.class, () -> Datasets.read(Spec.CIFAR_10, dir, false, 1));
        assertTrue(e.getMessage().contains(meta + " should name CIFAR-10's classes [airplane, automobile, bird, cat, "), e.getMessage());
        TestData.deleteTree(dir);
    }

    @Test
    void theNextRunDeletesWhatAKilledCopyLeft() throws IOException {
        Path mirror = TestData.tempDir("gan-course-tiny-mirror");
        Files.createDirectories(mirror.resolve("tiny"));
        byte[] content = "hello".getBytes(StandardCharsets.US_ASCII);
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(mirror.resolve("tiny/a.txt.gz")))) {
            out.write(content);
        }
        Spec tiny = new Spec("tiny", List.of("https://example.org/"), List.of("a.txt.gz"), List.of("a.txt"),
                Map.of("a.txt", sha256(content)), null, 0, List.of("x"));
        Path data = TestData.tempDir("gan-course-tiny-data");
        Path dir = data.resolve("tiny");
        Files.createDirectories(dir.resolve("sub"));
        // What a copy killed midway leaves: hidden temporary files beside the targets, and no stamp.
        Path killed = Files.writeString(dir.resolve(".a.txt.8141234.part"), "hel");
        Path killedStamp = Files.writeString(dir.resolve("sub/.checked.123.part"), "x");
        Path mine = Files.writeString(dir.resolve("notes.part"), "a user's file, not hidden: kept");
        new Cache(data, mirror).ensure(tiny);
        assertFalse(Files.exists(killed));
        assertFalse(Files.exists(killedStamp));
        assertTrue(Files.exists(mine));
        assertEquals("hello", Files.readString(dir.resolve("a.txt")));
        TestData.deleteTree(data);
        TestData.deleteTree(mirror);
    }
}
