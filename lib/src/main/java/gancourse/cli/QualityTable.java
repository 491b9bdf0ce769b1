package gancourse.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import gancourse.display.LiveView;
import gancourse.evaluation.Evaluation;

/**
 * The table {@code ./course quality} prints: one row per training run (the course's DL4J run, the PyTorch
 * reference of the same recipe for the same wall time) and one for real images, per lesson, in Markdown so that it
 * goes into the README as it is. A run's confident share and Frechet distance are also given relative to real
 * images', which is how issue 13 states its targets.
 */
final class QualityTable {
    /** What "./course train" and "reference.py train" print when they finish. */
    private static final Pattern TRAINED = Pattern.compile("trained (\\d+) iterations in ([0-9.]+) s");

    /**
     * One line of the table.
     *
     * @param iterations -1 for real images
     * @param seconds the training's wall time, NaN for real images
     */
    record Row(String lesson, String run, String seed, long iterations, double seconds, int samples,
               double confidentShare, int classesCovered, int classes, double smallestClassShare,
               double smallestFirstChoiceShare, double frechetDistance) {

        static Row of(String lesson, String run, String seed, long iterations, double seconds, Evaluation e) {
            return new Row(lesson, run, seed, iterations, seconds, e.samples(), e.score().confidentShare(),
                    e.score().classesCovered(), e.score().histogram().length, e.smallestClassShare(),
                    e.smallestFirstChoiceShare(), e.frechetDistance());
        }

        boolean real() {
            return iterations < 0;
        }
    }

    /** A run that did not finish: its lesson, what ran, and why it stopped. */
    record Failure(String lesson, String run, String seed, String why) {}

    private final List<Row> rows = new ArrayList<>();
    private final List<Failure> failures = new ArrayList<>();

    void add(Row row) {
        rows.add(row);
    }

    void fail(Failure f) {
        failures.add(f);
    }

    List<Row> rows() {
        return rows;
    }

    /** The iterations and wall seconds from a training's output, or null if it printed no such line. */
    static double[] trained(String output) {
        Matcher m = TRAINED.matcher(output);
        double[] found = null;
        while (m.find()) found = new double[] {Long.parseLong(m.group(1)), Double.parseDouble(m.group(2))};
        return found;
    }

    // The real images' row of the same lesson, the yardstick of the ratios.
    private Row realOf(String lesson) {
        return rows.stream().filter(r -> r.real() && r.lesson().equals(lesson)).findFirst().orElse(null);
    }

    /** The Markdown table. */
    String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("| lesson | run | seed | iterations | wall time | s/iteration | confident (p > 0.9) | vs real "
                + "| classes covered (smallest share) | smallest class, first choice | Frechet distance | vs real |\n");
        b.append("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |\n");
        for (Row r : rows) {
            Row real = r.real() ? null : realOf(r.lesson());
            b.append(String.format("| %s | %s | %s | %s | %s | %s | %.1f%% | %s | %d of %d (%.1f%%) | %.1f%% | %.1f | %s |%n",
                    r.lesson(), r.run(), r.seed(), r.real() ? "" : String.format("%,d", r.iterations()),
                    Double.isNaN(r.seconds()) ? "" : LiveView.clockTime(r.seconds()),
                    r.real() || r.iterations() == 0 ? "" : String.format("%.3f", r.seconds() / r.iterations()),
                    100 * r.confidentShare(), ratio(r.confidentShare(), real == null ? 0 : real.confidentShare()),
                    r.classesCovered(), r.classes(), 100 * r.smallestClassShare(),
                    100 * r.smallestFirstChoiceShare(), r.frechetDistance(),
                    ratio(r.frechetDistance(), real == null ? 0 : real.frechetDistance())));
        }
        for (Failure f : failures) {
            b.append(String.format("| %s | %s | %s | failed: %s | | | | | | | | |%n", f.lesson(), f.run(), f.seed(),
                    f.why().replace("|", "/").replace("\n", " ")));
        }
        return b.toString();
    }

    // "0.65x"; nothing where there is no yardstick (no real images' row, or real images' own share is 0).
    static String ratio(double value, double real) {
        return real > 0 && Double.isFinite(value) ? String.format("%.2fx", value / real) : "";
    }

    boolean anyFailed() {
        return !failures.isEmpty();
    }
}
