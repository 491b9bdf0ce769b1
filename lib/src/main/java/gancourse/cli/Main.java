package gancourse.cli;

import java.util.Arrays;

/**
 * The course's command line, run by {@code ./course train|eval|bench ...}: trains the lessons' models and
 * scores generated samples outside the notebooks.
 */
public final class Main {
    static final String USAGE = """
            usage:
              ./course train mnist-gan|fashion-gan [--iterations N] [--seed S] [--samples K] [--out FILE] [--checkpoint FILE]
              ./course train autoencoder --kind dense|conv|denoising [--epochs N] [--out DIR] [--seed S] [--up resize|transposed3|transposed4] [--noise F]
              ./course train dcgan-cifar10 [--class NAME|all] [--iterations N] [--seed S] [--samples K] [--out FILE] [--checkpoint FILE]
              ./course train dcgan-mnist [--iterations N] [--seed S] [--samples K] [--out FILE] [--checkpoint FILE]
              ./course eval --dataset mnist|fashion-mnist|cifar-10 --samples FILE
            """;

    private Main() {}

    public static void main(String[] args) {
        gancourse.NativeBuild.select(); // before anything loads ND4J
        try {
            if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
                System.out.print(USAGE);
                return;
            }
            String[] rest = Arrays.copyOfRange(args, 1, args.length);
            switch (args[0]) {
                case "train" -> TrainCommand.run(rest);
                case "eval" -> EvalCommand.run(rest);
                default -> throw new Args.UsageException("unknown command '" + args[0] + "'");
            }
        } catch (Args.UsageException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
        } catch (RuntimeException e) {
            // Our errors say what to do; a stack trace would bury that.
            System.err.println("error: " + e.getMessage());
            if (System.getenv("GAN_COURSE_DEBUG") != null) e.printStackTrace();
            System.exit(1);
        }
        System.exit(0); // ND4J leaves non-daemon threads behind
    }
}
