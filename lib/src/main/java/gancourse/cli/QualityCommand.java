package gancourse.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import gancourse.Course;
import gancourse.data.SampleFiles;
import gancourse.evaluation.Evaluation;
import gancourse.evaluation.Judge;

/**
 * {@code quality [--lessons 01,02] [--seeds 1,2,3] [--samples 2000] [--out DIR] [--smoke] [--no-reference]}: trains
 * each lesson's default recipe with {@code ./course train} (the command a student runs), scores its samples with
 * the course's classifier, does the same for real images and for the PyTorch reference of the recipe
 * ({@code bench/reference.py train}) given the same wall time, and prints one table.
 */
final class QualityCommand {
    private QualityCommand() {}

    /**
     * A lesson, as far as this command needs it: the {@code ./course train} command line that trains its default
     * recipe, and the test images its samples are judged against. {@code model} is also the name of its recipe in
     * {@code bench/reference.py train}.
     *
     * @param smokeIterations what {@code --smoke} trains: enough to run every step, seconds in all
     */
    record Lesson(String id, String model, String dataset, String className, int smokeIterations) {
        String label() {
            return id + " " + model + (className == null ? "" : " (" + className + ")");
        }

        // What ./course train writes: IDX for 28x28 grey images, CIFAR-10 records for colour photos.
        String sampleSuffix() {
            return dataset.equals("cifar-10") ? ".bin" : ".idx";
        }

        // A one-class lesson trains on its class and is judged against it: one name for both.
        List<String> classArgs() {
            return className == null ? List.of() : List.of("--class", className);
        }
    }

    static final Map<String, Lesson> LESSONS = new LinkedHashMap<>();

    static {
        for (Lesson l : List.of(
                new Lesson("01", "mnist-gan", "mnist", null, 30),
                new Lesson("02", "fashion-gan", "fashion-mnist", null, 30),
                new Lesson("04", "dcgan-cifar10", "cifar-10", "horse", 4),
                new Lesson("05", "dcgan-mnist", "mnist", null, 4))) {
            LESSONS.put(l.id(), l);
        }
    }

    static void run(String[] argv) {
        List<String> args = new ArrayList<>(Arrays.asList(argv));
        boolean smokeFlag = args.remove("--smoke");
        boolean reference = !args.remove("--no-reference");
        Args a = new Args(args.toArray(String[]::new), 0, Set.of("lessons", "seeds", "samples", "out"));
        a.noPositional("quality");
        boolean smoke = smokeFlag || Course.smoke();
        if (smokeFlag && !Course.smoke()) {
            throw new Args.UsageException("quality --smoke: run it through ./course quality --smoke, which sets GAN_COURSE_SMOKE=1");
        }
        List<Lesson> lessons = lessons(a.text("lessons", "01,02"));
        List<Integer> seeds = seeds(a.text("seeds", "1"));
        int samples = a.integer("samples", smoke ? 200 : Evaluation.RECOMMENDED_SAMPLES, 2, Limits.SAMPLES);
        Path out = a.outputFolder("out", Path.of("build", "quality"));
        String launcher = System.getenv("GAN_COURSE_LAUNCHER");
        if (launcher == null || !Files.isExecutable(Path.of(launcher))) {
            throw new Args.UsageException("quality: run it as ./course quality (it trains with ./course train)");
        }
        Path referenceScript = Path.of(launcher).resolveSibling("bench").resolve("reference.py");
        String python = System.getenv().getOrDefault("GAN_COURSE_TORCH_PYTHON", "/usr/bin/python3");
        List<String> references = reference ? referenceRecipes(python, referenceScript) : List.of();
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new IllegalArgumentException("--out " + out + ": cannot create the folder (" + e.getMessage() + ")");
        }

        QualityTable table = new QualityTable();
        for (Lesson l : lessons) {
            System.out.println("lesson " + l.label() + ": the " + l.dataset() + " classifier and test images");
            Judge judge = Judge.of(l.dataset(), l.className());
            for (int seed : seeds) {
                String s = String.valueOf(seed);
                String stem = l.id() + "-seed" + seed;
                List<String> train = new ArrayList<>(List.of(launcher, "train", l.model()));
                train.addAll(l.classArgs());
                if (smoke) train.addAll(List.of("--iterations", String.valueOf(l.smokeIterations())));
                Path dl4jSamples = out.resolve(stem + "-dl4j" + l.sampleSuffix());
                train.addAll(List.of("--seed", s, "--samples", String.valueOf(samples), "--out", dl4jSamples.toString()));
                double[] dl4j = runTraining(table, l, "DL4J (the course)", s, train, out.resolve(stem + "-dl4j.log"));
                if (dl4j == null) continue;
                table.add(QualityTable.Row.of(l.label(), "DL4J (the course)", s, (long) dl4j[0], dl4j[1],
                        judge.evaluate(SampleFiles.read(dl4jSamples))));
                if (!reference) continue;
                if (!references.contains(l.model())) {
                    table.fail(new QualityTable.Failure(l.label(), "PyTorch", s, "bench/reference.py has no recipe '"
                            + l.model() + "' yet"));
                    continue;
                }
                Path torchSamples = out.resolve(stem + "-pytorch" + l.sampleSuffix());
                List<String> ref = new ArrayList<>(List.of(python, referenceScript.toString(), "train", l.model(),
                        "--data", Course.dataDir().resolve(l.dataset()).toString(),
                        "--seconds", String.valueOf(dl4j[1]), "--seed", s, "--samples", String.valueOf(samples),
                        "--out", torchSamples.toString()));
                ref.addAll(l.classArgs());
                double[] torch = runTraining(table, l, "PyTorch (same wall time)", s, ref, out.resolve(stem + "-pytorch.log"));
                if (torch != null) {
                    table.add(QualityTable.Row.of(l.label(), "PyTorch (same wall time)", s, (long) torch[0], torch[1],
                            judge.evaluate(SampleFiles.read(torchSamples))));
                }
            }
            table.add(QualityTable.Row.of(l.label(), "real images", "", -1, Double.NaN, judge.realImages(samples, 1)));
        }
        System.out.println();
        System.out.print(table.markdown());
        System.out.println("\n" + samples + " samples per row, scored by the course's classifier (confident: p > "
                + "0.9; a class is covered with at least 1% of the samples confidently in it; first choice: the class "
                + "the classifier names first, however unsure). Real images: the "
                + "classifier's verdicts on test images, the Frechet distance of training images to the test set. "
                + "Samples and logs: " + out);
        if (table.anyFailed()) throw new IllegalStateException("some runs failed: see their logs in " + out);
    }

    // Runs one training to its end, its output into a log; the iterations and wall seconds, or null if it failed.
    private static double[] runTraining(QualityTable table, Lesson l, String run, String seed, List<String> command,
                                        Path log) {
        System.out.println("lesson " + l.label() + ", seed " + seed + ": " + run + " (log: " + log + ")");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            int status = p.waitFor();
            String output = Files.readString(log);
            double[] trained = QualityTable.trained(output);
            if (status != 0 || trained == null) {
                String last = output.lines().filter(x -> !x.isBlank()).reduce((x, y) -> y).orElse("no output");
                table.fail(new QualityTable.Failure(l.label(), run, seed, "exit status " + status + ": " + last));
                return null;
            }
            return trained;
        } catch (IOException e) {
            table.fail(new QualityTable.Failure(l.label(), run, seed, e.getMessage()));
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    static List<Lesson> lessons(String list) {
        List<Lesson> chosen = new ArrayList<>();
        for (String id : list.split(",")) {
            Lesson l = LESSONS.get(id.strip());
            if (l == null) {
                throw new Args.UsageException("--lessons: no lesson '" + id.strip() + "' (lessons with a GAN to score: "
                        + String.join(", ", LESSONS.keySet()) + ")");
            }
            if (!TrainCommand.MODELS.contains(l.model())) {
                throw new Args.UsageException("--lessons: lesson " + l.id() + " has no './course train " + l.model()
                        + "' yet (models: " + String.join(", ", TrainCommand.MODELS) + ")");
            }
            if (!chosen.contains(l)) chosen.add(l);
        }
        return chosen;
    }

    static List<Integer> seeds(String list) {
        List<Integer> seeds = new ArrayList<>();
        for (String s : list.split(",")) {
            try {
                int seed = Integer.parseInt(s.strip());
                if (seed < 0) throw new NumberFormatException();
                if (!seeds.contains(seed)) seeds.add(seed);
            } catch (NumberFormatException e) {
                throw new Args.UsageException("--seeds takes whole numbers >= 0 separated by commas, e.g. 1,2,3; got '"
                        + list + "'");
            }
        }
        return seeds;
    }

    // The recipes bench/reference.py can train; checked before any work, so a missing PyTorch stops us at once.
    private static List<String> referenceRecipes(String python, Path script) {
        try {
            Process p = new ProcessBuilder(python, script.toString(), "train", "--list").redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes()).strip();
            if (p.waitFor() != 0) {
                throw new Args.UsageException("the PyTorch reference does not run (" + python + " " + script + "): "
                        + output.lines().reduce((x, y) -> y).orElse("") + ". Install python3-torch and "
                        + "libopenblas0-pthread (Debian), or leave the reference out with --no-reference");
            }
            return Arrays.asList(output.split("\\s+"));
        } catch (IOException e) {
            throw new Args.UsageException("no Python at " + python + " for the PyTorch reference (set "
                    + "GAN_COURSE_TORCH_PYTHON, or leave the reference out with --no-reference)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }
}
