package gancourse.training;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Random;

import gancourse.display.Gallery;
import gancourse.models.Outputs;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * How well images are rebuilt: the mean squared error, the PSNR, the noise of a denoising autoencoder, and
 * galleries with one row per stage (input / reconstruction, noisy / denoised / clean).
 *
 * <p>Images are in [-1, 1], as everywhere in the course.
 */
public final class Reconstruction {
    /** Pixels run from -1 (black) to 1 (white): a range of 2. */
    public static final double PIXEL_RANGE = 2.0;

    private Reconstruction() {}

    /** The mean squared error per pixel between two batches of the same size (in any shapes with equal lengths). */
    public static double mse(INDArray a, INDArray b) {
        if (a.length() != b.length()) {
            throw new IllegalArgumentException("mse: " + Arrays.toString(a.shape()) + " and " + Arrays.toString(b.shape())
                    + " do not hold the same number of pixels");
        }
        INDArray d = flat(a).sub(flat(b));
        return d.muli(d).meanNumber().doubleValue();
    }

    /**
     * The peak signal-to-noise ratio in decibels, 10 log10(range^2 / MSE), with the range of [-1, 1] pixels: the
     * same number as for [0, 1] or [0, 255] images. Higher is better; +6 dB is half the error's amplitude.
     */
    public static double psnr(INDArray a, INDArray b) {
        return psnr(mse(a, b));
    }

    /** The PSNR in decibels of a mean squared error on [-1, 1] pixels. */
    public static double psnr(double mse) {
        return 10 * Math.log10(PIXEL_RANGE * PIXEL_RANGE / mse);
    }

    /** The network's outputs for these inputs, in inference mode and in batches (a whole test set would not fit). */
    public static INDArray reconstruct(MultiLayerNetwork net, INDArray inputs) {
        return Outputs.of(net, inputs);
    }

    /** The mean squared error per pixel of the network's outputs for {@code inputs} against {@code targets}. */
    public static double error(MultiLayerNetwork net, INDArray inputs, INDArray targets) {
        if (inputs.size(0) != targets.size(0)) {
            throw new IllegalArgumentException("error: " + inputs.size(0) + " inputs but " + targets.size(0) + " targets");
        }
        return mse(reconstruct(net, inputs), targets);
    }

    /** The reconstruction error of a plain autoencoder: the targets are the inputs. */
    public static double error(MultiLayerNetwork net, INDArray images) {
        return error(net, images, images);
    }

    /**
     * The images with Gaussian noise added, clipped back to [-1, 1]. {@code factor} is the noise's standard
     * deviation as a share of the range from black to white, as the usual "noise factor" on [0, 1] pixels
     * (Keras blog: 0.5); on our [-1, 1] pixels the standard deviation is 2 x factor. The same seed gives the
     * same noise.
     */
    public static INDArray addNoise(INDArray images, double factor, long seed) {
        if (!(factor >= 0)) throw new IllegalArgumentException("noise factor must be 0 or more, got " + factor);
        // java.util.Random rather than Nd4j.randn(seed, ...): reseeding ND4J's generator costs more than a training step.
        Random rng = new Random(seed);
        float[] x = images.castTo(DataType.FLOAT).dup('c').data().asFloat();
        float std = (float) (factor * PIXEL_RANGE);
        for (int i = 0; i < x.length; i++) {
            float v = x[i] + std * (float) rng.nextGaussian();
            x[i] = v < -1 ? -1 : (v > 1 ? 1 : v);
        }
        return Nd4j.create(x, images.shape(), 'c');
    }

    /**
     * A gallery with one row per batch and a title left of each: {@code gallery(new String[] {"input",
     * "reconstruction"}, x, net.output(x))}. All batches hold the same number of images, in any shape.
     */
    public static BufferedImage gallery(String[] titles, INDArray... rows) {
        if (rows.length == 0 || titles.length != rows.length) {
            throw new IllegalArgumentException("gallery: give one title per row, got " + titles.length + " titles for "
                    + rows.length + " rows");
        }
        long n = rows[0].size(0);
        INDArray[] flat = new INDArray[rows.length];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].size(0) != n) {
                throw new IllegalArgumentException("gallery: row " + i + " has " + rows[i].size(0) + " images, row 0 has " + n);
            }
            flat[i] = flat(rows[i]).castTo(DataType.FLOAT);
        }
        return Gallery.of(Nd4j.vstack(flat)).columns((int) n).rowTitles(titles).image();
    }

    // [n, pixels], copied in C order: reshape of a view is not reliable in this ND4J version.
    private static INDArray flat(INDArray a) {
        long n = a.rank() == 0 ? 1 : a.size(0);
        return a.dup('c').reshape('c', n, a.length() / n);
    }
}
