package gancourse.evaluation;

import java.nio.file.Files;
import java.nio.file.Path;

import gancourse.Course;
import gancourse.data.Datasets;
import gancourse.data.ImageDataset;
import gancourse.models.Outputs;
import gancourse.training.Checkpoint;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A classifier that judges generated images. For MNIST and Fashion-MNIST: LeNet-5 (LeCun et al. 1998) with ReLU
 * and max pooling: two convolutions of 6 and 16 filters, two poolings, dense layers of 120 and 84 units, softmax.
 * LeNet reads only 58% of CIFAR-10's test photos right after three epochs, so CIFAR-10 gets a small CNN
 * with batch norm ({@link #smallCnn}): 64.5% after three epochs (68.7% after five). Both are small on purpose: they
 * train in minutes on a laptop CPU. The course trains one per dataset once and caches it under
 * {@code data/models/}; the features of its last hidden layer (84 for LeNet, 128 for the CNN) are what the Frechet
 * distance compares.
 */
public final class Classifier {
    /** LeNet's features: the width of its last hidden layer. */
    public static final int FEATURES = 84;
    /** The CIFAR-10 CNN's features. */
    public static final int CNN_FEATURES = 128;
    private static final int BATCH = 256;

    private Classifier() {}

    // What both classifiers share: Adam 1e-3, He initialisation for ReLU, floats.
    private static NeuralNetConfiguration.ListBuilder layers(long seed) {
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new Adam(1e-3))
                .weightInit(WeightInit.RELU)
                .list();
    }

    public static MultiLayerNetwork lenet(int channels, int height, int width, int classes, long seed) {
        var conf = layers(seed)
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

    /**
     * A small CNN for 32x32 colour photos: three blocks of a 3x3 convolution (16, 32, 64 filters), batch norm, ReLU
     * and 2x2 max pooling (32 -> 16 -> 8 -> 4), then a dense layer of 128 units (the features, with dropout while
     * training) and softmax. About 150,000 parameters; a tenth of the arithmetic of the usual CIFAR-10 CNNs.
     */
    public static MultiLayerNetwork smallCnn(int channels, int height, int width, int classes, long seed) {
        var conf = layers(seed)
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(16).padding(1, 1).activation(Activation.IDENTITY).build())
                .layer(new BatchNormalization.Builder().build())
                .layer(new ActivationLayer(Activation.RELU))
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(32).padding(1, 1).activation(Activation.IDENTITY).build())
                .layer(new BatchNormalization.Builder().build())
                .layer(new ActivationLayer(Activation.RELU))
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(64).padding(1, 1).activation(Activation.IDENTITY).build())
                .layer(new BatchNormalization.Builder().build())
                .layer(new ActivationLayer(Activation.RELU))
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                // Dropout here keeps the features from memorising the photos (DL4J's 0.5 = keep half).
                .layer(new DenseLayer.Builder().nOut(CNN_FEATURES).activation(Activation.RELU).dropOut(0.5).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(classes).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(height, width, channels))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /** The network the course uses for a dataset, untrained: the small CNN for CIFAR-10, LeNet-5 for the others. */
    public static MultiLayerNetwork untrained(String dataset, int channels, int height, int width, int classes, long seed) {
        return dataset.equals("cifar-10")
                ? smallCnn(channels, height, width, classes, seed)
                : lenet(channels, height, width, classes, seed);
    }

    /** Train on a dataset's training split for some epochs; prints the test accuracy after each. */
    public static MultiLayerNetwork train(String dataset, int epochs, long seed) {
        ImageDataset trainSet = Datasets.load(dataset, "train");
        ImageDataset testSet = Datasets.load(dataset, "test");
        MultiLayerNetwork net = untrained(dataset, trainSet.channels(), trainSet.height(), trainSet.width(), trainSet.numClasses(), seed);
        // Batches of 128 for the CNN: on 2 cores an epoch takes 30% less time than with 64 (measured).
        int batch = dataset.equals("cifar-10") ? 128 : 64;
        for (int e = 1; e <= epochs; e++) {
            long start = System.nanoTime();
            net.fit(trainSet.iterator(batch, seed + e));
            // One println, not printf: a notebook kernel turns each piece printf writes into an output of its own.
            System.out.println(String.format("classifier for %s: epoch %d/%d, test accuracy %.2f%% (%.0f s)", dataset, e,
                    epochs, 100 * accuracy(net, testSet), (System.nanoTime() - start) / 1e9));
        }
        return net;
    }

    /**
     * The cached classifier for a dataset, trained on first use for three epochs (measured on a busy 2-core
     * machine: about a minute for MNIST and Fashion-MNIST, about 6 minutes for CIFAR-10). Smoke mode keeps its own
     * tiny one, so a quick test never replaces the real classifier.
     */
    public static MultiLayerNetwork forDataset(String dataset) {
        Path file = Course.modelFile("classifier-" + dataset);
        if (Files.isRegularFile(file)) {
            MultiLayerNetwork cached = Checkpoint.loadModel(file);
            // A classifier cached by an older version of the course (LeNet for CIFAR-10) is trained again.
            ImageDataset probe = Datasets.load(dataset, "test", 1);
            long expected = untrained(dataset, probe.channels(), probe.height(), probe.width(), probe.numClasses(), 7).numParams();
            if (cached.numParams() == expected) return cached;
            System.out.println("the cached " + dataset + " classifier is another network than this course version's: training it again");
        }
        int epochs = Course.size(3, 1);
        System.out.println("training the " + dataset + " classifier once (" + epochs + " epochs); it is cached in " + file);
        MultiLayerNetwork net = train(dataset, epochs, 7);
        Checkpoint.saveModel(net, file);
        return net;
    }

    /** Class probabilities [n, classes] for images [n, c, h, w] (or rows [n, c*h*w]) in [-1, 1]. */
    public static INDArray probabilities(MultiLayerNetwork net, INDArray images) {
        return inBatches(net, images, net.getnLayers() - 1);
    }

    /** The last hidden layer's features, [n, 84] for LeNet, [n, 128] for the CNN: what the Frechet distance compares. */
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

    // Batches keep memory small for 10,000 CIFAR-10 images.
    private static INDArray inBatches(MultiLayerNetwork net, INDArray images, int layer) {
        return Outputs.ofLayer(net, images.rank() == 4 ? images : asImages(images), layer, BATCH);
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
