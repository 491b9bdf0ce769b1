package gancourse.evaluation;

import java.nio.file.Files;
import java.nio.file.Path;

import gancourse.Course;
import gancourse.data.Datasets;
import gancourse.data.ImageDataset;
import gancourse.training.Checkpoint;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A classifier that judges generated images: LeNet-5 (LeCun et al. 1998) with ReLU and max pooling: two
 * convolutions of 6 and 16 filters, two poolings, dense layers of 120 and 84 units, softmax. Small on purpose:
 * it trains in about a minute on a laptop CPU. The course trains one per dataset once and caches it under
 * {@code data/models/}; its 84 features are what the Frechet distance compares.
 */
public final class Classifier {
    public static final int FEATURES = 84;
    private static final int BATCH = 256;

    private Classifier() {}

    public static MultiLayerNetwork lenet(int channels, int height, int width, int classes, long seed) {
        var conf = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new Adam(1e-3))
                .weightInit(WeightInit.RELU)
                .list()
                .layer(new ConvolutionLayer.Builder(5, 5).nOut(6).padding(2, 2).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(5, 5).nOut(16).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().nOut(120).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nOut(FEATURES).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(classes).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(height, width, channels))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /** Train on a dataset's training split for some epochs; prints the test accuracy after each. */
    public static MultiLayerNetwork train(String dataset, int epochs, long seed) {
        ImageDataset trainSet = Datasets.load(dataset, "train");
        ImageDataset testSet = Datasets.load(dataset, "test");
        MultiLayerNetwork net = lenet(trainSet.channels(), trainSet.height(), trainSet.width(), trainSet.numClasses(), seed);
        for (int e = 1; e <= epochs; e++) {
            long start = System.nanoTime();
            net.fit(trainSet.iterator(64, seed + e));
            // One println, not printf: a notebook kernel turns each piece printf writes into an output of its own.
            System.out.println(String.format("classifier for %s: epoch %d/%d, test accuracy %.2f%% (%.0f s)", dataset, e,
                    epochs, 100 * accuracy(net, testSet), (System.nanoTime() - start) / 1e9));
        }
        return net;
    }

    /**
     * The cached classifier for a dataset, trained on first use (about a minute for MNIST on 2 cores).
     * Smoke mode keeps its own tiny one, so a quick test never replaces the real classifier.
     */
    public static MultiLayerNetwork forDataset(String dataset) {
        Path file = Course.dataDir().resolve("models").resolve("classifier-" + dataset + (Course.smoke() ? "-smoke" : "") + ".zip");
        if (Files.isRegularFile(file)) return Checkpoint.loadModel(file);
        int epochs = Course.size(dataset.equals("cifar-10") ? 10 : 3, 1);
        System.out.println("training the " + dataset + " classifier once (" + epochs + " epochs); it is cached in " + file);
        MultiLayerNetwork net = train(dataset, epochs, 7);
        Checkpoint.saveModel(net, file);
        return net;
    }

    /** Class probabilities [n, classes] for images [n, c, h, w] (or rows [n, c*h*w]) in [-1, 1]. */
    public static INDArray probabilities(MultiLayerNetwork net, INDArray images) {
        return inBatches(net, images, net.getnLayers() - 1);
    }

    /** The penultimate layer's features [n, 84]: what the Frechet distance compares. */
    public static INDArray features(MultiLayerNetwork net, INDArray images) {
        return inBatches(net, images, net.getnLayers() - 2);
    }

    public static double accuracy(MultiLayerNetwork net, ImageDataset data) {
        INDArray predicted = probabilities(net, data.images()).argMax(1);
        int[] labels = data.labels();
        int right = 0;
        for (int i = 0; i < labels.length; i++) if (predicted.getInt(i) == labels[i]) right++;
        return (double) right / labels.length;
    }

    // Batches keep memory small for 10,000 CIFAR-10 images; the output is copied out of each batch.
    private static INDArray inBatches(MultiLayerNetwork net, INDArray images, int layer) {
        long n = images.size(0);
        INDArray nchw = images.rank() == 4 ? images : asImages(images);
        INDArray out = null;
        for (long from = 0; from < n; from += BATCH) {
            long to = Math.min(n, from + BATCH);
            INDArray batch = nchw.get(NDArrayIndex.interval(from, to), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all());
            INDArray a = net.feedForwardToLayer(layer, batch, false).get(layer + 1);
            if (out == null) out = Nd4j.create(DataType.FLOAT, n, a.size(1));
            out.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).assign(a);
        }
        return out;
    }

    private static INDArray asImages(INDArray rows) {
        long pixels = rows.size(1);
        // 784 = 1x28x28 (MNIST, Fashion-MNIST), 3072 = 3x32x32 (CIFAR-10).
        if (pixels == 784) return rows.dup('c').reshape(rows.size(0), 1, 28, 28);
        if (pixels == 3072) return rows.dup('c').reshape(rows.size(0), 3, 32, 32);
        throw new IllegalArgumentException("images of " + pixels + " values per row: expected 784 (28x28 grey) or "
                + "3072 (32x32 colour), or pass them as [n, c, h, w]");
    }
}
