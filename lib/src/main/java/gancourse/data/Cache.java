package gancourse.data;

import gancourse.Course;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The folder of datasets on disk: fetches a dataset the first time (from the mirror or the internet),
 * checks it, and after that only makes sure its files are still the ones that were checked.
 *
 * <p>Every file is unpacked under a temporary name beside its final one, checked, and only then renamed:
 * a file at its final name was always checked, whatever stopped a run halfway.
 */
final class Cache {
    /** How long a download may go without receiving a byte before it is given up. */
    static final Duration STALL = Duration.ofSeconds(60);

    private final Path root;
    private final Path mirror;
    private final Duration stall;
    private final Shared shared;

    /** @param mirror a local folder laid out like the downloads, or null to use the internet */
    Cache(Path root, Path mirror) {
        this(root, mirror, STALL);
    }

    Cache(Path root, Path mirror, Duration stall) {
        this(root, mirror, stall, null);
    }

    /** @param shared a class's read-only folder of prepared datasets, read in place, or null */
    Cache(Path root, Path mirror, Duration stall, Path shared) {
        this.root = root;
        this.mirror = mirror;
        this.stall = stall;
        this.shared = shared == null ? null : new Shared(shared, root);
    }

    static Cache fromSettings() {
        return new Cache(Course.dataDir(), Course.mirror(), STALL, Course.sharedData());
    }

    Path folder(Spec spec) {
        return root.resolve(spec.name());
    }

    /** The dataset's folder, its files present and checked; fetches them the first time. */
    Path ensure(Spec spec) {
        Path dir = folder(spec);
        try {
            if (shared != null && !shared.lacks(spec)) return shared.ensure(spec);
            if (shared != null) {
                System.out.println(spec.name() + " is not in the shared folder " + shared.folder(spec).getParent()
                        + ": using your own copy in " + dir);
            }
            if (!stillVerified(spec, dir)) fetch(spec, dir);
        } catch (IOException | UncheckedIOException e) {
            throw new DatasetException("Could not read or write the " + spec.name() + " files in " + dir + ": " + e
                    + ". Check that the folder is writable and the disk has room, or point "
                    + Course.DATA + " to another folder.", e);
        }
        return dir;
    }

    /** What a notebook sees of one dataset without reading or changing anything. */
    Datasets.Status status(Spec spec) {
        if (shared != null && !shared.lacks(spec)) {
            boolean verified = shared.verified(spec);
            return new Datasets.Status(spec.name(), shared.folder(spec), true, verified,
                    verified ? "shared (read-only), verified" : "shared (read-only): checked on first use");
        }
        Path dir = folder(spec);
        Map<String, Stamp.Entry> stamp = Stamp.read(dir);
        if (stamp == null || !stamp.keySet().equals(new HashSet<>(spec.files()))) {
            boolean some = spec.files().stream().anyMatch(f -> Files.exists(dir.resolve(f)));
            return status(spec, false, false, some ? "not verified: fetched again on first use"
                    : "not downloaded: fetched on first use");
        }
        for (Stamp.Entry e : stamp.values()) {
            Path f = dir.resolve(e.name());
            try {
                if (!Files.isRegularFile(f)) {
                    return status(spec, false, false, e.name() + " is missing: fetched again on first use");
                }
                if (Files.size(f) != e.size()) {
                    return status(spec, true, false, e.name() + " is damaged (wrong size): the next load deletes it");
                }
                if (Files.getLastModifiedTime(f).toMillis() != e.modified()) {
                    return status(spec, true, false, e.name() + " was touched: checked again on the next load");
                }
            } catch (IOException ex) {
                return status(spec, true, false, "cannot read " + f + ": " + ex.getMessage());
            }
        }
        return status(spec, true, true, "verified");
    }

    private Datasets.Status status(Spec spec, boolean cached, boolean verified, String detail) {
        return new Datasets.Status(spec.name(), folder(spec), cached, verified, detail);
    }

    /**
     * True if the files are the ones that were checked, false if there is nothing (complete) to use. A
     * file whose size changed is damaged: it is deleted, and the error says so. A file only touched since
     * (same size, new time) is hashed again, once.
     */
    private boolean stillVerified(Spec spec, Path dir) throws IOException {
        Map<String, Stamp.Entry> stamp = Stamp.read(dir);
        if (stamp == null || !stamp.keySet().equals(new HashSet<>(spec.files()))) return false;
        List<Stamp.Entry> now = new ArrayList<>();
        boolean touched = false;
        for (Stamp.Entry e : stamp.values()) {
            Path f = dir.resolve(e.name());
            if (!Files.isRegularFile(f)) {
                // Deleted by hand: the way to ask for a fresh copy.
                Stamp.delete(dir);
                return false;
            }
            long size = Files.size(f);
            if (size != e.size()) {
                throw damaged(dir, f, "it has " + size + " bytes instead of " + e.size() + " (truncated or changed)");
            }
            if (Files.getLastModifiedTime(f).toMillis() != e.modified()) {
                String sum = Unpack.sha256(f);
                if (!sum.equals(e.sha256())) {
                    throw damaged(dir, f, "its content changed since it was checked (SHA-256 " + sum
                            + ", expected " + e.sha256() + ")");
                }
                touched = true;
            }
            now.add(Stamp.Entry.of(dir, e.name(), e.sha256()));
        }
        if (touched) {
            try {
                Stamp.write(dir, now);
            } catch (IOException e) {
                // A read-only folder (a checked copy on a class's disk): checked again at the next start.
            }
        }
        return true;
    }

    private static DatasetException damaged(Path dir, Path file, String why) throws IOException {
        Files.deleteIfExists(file);
        Stamp.delete(dir);
        return new DatasetException("Cached file " + file + " is damaged: " + why
                + ". Deleted it: run again to download it again.");
    }

    private void fetch(Spec spec, Path dir) throws IOException {
        Files.createDirectories(dir);
        // One fetch of a dataset at a time, across processes: a second run waits, then finds the files checked.
        // Holding the lock, no copy is under way, so every .part file left in the folder is a killed copy's.
        synchronized (Cache.class) {
            try (FileChannel channel = FileChannel.open(root.resolve("." + spec.name() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = channel.lock()) {
                if (stillVerified(spec, dir)) return;
                deleteLeftovers(dir);
                fetchLocked(spec, dir);
            }
        }
    }

    /** Deletes the hidden {@code .NAME.*.part} files of copies that were killed midway. */
    static void deleteLeftovers(Path dir) throws IOException {
        List<Path> leftovers;
        try (var files = Files.walk(dir)) {
            leftovers = files.filter(f -> {
                String n = f.getFileName().toString();
                return n.startsWith(".") && n.endsWith(".part") && Files.isRegularFile(f);
            }).toList();
        }
        for (Path f : leftovers) Files.deleteIfExists(f);
    }

    private void fetchLocked(Spec spec, Path dir) throws IOException {
        // The note goes first and comes back last: files being replaced are never taken as checked.
        Stamp.delete(dir);
        Map<String, Unpack.Part> parts = new LinkedHashMap<>();
        try {
            for (String download : spec.downloads()) {
                parts.putAll(mirror != null ? fromMirror(spec, dir, download) : fromInternet(spec, dir, download));
            }
            List<Stamp.Entry> entries = new ArrayList<>();
            for (Map.Entry<String, Unpack.Part> p : parts.entrySet()) {
                Files.move(p.getValue().tmp(), p.getValue().target(),
                        StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                entries.add(Stamp.Entry.of(dir, p.getKey(), p.getValue().sha256()));
            }
            Stamp.write(dir, entries);
        } finally {
            Unpack.deleteAll(parts);
        }
    }

    private Map<String, Unpack.Part> fromMirror(Spec spec, Path dir, String download) {
        Path file = mirror.resolve(spec.name()).resolve(download);
        String official = spec.urls().get(0) + download;
        if (!Files.isRegularFile(file)) {
            throw new DatasetException("Missing mirror file " + file + ". " + Course.MIRROR + " is set to " + mirror
                    + ", so datasets are copied from there, laid out like the official downloads: put "
                    + spec.name() + "/" + download + " there (the official file is " + official + "), or unset "
                    + Course.MIRROR + " to download from the internet.");
        }
        System.out.println("Copying " + spec.name() + "/" + download + " from the mirror " + mirror);
        try (InputStream in = Files.newInputStream(file)) {
            return unpackChecked(spec, dir, download, in, Files.size(file));
        } catch (IOException e) {
            throw new DatasetException("Mirror file " + file + " is damaged: " + e.getMessage()
                    + ". Nothing was cached. Replace it with a good copy of the official file (" + official
                    + "), or unset " + Course.MIRROR + " to download from the internet.", e);
        }
    }

    private Map<String, Unpack.Part> fromInternet(Spec spec, Path dir, String download) {
        List<String> failures = new ArrayList<>();
        boolean unreachable = true;
        for (String base : spec.urls()) {
            String url = base + download;
            Fetch.Download d;
            try {
                d = Fetch.open(url, stall);
            } catch (IOException e) {
                unreachable &= e instanceof Fetch.Unreachable;
                failures.add(url + ": " + Fetch.describe(e, stall));
                continue;
            }
            unreachable = false;
            try (InputStream in = d.in()) {
                System.out.println("Downloading " + url
                        + (d.length() > 0 ? String.format(" (%.1f MB)", d.length() / 1e6) : ""));
                return unpackChecked(spec, dir, download, in, d.length());
            } catch (IOException e) {
                failures.add(url + ": " + Fetch.describe(e, stall) + "; deleted what was downloaded");
            }
        }
        String tried = "\n  - " + String.join("\n  - ", failures) + "\n";
        String offline = "copy the official files into a folder, as " + spec.name() + "/" + download
                + (spec.downloads().size() > 1 ? " and the other " + spec.name() + " files" : "")
                + ", and set " + Course.MIRROR + " to that folder";
        if (unreachable) {
            throw new DatasetException("No network: could not reach any download site for " + spec.name() + "/"
                    + download + ":" + tried + "Connect to the internet and run again, or, on an offline machine, "
                    + offline + ".");
        }
        throw new DatasetException("Could not download " + spec.name() + "/" + download + ":" + tried
                + "Nothing was cached. Run again to download it again; if it keeps failing, " + offline + ".");
    }

    /** Unpacks one download into temporary files and checks them; on any failure, deletes them. */
    private static Map<String, Unpack.Part> unpackChecked(Spec spec, Path dir, String download,
                                                          InputStream raw, long length) throws IOException {
        MessageDigest md5 = Unpack.digest("MD5");
        Fetch.Counting counted = new Fetch.Counting(raw);
        InputStream in = new DigestInputStream(counted, md5);
        Map<String, Unpack.Part> parts = Spec.isTar(download)
                ? Unpack.untarGz(in, dir, Set.copyOf(spec.files()))
                : Unpack.gunzip(in, dir, Spec.gunzipped(download));
        try {
            // What follows the data (tar padding) is part of the archive, and of its MD5.
            in.transferTo(OutputStream.nullOutputStream());
            if (length >= 0 && counted.count != length) {
                throw new EOFException("it is truncated: " + counted.count + " bytes instead of " + length);
            }
            String problem = problem(spec, download, parts, HexFormat.of().formatHex(md5.digest()), counted.count);
            if (problem != null) throw new IOException(problem);
            return parts;
        } catch (IOException | RuntimeException e) {
            Unpack.deleteAll(parts);
            throw e;
        }
    }

    /** Why the unpacked files are not the published data, or null if they are. */
    static String problem(Spec spec, String download, Map<String, Unpack.Part> parts, String md5, long size) {
        List<String> expected = Spec.isTar(download) ? spec.files() : List.of(Spec.gunzipped(download));
        for (String f : expected) {
            if (!parts.containsKey(f)) return "it holds no " + f;
        }
        if (spec.archiveMd5() != null && spec.archiveMd5().equals(md5) && size == spec.archiveSize()) return null;
        for (String f : expected) {
            String want = spec.sha256().get(f);
            String got = parts.get(f).sha256();
            if (want == null) return "the course has no checksum for " + f + ", so it cannot be verified";
            if (want.equals(got)) continue;
            String sums = f + ": SHA-256 " + got + ", expected " + want;
            if (spec.archiveMd5() == null) return "wrong checksum, a corrupt or changed file (" + sums + ")";
            return String.format("wrong checksum: it is neither the official archive (MD5 %s, %,d bytes; this one "
                    + "has MD5 %s, %,d bytes) nor the course mirror's copy (%s)", spec.archiveMd5(),
                    spec.archiveSize(), md5, size, sums);
        }
        return null;
    }
}
