package gancourse.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The note, kept beside a dataset's cached files, that they were checked: the SHA-256, size and
 * modification time of each. A load compares sizes and times, which is instant, instead of hashing
 * 180 MB every time; the note is written last, so a folder without one was never fully checked.
 */
final class Stamp {
    static final String FILE = "verified.txt";

    record Entry(String name, String sha256, long size, long modified) {
        /** The entry for a file as it is now on disk, with the sum it was checked to have. */
        static Entry of(Path dir, String name, String sha256) throws IOException {
            Path f = dir.resolve(name);
            return new Entry(name, sha256, Files.size(f), Files.getLastModifiedTime(f).toMillis());
        }
    }

    private Stamp() {}

    /** The entries by file name, or null if the folder has no readable note. */
    static Map<String, Entry> read(Path dir) {
        return readNote(dir.resolve(FILE));
    }

    /** As {@link #read}, from a note kept elsewhere (a student's note on a shared folder). */
    static Map<String, Entry> readNote(Path note) {
        List<String> lines;
        try {
            lines = Files.readAllLines(note);
        } catch (IOException e) {
            return null;
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.trim().split("\\s+", 4);
            if (f.length < 4) return null;
            try {
                entries.put(f[3], new Entry(f[3], f[0], Long.parseLong(f[1]), Long.parseLong(f[2])));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return entries;
    }

    static void write(Path dir, Collection<Entry> entries) throws IOException {
        writeNote(dir.resolve(FILE), entries);
    }

    static void writeNote(Path note, Collection<Entry> entries) throws IOException {
        Path dir = note.getParent();
        List<String> lines = new ArrayList<>();
        lines.add("# Files checked by the GAN course's loader: SHA-256, size, modification time (ms), name.");
        lines.add("# Delete this file to have them downloaded and checked again.");
        for (Entry e : entries) {
            lines.add(e.sha256() + "  " + e.size() + "  " + e.modified() + "  " + e.name());
        }
        Path tmp = Files.createTempFile(dir, "." + FILE + ".", ".part");
        try {
            Files.write(tmp, lines);
            Files.move(tmp, note, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static void delete(Path dir) {
        try {
            Files.deleteIfExists(dir.resolve(FILE));
        } catch (IOException ignored) {
            // Without a readable note the files are fetched again anyway.
        }
    }
}
