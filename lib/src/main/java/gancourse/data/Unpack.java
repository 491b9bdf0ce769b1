package gancourse.data;

import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Unpacks a download into temporary files beside their final names, hashing them on the way, so a
 * file is checked without being read twice and nothing reaches its final name before it is checked.
 */
final class Unpack {

    /** A file unpacked to {@code tmp}, to be renamed to its final name once checked. */
    record Part(Path tmp, Path target, String sha256, long size) {}

    private Unpack() {}

    /** A {@code .gz} holding one file. */
    static Map<String, Part> gunzip(InputStream in, Path dir, String name) throws IOException {
        return fromGzip(in, (gz, parts) -> parts.put(name, write(gz, dir.resolve(name))));
    }

    /** A {@code .tar.gz}: keeps the files named in {@code wanted}, skips the rest. */
    static Map<String, Part> untarGz(InputStream in, Path dir, Set<String> wanted) throws IOException {
        return fromGzip(in, (gz, parts) -> Tar.read(gz, (name, size, content) -> {
            if (wanted.contains(name)) parts.put(name, write(content, dir.resolve(name)));
        }));
    }

    private interface Extraction {
        void run(InputStream gz, Map<String, Part> parts) throws IOException;
    }

    // Whatever goes wrong half-way, the temporary files written so far are deleted: nothing partial stays.
    private static Map<String, Part> fromGzip(InputStream in, Extraction extraction) throws IOException {
        Map<String, Part> parts = new LinkedHashMap<>();
        try (InputStream gz = gzip(in)) {
            extraction.run(gz, parts);
        } catch (IOException e) {
            deleteAll(parts);
            throw explain(e);
        } catch (RuntimeException e) {
            deleteAll(parts);
            throw e;
        }
        return parts;
    }

    static void deleteAll(Map<String, Part> parts) {
        for (Part p : parts.values()) {
            try {
                Files.deleteIfExists(p.tmp());
            } catch (IOException ignored) {
                // Best effort: a leftover .part file is never read.
            }
        }
    }

    static String sha256(Path file) throws IOException {
        MessageDigest md = digest("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 20];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
        }
    }

    // Failures to write come out unchecked, so that the caller tells them from a bad download.
    private static Part write(InputStream in, Path target) throws IOException {
        Path tmp;
        try {
            Files.createDirectories(target.getParent());
            // A unique name in the same folder: two runs at once never share a file, and the rename is atomic.
            tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MessageDigest md = digest("SHA-256");
        try (OutputStream out = new DigestOutputStream(new Writing(Files.newOutputStream(tmp)), md)) {
            long size = in.transferTo(out);
            return new Part(tmp, target, HexFormat.of().formatHex(md.digest()), size);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    private static final class Writing extends FilterOutputStream {
        Writing(OutputStream out) {
            super(new BufferedOutputStream(out, 1 << 16));
        }

        @Override
        public void write(byte[] b, int off, int len) {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void close() {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    // The caller owns the raw stream (it still reads what follows the gzip data), so closing the
    // gzip stream releases the inflater but leaves the raw stream open.
    private static InputStream gzip(InputStream raw) throws IOException {
        return new GZIPInputStream(new FilterInputStream(raw) {
            @Override
            public void close() {}
        }, 1 << 16);
    }

    private static IOException explain(IOException e) {
        if (e instanceof EOFException) {
            return new EOFException("it is truncated (the data ends early)");
        }
        if (e instanceof ZipException) {
            return new ZipException("it is not valid gzip data (" + e.getMessage() + ")");
        }
        return e;
    }
}
