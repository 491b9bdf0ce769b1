package gancourse.cli;

import gancourse.Course;
import gancourse.data.Datasets;

import java.util.List;
import java.util.Set;

/**
 * {@code data [NAME...]}: fetches and checks the datasets (all of them by default) into {@code GAN_COURSE_DATA},
 * then prints where each stands. A teacher prepares a class's shared folder this way, once, then makes it
 * read-only and points every student's server at it with {@code GAN_COURSE_DATA_SHARED}.
 */
final class DataCommand {
    private DataCommand() {}

    static void run(String[] argv) {
        List<String> names = new Args(argv, 0, Set.of()).positional();
        if (names.isEmpty()) names = Datasets.NAMES;
        for (String name : names) {
            if (!Datasets.NAMES.contains(name)) {
                throw new Args.UsageException("no dataset '" + name + "': the datasets are " + Datasets.NAMES);
            }
        }
        for (String name : names) Datasets.fetch(name);
        for (Datasets.Status s : Datasets.status()) {
            if (names.contains(s.name())) System.out.println(s);
        }
        if (Course.sharedData() == null) {
            System.out.println("To share these with a class: make " + Course.dataDir() + " read-only (chmod -R a-w), "
                    + "and start every student's server with " + Course.SHARED + "=" + Course.dataDir() + ".");
        }
    }
}
