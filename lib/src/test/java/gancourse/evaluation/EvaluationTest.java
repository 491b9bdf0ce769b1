package gancourse.evaluation;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;

import gancourse.data.Datasets;
import gancourse.data.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** What ./course eval reports, in smoke mode: a classifier trained in seconds, in a fresh data folder. */
class EvaluationTest {
    @TempDir
    Path data;

    @BeforeEach
    void smallAndFresh() {
        TestData.useCourseSettings(data, true);
    }

    @AfterEach
    void clearSettings() {
        TestData.clearCourseSettings();
    }

    @Test
    void realDigitsAreCloseToTheTestSetAndNoiseIsFar() {
        INDArray real = Datasets.load("mnist", "train", 1000).images();
        INDArray noise = Nd4j.rand(DataType.FLOAT, 1000, 1, 28, 28).muli(2).subi(1);
        Evaluation good = Evaluation.of("mnist", real);
        Evaluation bad = Evaluation.of("mnist", noise);
        assertTrue(good.classifierAccuracy() > 0.7, "smoke classifier accuracy " + good.classifierAccuracy());
        assertTrue(bad.frechetDistance() > 10 * good.frechetDistance(), good.frechetDistance() + " vs " + bad.frechetDistance());
        assertTrue(good.score().confidentShare() > bad.score().confidentShare());
        String report = good.summary();
        assertTrue(report.contains("Frechet distance to the mnist test set") && report.contains("not with the Inception"), report);
        assertTrue(report.contains("from 1000 samples"), "warns that 1,000 samples are few: " + report);
    }

    @Test
    void samplesOfAnotherDatasetAreRefusedClearly() {
        var e = assertThrows(IllegalArgumentException.class, () -> Evaluation.of("mnist", Nd4j.zeros(DataType.FLOAT, 4, 3, 32, 32)));
        assertTrue(e.getMessage().contains("1x28x28"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Evaluation.of("svhn", Nd4j.zeros(DataType.FLOAT, 4, 1, 28, 28)));
        assertTrue(e.getMessage().contains("must be one of"), e.getMessage());
    }
}
