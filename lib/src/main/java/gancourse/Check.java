package gancourse;

import java.util.Objects;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The checks in the lessons: each prints what it checked when it holds, and throws when it does not, so a check
 * that fails stops the notebook and fails {@code ./course test}. A check that printed {@code false} and carried on
 * could never fail.
 *
 * <pre>{@code
 * Check.that("same as Latent.slerp", round.equalsWithEps(Latent.slerp(z1, z2, 10), 1e-5));
 * Check.close("same z after 10 steps", library.z(), z, 1e-3);
 * Check.sameConfiguration("same as gancourse.models.Dcgan", G, Dcgan.generator(latent, width, 2e-4, 1));
 * }</pre>
 */
public final class Check {
    private Check() {}

    /** A check that failed: what was checked, and how it failed. */
    public static final class Failed extends AssertionError {
        Failed(String message) {
            super(message);
        }
    }

    /** Passes when {@code holds}; otherwise throws {@link Failed} naming the check. */
    public static void that(String what, boolean holds) {
        Objects.requireNonNull(what, "what: say what is checked");
        if (!holds) throw new Failed("check failed: " + what);
        System.out.println("check passed: " + what);
    }

    /** Two arrays of the same shape whose values differ by at most {@code eps} each. */
    public static void close(String what, INDArray actual, INDArray expected, double eps) {
        Objects.requireNonNull(actual, "actual");
        Objects.requireNonNull(expected, "expected");
        if (!java.util.Arrays.equals(actual.shape(), expected.shape())) {
            throw new Failed("check failed: " + what + ": shapes " + java.util.Arrays.toString(actual.shape())
                    + " and " + java.util.Arrays.toString(expected.shape()) + " differ");
        }
        double largest = actual.castTo(expected.dataType()).sub(expected).amaxNumber().doubleValue();
        if (!(largest <= eps)) {
            throw new Failed("check failed: " + what + ": values differ by up to " + largest + " (allowed: " + eps + ")");
        }
        System.out.println("check passed: " + what + " (largest difference " + String.format("%.2g", largest) + ")");
    }

    /**
     * Two networks built from the same configuration: every layer, activation, initialisation, updater and seed,
     * compared as DL4J's JSON. A failure names the first line that differs.
     */
    public static void sameConfiguration(String what, MultiLayerNetwork actual, MultiLayerNetwork expected) {
        String a = actual.getLayerWiseConfigurations().toJson();
        String e = expected.getLayerWiseConfigurations().toJson();
        if (a.equals(e)) {
            System.out.println("check passed: " + what + " (the same configuration, " + actual.getnLayers() + " layers)");
            return;
        }
        String[] al = a.split("\n"), el = e.split("\n");
        int i = 0;
        while (i < Math.min(al.length, el.length) && al[i].equals(el[i])) i++;
        String here = i < al.length ? al[i].strip() : "(ends)";
        String there = i < el.length ? el[i].strip() : "(ends)";
        throw new Failed("check failed: " + what + ": the configurations differ at line " + (i + 1) + " of the JSON: "
                + here + " instead of " + there);
    }
}
