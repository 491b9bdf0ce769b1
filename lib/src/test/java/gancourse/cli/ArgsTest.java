package gancourse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15: every option is checked against what it can be, and the refusal names it. */
class ArgsTest {
    private static final Set<String> KNOWN = Set.of("iterations", "out", "checkpoint", "samples");

    private static String refusal(Runnable r) {
        return assertThrows(Args.UsageException.class, r::run).getMessage();
    }

    private static Args args(String... a) {
        return new Args(a, 0, KNOWN);
    }

    @Test
    void numbersMustBeInRange() {
        assertEquals("--iterations must be from 1 to 10000000, got 0",
                refusal(() -> args("--iterations", "0").integer("iterations", 5, 1, Limits.ITERATIONS)));
        assertEquals("--iterations must be from 1 to 10000000, got 99999999999999999",
                refusal(() -> args("--iterations", "99999999999999999").integer("iterations", 5, 1, Limits.ITERATIONS)));
        assertEquals("--iterations takes a whole number, got 'ten'",
                refusal(() -> args("--iterations", "ten").integer("iterations", 5, 1, Limits.ITERATIONS)));
        assertEquals("--samples must be from 1 to 100000, got -3",
                refusal(() -> args("--samples", "-3").integer("samples", 5, 1, Limits.SAMPLES)));
        assertEquals(7, args("--iterations=7").integer("iterations", 5, 1, 10));
        assertEquals(5, args().integer("iterations", 5, 1, 10));
    }

    @Test
    void theCommandLineItselfIsChecked() {
        assertEquals("option --iterations is given twice: give it once", refusal(() -> args("--iterations", "1", "--iterations", "2")));
        assertEquals("option --out needs a value", refusal(() -> args("--out")));
        assertEquals("option --out needs a value", refusal(() -> args("--out", "--iterations", "2")));
        assertEquals("option --out was given an empty value", refusal(() -> args("--out", "")));
        assertEquals("unknown option --itrations (known: --checkpoint, --iterations, --out, --samples)", refusal(() -> args("--itrations", "2")));
        assertEquals("unknown option -i (options start with --)", refusal(() -> args("-i", "2")));
        assertEquals("eval: unexpected 'extra' (options are --name value)", refusal(() -> args("extra").noPositional("eval")));
    }

    @Test
    void outputsAreCheckedBeforeAnyWork(@TempDir Path dir) throws IOException {
        assertEquals("--out " + dir + " is a folder: give a file name, e.g. " + dir.resolve("samples.idx"),
                refusal(() -> args("--out", dir.toString()).outputFile("out", Path.of("x.idx"))));
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertEquals("--out " + file.resolve("s.idx") + " cannot be written (" + file + " is a file, not a folder): choose a "
                + "path in a folder you can write", refusal(() -> args("--out", file.resolve("s.idx").toString()).outputFile("out", null)));
        assertEquals("--checkpoint " + dir + " is a folder: give a file name, e.g. " + dir.resolve("checkpoint.zip"),
                refusal(() -> args("--checkpoint", dir.toString()).checkpoint("checkpoint")));
        assertEquals(dir.resolve("new/s.idx"), args("--out", dir.resolve("new/s.idx").toString()).outputFile("out", null));
        assertEquals(null, args().checkpoint("checkpoint"));
        assertEquals("--out " + file + " is a file: give a folder", refusal(() -> args("--out", file.toString()).outputFolder("out", null)));
    }

    @Test
    void inputsMustBeReadableFiles(@TempDir Path dir) {
        assertEquals("--samples FILE is required", refusal(() -> args().inputFile("samples")));
        assertEquals("--samples " + dir + " is a folder: give a file", refusal(() -> args("--samples", dir.toString()).inputFile("samples")));
        assertEquals("--samples " + dir.resolve("no") + ": no such file; check the path",
                refusal(() -> args("--samples", dir.resolve("no").toString()).inputFile("samples")));
    }
}
