package gancourse.data;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads the regular files of a tar stream: just enough of the format for the CIFAR-10 archive, so the
 * course needs no archive library. A tar file is a sequence of 512-byte headers, each followed by the
 * file's bytes padded to a multiple of 512, and ends with two blocks of zeros.
 */
final class Tar {
    private static final int BLOCK = 512;

    /** Receives each regular file; it may read as much or as little of {@code content} as it likes. */
    interface Visitor {
        void file(String name, long size, InputStream content) throws IOException;
    }

    private Tar() {}

    static void read(InputStream in, Visitor visitor) throws IOException {
        byte[] header = new byte[BLOCK];
        while (true) {
            if (in.readNBytes(header, 0, BLOCK) < BLOCK) throw new EOFException("the tar data ends early");
            if (allZero(header)) return;
            String name = text(header, 0, 100);
            String prefix = text(header, 257, 6).startsWith("ustar") ? text(header, 345, 155) : "";
            if (!prefix.isEmpty()) name = prefix + "/" + name;
            if (name.startsWith("./")) name = name.substring(2);
            long size = octal(header, 124, 12);
            byte type = header[156];

            Bounded content = new Bounded(in, size);
            if (type == '0' || type == 0) visitor.file(name, size, content);
            // Whatever the visitor left, and the padding up to the next header.
            long padding = (BLOCK - size % BLOCK) % BLOCK;
            in.skipNBytes(content.remaining + padding);
        }
    }

    private static boolean allZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) return false;
        }
        return true;
    }

    private static String text(byte[] header, int from, int length) {
        int end = from;
        while (end < from + length && header[end] != 0) end++;
        return new String(header, from, end - from, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] header, int from, int length) throws IOException {
        String s = text(header, from, length).trim();
        try {
            return s.isEmpty() ? 0 : Long.parseLong(s, 8);
        } catch (NumberFormatException e) {
            throw new IOException("not a tar archive (bad size field '" + s + "')");
        }
    }

    /** One file's bytes: ends where the file ends, and fails if the stream ends first. */
    private static final class Bounded extends FilterInputStream {
        long remaining;

        Bounded(InputStream in, long size) {
            super(in);
            remaining = size;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining == 0) return -1;
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n < 0) throw new EOFException("the tar data ends early");
            remaining -= n;
            return n;
        }

        @Override
        public void close() {
            // The archive goes on after this file.
        }
    }
}
