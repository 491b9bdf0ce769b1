package gancourse.cli;

import java.util.Arrays;

/**
 * The course's command line, run by {@code ./course train|eval|bench ...}: trains the lessons' models and
 * scores generated samples outside the notebooks.
 */
public final class Main {
    static final String TRAIN_USAGE = """
              ./course train mnist-gan|fashion-gan [--iterations N] [--seed S] [--samples K] [--out FILE] [--checkpoint FILE]
              ./course train autoencoder --kind dense|conv|denoising [--epochs N] [--out DIR] [--seed S] [--up resize|transposed3|transposed4] [--noise F]
              ./course train dcgan-cifar10 [--class NAME|all] [--iterations N] [--seed S] [--samples K] [--out FILE] [--width W] [--checkpoint FILE]
              ./course train dcgan-mnist [--iterations N] [--seed S] [--samples K] [--out FILE] [--checkpoint FILE]
            """;
    static final String TRAIN_OPTIONS = """

            options:
              --iterations N     training iterations in all, 1 to %,d (default: the lesson's)
              --seed S           0 to %,d: the same seed repeats the run
              --samples K        images generated at the end, 1 to %,d
              --out FILE         where the samples go (IDX for 28x28 images, CIFAR-10 records for colour ones),
                                 with a PNG gallery beside it; checked before training
              --checkpoint FILE  resume from it if it exists (it must be this model's, on this dataset, with
                                 this version's networks) and train what is left of the iterations, saving
                                 to it as training goes: the same command, given again after an
                                 interruption, finishes the run
              --width W          dcgan-cifar10: feature maps of the first layer, 8 to 256 (CPU default 32)
            """.formatted(Limits.ITERATIONS, Integer.MAX_VALUE, Limits.SAMPLES);
    static final String EVAL_USAGE = """
              ./course eval --dataset mnist|fashion-mnist|cifar-10 --samples FILE [--class NAME]
              ./course quality [--lessons 01,02,04,05] [--seeds 1,2,3] [--samples N] [--out DIR] [--smoke] [--no-reference]
              ./course data [mnist|fashion-mnist|cifar-10 ...]   (fetch and check into GAN_COURSE_DATA)
            """;
    static final String EVAL_OPTIONS = """

            options:
              --dataset NAME     the dataset the samples imitate
              --samples FILE     an IDX image file (28x28 grey) or CIFAR-10 records (32x32 colour), at most %,d images
              --class NAME       compare with that class's test images only (for a GAN trained on one class)
            """.formatted(Limits.SAMPLES);
    static final String USAGE = "usage:\n" + TRAIN_USAGE + EVAL_USAGE;

    private Main() {}

    public static void main(String[] args) {
        String command = args.length == 0 ? "" : args[0];
        String usage = switch (command) {
            case "train" -> "usage:\n" + TRAIN_USAGE;
            case "eval" -> "usage:\n" + EVAL_USAGE;
            default -> USAGE;
        };
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        if (command.isEmpty() || Arrays.stream(args).anyMatch(a -> a.equals("--help") || a.equals("-h"))) {
            System.out.print(usage);
            if (command.equals("train")) System.out.print(TRAIN_OPTIONS);
            if (command.equals("eval")) System.out.print(EVAL_OPTIONS);
            System.exit(0);
        }
        gancourse.NativeBuild.select(); // before anything loads ND4J
        try {
            switch (command) {
                case "train" -> TrainCommand.run(rest);
                case "eval" -> EvalCommand.run(rest);
                case "data" -> DataCommand.run(rest);
                default -> throw new Args.UsageException("unknown command '" + command + "'");
                case "quality" -> QualityCommand.run(rest);
            }
        } catch (Args.UsageException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(usage);
            System.exit(2);
        } catch (RuntimeException e) {
            // Our errors say what to do; a stack trace would bury that.
            System.err.println("error: " + e.getMessage());
            if (System.getenv("GAN_COURSE_DEBUG") != null) e.printStackTrace();
            System.exit(1);
        } catch (OutOfMemoryError e) {
            System.err.println("error: out of memory (" + e.getMessage() + "): the command needs more than the "
                    + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB of Java heap it has; ask for fewer samples, "
                    + "or give Java more memory (JAVA_TOOL_OPTIONS=-Xmx...)");
            System.exit(1);
        }
        System.exit(0); // ND4J leaves non-daemon threads behind
    }
}
