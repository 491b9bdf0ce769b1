package gancourse.cli;

/** The bounds of the command line's numbers: beyond them a run would not fit in memory or time. */
final class Limits {
    /** Iterations of one run: 10 million is days of training even for the small dense GAN. */
    static final int ITERATIONS = 10_000_000;
    /** Generated or scored images: 100,000 CIFAR-10 images are 1.2 GB as floats. */
    static final int SAMPLES = 100_000;

    private Limits() {}
}
