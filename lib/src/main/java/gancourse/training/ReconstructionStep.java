package gancourse.training;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one autoencoder training iteration measured.
 *
 * @param loss the batch's mean squared error per pixel, before the update
 * @param testError the mean squared error per pixel on the test images, measured at the end of an epoch;
 *                  NaN on the other iterations (and when the trainer has no test images)
 */
public record ReconstructionStep(long iteration, int epoch, double loss, double testError) {

    /** Whether this iteration ended an epoch and measured the test error. */
    public boolean tested() {
        return !Double.isNaN(testError);
    }

    /** The values by name, for the live view: "train MSE", and "test MSE" at the end of an epoch. */
    public Map<String, Double> values() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("train MSE", loss);
        if (tested()) m.put("test MSE", testError);
        return m;
    }
}
