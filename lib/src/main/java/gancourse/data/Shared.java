package gancourse.data;

import gancourse.Course;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * A class's read-only folder of datasets ({@code GAN_COURSE_DATA_SHARED}): prepared once by a teacher, laid
 * out like a student's own data folder, and read in place by every student's server, so that nobody
 * downloads or unpacks anything.
 *
 * <p>Nothing is ever written there. Files whose sizes and times match the folder's own note (written when
 * the teacher prepared it) are taken as checked. Otherwise, say a copy that did not keep the times, each
 * file is hashed once and compared with the sums of that note (or the official ones), and the note that it
 * was checked goes to the student's own data folder.
 */
final class Shared {
    /** The note, in the student's own folder, that their server checked the shared copy. */
    static final String NOTE = "shared-verified.txt";

    private final Path root;
    private final Path own;

    /**
     * @param root the shared folder
     * @param own  the student's own data folder ({@code GAN_COURSE_DATA}), for the notes
     */
    Shared(Path root, Path own) {
        this.root = root;
        this.own = own;
    }

    Path folder(Spec spec) {
        return root.resolve(spec.name());
    }

    /** True if the shared folder holds none of the dataset's files: the student's own copy is used. */
    boolean lacks(Spec spec) {
        Path dir = folder(spec);
        return spec.files().stream().noneMatch(f -> Files.isRegularFile(dir.resolve(f)));
    }

    /** True if the files are known to be the checked ones, by a note, without reading them. */
    boolean verified(Spec spec) {
        Path dir = folder(spec);
        return matches(Stamp.read(dir), spec, dir) || matches(Stamp.readNote(note(spec)), spec, dir);
    }

    /** The dataset's shared folder, its files checked; fails, changing nothing there, if one is missing or wrong. */
    Path ensure(Spec spec) throws IOException {
        Path dir = folder(spec);
        for (String f : spec.files()) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                throw problem(spec, dir.resolve(f) + " is missing");
            }
        }
        if (verified(spec)) return dir;
        Map<String, Stamp.Entry> prepared = Stamp.read(dir);
        List<Stamp.Entry> checked = new ArrayList<>();
        for (String f : spec.files()) {
            String expected = prepared != null && prepared.containsKey(f) ? prepared.get(f).sha256() : spec.sha256().get(f);
            String sum = Unpack.sha256(dir.resolve(f));
            if (expected != null && !expected.equals(sum)) {
                throw problem(spec, dir.resolve(f) + " is not the checked file (SHA-256 " + sum + ", expected "
                        + expected + ")");
            }
            checked.add(Stamp.Entry.of(dir, f, sum));
        }
        try {
            Files.createDirectories(note(spec).getParent());
            Stamp.writeNote(note(spec), checked);
        } catch (IOException e) {
            // The student's folder is read-only too: the files are checked again at the next start.
        }
        return dir;
    }

    private Path note(Spec spec) {
        return own.resolve(spec.name()).resolve(NOTE);
    }

    private static boolean matches(Map<String, Stamp.Entry> note, Spec spec, Path dir) {
        if (note == null || !note.keySet().equals(new HashSet<>(spec.files()))) return false;
        try {
            for (Stamp.Entry e : note.values()) {
                Path f = dir.resolve(e.name());
                if (Files.size(f) != e.size() || Files.getLastModifiedTime(f).toMillis() != e.modified()) return false;
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private DatasetException problem(Spec spec, String what) {
        return new DatasetException("The shared dataset folder " + root + " (" + Course.SHARED + ") is not usable for "
                + spec.name() + ": " + what + ". Nothing was changed there. Whoever manages it can prepare it again "
                + "(GAN_COURSE_DATA=" + root + " ./course data, then make it read-only); meanwhile, unset "
                + Course.SHARED + " to use your own copy in " + own + ".");
    }
}
