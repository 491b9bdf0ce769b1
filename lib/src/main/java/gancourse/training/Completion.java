package gancourse.training;

import java.util.Arrays;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Image completion with a trained GAN (Yeh et al., 2017, "Semantic image inpainting with deep generative models";
 * Amos, 2016, "Image completion with deep learning in TensorFlow"): for images y with known pixels M (1 known,
 * 0 missing), search the latent vectors z that minimise
 *
 * <pre>
 *   contextual(z) + lambda * perceptual(z) = sum |M * (G(z) - y)|  +  lambda * -log D(G(z))
 * </pre>
 *
 * with Adam, then fill the hole with G(z): M * y + (1 - M) * G(z). The contextual loss asks G(z) to agree with the
 * pixels we have; the perceptual loss asks D to believe it, so that the filled part looks like a real image rather
 * than any image that happens to match the border. G and D are not changed: only z moves.
 *
 * <p>Lesson 05 writes the same search in a few cells; this class is that code, for the command line and the tests.
 * G runs as at inference (batch norm with its running averages), so G(z) is what G draws for z. D judges the batch
 * of G(z) the way it judged each batch of fakes while G was trained (batch norm with the batch's own statistics),
 * which is the verdict G learnt to satisfy; so, with a batch-norm D, the images of a batch share that verdict's
 * statistics. The search works on a copy of D, because such a pass also moves D's running averages.
 */
public final class Completion {
    private static final double BETA1 = 0.9, BETA2 = 0.999, EPSILON = 1e-8;

    private final MultiLayerNetwork generator;
    private final MultiLayerNetwork discriminator;
    private final INDArray images;
    private final INDArray masks;
    private final double perceptualWeight;
    private final double learningRate;
    private final INDArray z;
    private final INDArray m;   // Adam's running mean of the gradient
    private final INDArray v;   // and of its square
    private final INDArray real;
    private int steps;
    private double lastContextual = Double.NaN;
    private double lastPerceptual = Double.NaN;

    /**
     * @param images the images to complete, shaped as G draws them ([n, 784] for a dense G, [n, c, h, w] for a
     *               convolutional one), in [-1, 1]
     * @param masks 1 for known pixels, 0 for missing ones, the images' shape
     * @param discriminator D, for the perceptual loss; may be null when perceptualWeight is 0
     * @param perceptualWeight lambda: 0 trusts the known pixels alone
     * @param learningRate Adam's step size for z (0.01 to 0.1 work)
     * @param seed the starting z ~ N(0, 1)
     */
    public Completion(MultiLayerNetwork generator, MultiLayerNetwork discriminator, INDArray images, INDArray masks,
                      double perceptualWeight, double learningRate, long seed) {
        if (!Arrays.equals(images.shape(), masks.shape())) {
            throw new IllegalArgumentException("images " + Arrays.toString(images.shape()) + " and masks "
                    + Arrays.toString(masks.shape()) + " must have the same shape");
        }
        if (perceptualWeight < 0) throw new IllegalArgumentException("the perceptual weight must be 0 or more, got " + perceptualWeight);
        if (perceptualWeight > 0 && discriminator == null) {
            throw new IllegalArgumentException("a perceptual weight above 0 needs the discriminator D");
        }
        int latent = (int) generator.layerInputSize(0);
        long[] drawn = generator.output(Nd4j.zeros(DataType.FLOAT, 1, latent), false).shape();
        if (!Arrays.equals(Arrays.copyOfRange(drawn, 1, drawn.length), Arrays.copyOfRange(images.shape(), 1, images.rank()))) {
            throw new IllegalArgumentException("G draws images of shape " + Arrays.toString(drawn) + " but the images are "
                    + Arrays.toString(images.shape()) + ": give them as G draws them (e.g. dataset.flat() rows for a "
                    + "dense generator, and the masks reshaped the same way)");
        }
        this.generator = generator;
        this.discriminator = discriminator == null ? null : discriminator.clone();
        this.images = images.castTo(DataType.FLOAT);
        this.masks = masks.castTo(DataType.FLOAT);
        this.perceptualWeight = perceptualWeight;
        this.learningRate = learningRate;
        int n = (int) images.size(0);
        this.z = Noise.NORMAL.sample(n, latent, seed);
        this.m = Nd4j.zeros(DataType.FLOAT, n, latent);
        this.v = Nd4j.zeros(DataType.FLOAT, n, latent);
        this.real = Nd4j.ones(DataType.FLOAT, n, 1);
    }

    /** One Adam step on z; afterwards {@link #contextualLoss()} and {@link #perceptualLoss()} are those before it. */
    public void step() {
        INDArray generated = generator.output(z, false);
        // d/dG(z) of sum |M (G(z) - y)| is M sign(G(z) - y): each known pixel pulls G(z) toward its value.
        INDArray dGenerated = Transforms.sign(generated.sub(images)).muli(masks);
        lastContextual = contextualLoss(generated, images, masks).meanNumber().doubleValue();
        if (perceptualWeight > 0) {
            // -log D(G(z)) is D's loss with the label "real"; its gradient at G(z), one row per image, pushes toward
            // what D calls real. calculateGradients runs D as in training, as GanTrainer's generator step does.
            dGenerated.addi(discriminator.calculateGradients(generated, real, null, null).getSecond().mul(perceptualWeight));
            lastPerceptual = -Transforms.log(discriminator.output(generated, true), true).meanNumber().doubleValue();
        }
        INDArray g = InputGradient.backprop(generator, z, dGenerated);
        steps++;
        m.muli(BETA1).addi(g.mul(1 - BETA1));
        v.muli(BETA2).addi(g.mul(g).muli(1 - BETA2));
        double mHat = 1 / (1 - Math.pow(BETA1, steps)), vHat = 1 / (1 - Math.pow(BETA2, steps));
        z.subi(m.mul(mHat).divi(Transforms.sqrt(v.mul(vHat), false).addi(EPSILON)).muli(learningRate));
        // Back onto the sphere |z| = sqrt(d), where nearly all of G's training noise lay.
        z.diviColumnVector(z.norm2(1).reshape(z.size(0), 1)).muli(Math.sqrt(z.size(1)));
    }

    /** Many steps. */
    public Completion search(int iterations) {
        for (int i = 0; i < iterations; i++) step();
        return this;
    }

    /** The contextual loss of each image: sum over its known pixels of |G(z) - y|, as a column [n, 1]. */
    public static INDArray contextualLoss(INDArray generated, INDArray images, INDArray masks) {
        INDArray diff = Transforms.abs(generated.sub(images), false).muli(masks);
        return diff.reshape(diff.size(0), diff.length() / diff.size(0)).sum(true, 1);
    }

    /** The known pixels from the image, the missing ones from G: M * y + (1 - M) * G(z). */
    public static INDArray blend(INDArray images, INDArray masks, INDArray generated) {
        return images.mul(masks).addi(generated.mul(masks.rsub(1)));
    }

    /** The latent vectors found so far, one row per image (a copy). */
    public INDArray z() {
        return z.dup();
    }

    /** G(z): G's whole image, the known part included. */
    public INDArray generated() {
        return generator.output(z, false);
    }

    /** The completed images: the known pixels kept, the hole filled from G(z). */
    public INDArray completed() {
        return blend(images, masks, generated());
    }

    /** The mean contextual loss (per image) before the last step. */
    public double contextualLoss() {
        return lastContextual;
    }

    /** The mean perceptual loss -log D(G(z)) before the last step (NaN when lambda is 0). */
    public double perceptualLoss() {
        return lastPerceptual;
    }

    public int steps() {
        return steps;
    }
}
