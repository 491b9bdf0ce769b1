package gancourse.bench;

/**
 * One model of the benchmark: a training step of a lesson's model, ready to run again and again.
 *
 * @param name           the model's name in the benchmark's table
 * @param step           one training iteration
 * @param flopsPerStep   floating-point operations of one iteration (see {@link Flops})
 * @param threads        the CPU threads the course runs this model with
 * @param probe          the model's output on a fixed input, to compare two set-ups' results
 */
public record Workload(String name, Runnable step, long flopsPerStep, int threads, java.util.function.Supplier<float[]> probe) {}
