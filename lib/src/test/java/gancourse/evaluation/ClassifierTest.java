package gancourse.evaluation;

import static org.junit.jupiter.api.Assertions.*;

import gancourse.data.Datasets;
import gancourse.data.ImageDataset;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;

class ClassifierTest {
    @Test
    void lenetGivesProbabilitiesAndFeaturesAndLearns() {
        ImageDataset train = Datasets.load("mnist", "train", 1024);
        ImageDataset test = Datasets.load("mnist", "test", 512);
        MultiLayerNetwork net = Classifier.lenet(1, 28, 28, 10, 1);

        var p = Classifier.probabilities(net, test.images());
        assertArrayEquals(new long[] {512, 10}, p.shape());
        assertEquals(512.0, p.sumNumber().doubleValue(), 1e-2, "each row is a distribution");
        assertArrayEquals(new long[] {512, Classifier.FEATURES}, Classifier.features(net, test.flat()).shape(),
                "flat rows are taken as 28x28 images");

        double before = Classifier.accuracy(net, test);
        for (int epoch = 0; epoch < 3; epoch++) net.fit(train.iterator(64, epoch));
        double after = Classifier.accuracy(net, test);
        assertTrue(after > 0.7 && after > before + 0.3, "accuracy " + before + " -> " + after);
    }

    @Test
    void theCifarCnnGivesItsFeaturesAndLearnsPhotos() {
        ImageDataset train = Datasets.load("cifar-10", "train", 2048);
        ImageDataset test = Datasets.load("cifar-10", "test", 512);
        MultiLayerNetwork net = Classifier.untrained("cifar-10", 3, 32, 32, 10, 1);
        assertEquals(net.numParams(), Classifier.smallCnn(3, 32, 32, 10, 1).numParams());
        assertArrayEquals(new long[] {512, Classifier.CNN_FEATURES}, Classifier.features(net, test.images()).shape());
        assertEquals(512.0, Classifier.probabilities(net, test.images()).sumNumber().doubleValue(), 1e-2);
        for (int epoch = 0; epoch < 2; epoch++) net.fit(train.iterator(64, epoch));
        double accuracy = Classifier.accuracy(net, test);
        assertTrue(accuracy > 0.25, "accuracy " + accuracy + " after two epochs of 2,048 photos (chance: 0.1)");
    }

    @Test
    void imagesOfAnUnknownSizeAreRefusedClearly() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Classifier.probabilities(Classifier.lenet(1, 28, 28, 10, 1), org.nd4j.linalg.factory.Nd4j.zeros(4, 100)));
        assertTrue(e.getMessage().contains("784"), e.getMessage());
    }
}
