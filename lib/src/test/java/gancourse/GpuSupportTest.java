package gancourse;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class GpuSupportTest {
    static final String JAR = "nd4j-cuda-11.6-1.0.0-M2.1-linux-x86_64.jar";
    static final String LIBRARY = "org/nd4j/linalg/jcublas/bindings/linux-x86_64/libnd4jcuda.so";

    @Test
    void aGpuRunsTheKernelsOfItsOwnMajorVersionWithAnEqualOrLowerMinor() {
        assertEquals("8.6", GpuSupport.kernelsFor("8.9"), "Ada (RTX 40xx, L4) runs the 8.6 kernels");
        assertEquals("8.6", GpuSupport.kernelsFor("8.6"));
        assertEquals("7.5", GpuSupport.kernelsFor("7.5"));
        assertEquals("5.2", GpuSupport.kernelsFor("5.3"));
        assertFalse(GpuSupport.runs("3.5"), "Kepler before the K80 has no kernels");
        assertFalse(GpuSupport.runs("9.0"), "Hopper: no 9.x kernels and no PTX to compile");
        assertFalse(GpuSupport.runs("10.0"));
        assertFalse(GpuSupport.runs("12.0"), "Blackwell (RTX 50xx)");
    }

    @Test
    void anUnsupportedGpuIsRefusedInOneLineThatNamesIt() {
        String why = GpuSupport.refusal(List.<String[]>of(new String[] {"NVIDIA H100 PCIe", "9.0"}));
        assertTrue(why.contains("NVIDIA H100 PCIe") && why.contains("9.0") && why.contains("not supported"), why);
        assertFalse(why.contains("\n"));
        assertEquals("", GpuSupport.refusal(List.<String[]>of(new String[] {"NVIDIA GeForce RTX 4090", "8.9"})));
        assertEquals("", GpuSupport.refusal(List.<String[]>of(new String[] {"Tesla T4", "7.5"})));
        assertTrue(GpuSupport.refusal(List.of()).contains("no GPU"));
    }

    @Test
    void onThisMachineWithoutADriverTheReasonIsTheMissingLibcuda() {
        Assumptions.assumeFalse(GpuSupport.driverPresent(), "skipped: this machine has an NVIDIA driver");
        assertEquals("no NVIDIA driver: libcuda.so.1 missing", GpuSupport.refusal());
    }

    /** The list in GpuSupport, and so the README's table, is what the shipped binary holds. */
    @Test
    void theCapabilitiesAreReadFromTheFatBinariesInTheShippedJar() throws IOException {
        Path jar = cudaJar();
        Assumptions.assumeTrue(jar != null, "skipped: " + JAR + " is absent (./course setup --gpu, or "
                + "./course test, fetches it into ~/.m2)");
        FatBinaries found = FatBinaries.read(jar);
        System.out.printf("%s: %d fat binaries, compiled kernels (sm) %s, PTX %s%n",
                jar.getFileName(), found.count, found.cubins, found.ptx.isEmpty() ? "none" : found.ptx);
        assertTrue(found.count > 100, "fat binaries found: " + found.count);
        assertEquals(new TreeSet<>(GpuSupport.BUILT_FOR), found.cubins);
        assertEquals(Set.of(), found.ptx, "no PTX: no GPU newer than the newest kernels can run it");
        assertTrue(found.everyBinaryHasAll, "every fat binary has kernels for every capability");
    }

    /** The README's GPU table says "runs" exactly for the capabilities that GpuSupport.runs accepts. */
    @Test
    void theReadmeTableAgreesWithTheBinary() throws IOException {
        String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
        assertTrue(readme.contains("compiled kernels for compute capabilities " + String.join(", ", GpuSupport.BUILT_FOR)
                + " and no PTX"), "the README names the binary's list");
        Matcher row = Pattern.compile("(?m)^\\| ([0-9][0-9.x, ]*(?: and older)?) \\|[^|]*\\| (runs|no)\\b").matcher(readme);
        int rows = 0;
        while (row.find()) {
            for (String cap : row.group(1).replace(" and older", "").split(",\\s*")) {
                String c = cap.strip().replace("x", "0");
                assertEquals(row.group(2).equals("runs"), GpuSupport.runs(c), "README row for " + cap);
                rows++;
            }
        }
        assertTrue(rows >= 10, "the README's GPU table has rows: " + rows);
    }

    static Path cudaJar() {
        for (Path p : List.of(Path.of("target/lib-gpu", JAR),
                Path.of(System.getProperty("user.home"), ".m2/repository/org/nd4j/nd4j-cuda-11.6/1.0.0-M2.1", JAR))) {
            if (Files.isRegularFile(p)) return p;
        }
        return null;
    }

    /** CUDA fat binaries in the .nv_fatbin section of an ELF library: what each holds, by kind. */
    static final class FatBinaries {
        static final int MAGIC = 0xBA55ED50;
        int count;
        final Set<String> cubins = new TreeSet<>(), ptx = new TreeSet<>();
        boolean everyBinaryHasAll = true;

        static FatBinaries read(Path jar) throws IOException {
            Path so = Files.createTempFile("libnd4jcuda", ".so");
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                ZipEntry entry = zip.getEntry(LIBRARY);
                assertNotNull(entry, LIBRARY + " in " + jar);
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, so, StandardCopyOption.REPLACE_EXISTING);
                }
                try (FileChannel ch = FileChannel.open(so)) {
                    MappedByteBuffer b = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
                    b.order(ByteOrder.LITTLE_ENDIAN);
                    return parse(b);
                }
            } finally {
                Files.deleteIfExists(so);
            }
        }

        // ELF64: section headers at e_shoff; .nv_fatbin found by name; then fat binaries one after another,
        // each a 16-byte header (magic, version, header size, size of its entries) and entries whose header
        // gives kind (1 PTX, 2 ELF cubin), header size, payload size and, at offset 28, the sm version.
        static FatBinaries parse(MappedByteBuffer b) {
            assertEquals(0x464C457F, b.getInt(0), "an ELF file");
            long shoff = b.getLong(0x28);
            int shentsize = Short.toUnsignedInt(b.getShort(0x3A)), shnum = Short.toUnsignedInt(b.getShort(0x3C));
            int shstrndx = Short.toUnsignedInt(b.getShort(0x3E));
            long names = b.getLong((int) (shoff + (long) shstrndx * shentsize + 0x18));
            long start = -1, size = 0;
            for (int i = 0; i < shnum; i++) {
                int h = (int) (shoff + (long) i * shentsize);
                if (cString(b, (int) (names + b.getInt(h))).equals(".nv_fatbin")) {
                    start = b.getLong(h + 0x18);
                    size = b.getLong(h + 0x20);
                }
            }
            assertTrue(start > 0, "a .nv_fatbin section");
            FatBinaries f = new FatBinaries();
            List<Set<String>> each = new ArrayList<>();
            long at = start, end = start + size;
            while (at + 16 <= end) {
                if (b.getInt((int) at) != MAGIC) { // padding between fat binaries
                    at += 8;
                    continue;
                }
                int headerSize = Short.toUnsignedInt(b.getShort((int) at + 6));
                long entries = b.getLong((int) at + 8);
                long e = at + headerSize, stop = e + entries;
                Set<String> here = new TreeSet<>();
                while (e < stop) {
                    int kind = Short.toUnsignedInt(b.getShort((int) e));
                    int entryHeader = b.getInt((int) e + 4);
                    long payload = b.getLong((int) e + 8);
                    int sm = b.getInt((int) e + 28);
                    String cap = sm / 10 + "." + sm % 10;
                    (kind == 1 ? f.ptx : f.cubins).add(cap);
                    if (kind == 2) here.add(cap);
                    e += entryHeader + payload;
                }
                f.count++;
                each.add(here);
                at = stop;
            }
            for (Set<String> s : each) f.everyBinaryHasAll &= s.equals(f.cubins);
            return f;
        }

        private static String cString(MappedByteBuffer b, int at) {
            StringBuilder s = new StringBuilder();
            for (byte c; (c = b.get(at++)) != 0; ) s.append((char) c);
            return s.toString();
        }
    }
}
