package gancourse.evaluation;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class SampleScoreTest {
    static float[][] probabilities(int n, java.util.function.IntFunction<float[]> row) {
        float[][] p = new float[n][];
        for (int i = 0; i < n; i++) p[i] = row.apply(i);
        return p;
    }

    static float[] sure(int cls) {
        float[] r = new float[10];
        java.util.Arrays.fill(r, 0.005f);
        r[cls] = 0.955f;
        return r;
    }

    @Test
    void aCollapsedGeneratorCoversOneClassAndScoresAboutOne() {
        var s = SampleScore.of(Nd4j.create(probabilities(100, i -> sure(3))));
        assertEquals(1.0, s.confidentShare(), 1e-9);
        assertEquals(1, s.classesCovered());
        assertEquals(100, s.histogram()[3]);
        assertEquals(1.0, s.classifierScore(), 1e-6);
    }

    @Test
    void sureAndEvenSamplesCoverAllClassesAndScoreNearTheClassCount() {
        var s = SampleScore.of(Nd4j.create(probabilities(1000, i -> sure(i % 10))));
        assertEquals(10, s.classesCovered());
        assertTrue(s.classifierScore() > 7 && s.classifierScore() <= 10, "score " + s.classifierScore());
    }

    @Test
    void unsureSamplesAreNotCountedAsConfident() {
        float[] flat = new float[10];
        java.util.Arrays.fill(flat, 0.1f);
        var s = SampleScore.of(Nd4j.create(probabilities(50, i -> flat)));
        assertEquals(0.0, s.confidentShare());
        assertEquals(0, s.classesCovered());
        assertEquals(50, java.util.Arrays.stream(s.predicted()).sum(), "every sample has a first choice");
        assertEquals(1.0, s.classifierScore(), 1e-6);
    }

    @Test
    void aClassNeedsOnePercentOfTheSamplesToCountAsCovered() {
        // 995 samples of class 0, 5 of class 1: class 1 has 0.5% and is not covered.
        var s = SampleScore.of(Nd4j.create(probabilities(1000, i -> sure(i < 995 ? 0 : 1))));
        assertEquals(1, s.classesCovered());
        assertEquals(5, s.histogram()[1]);
        assertEquals(995, s.predicted()[0]);
        assertTrue(s.summary(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")).contains("1 of 10 classes covered"));
    }

    @Test
    void aClassTheClassifierIsUnsureOfStillCountsByFirstChoice() {
        // 900 sure samples of classes 0 to 8, and 100 of class 9 that the classifier leans to but is unsure of.
        float[] unsureNine = new float[10];
        java.util.Arrays.fill(unsureNine, 0.05f);
        unsureNine[9] = 0.55f;
        var s = SampleScore.of(Nd4j.create(probabilities(1000, i -> i < 900 ? sure(i % 9) : unsureNine)));
        assertEquals(0, s.histogram()[9]);
        assertEquals(100, s.predicted()[9]);
        var e = new Evaluation("mnist", null, 1000, 0.99, 1.0, s, List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
        assertEquals(0.0, e.smallestClassShare(), 1e-12);
        assertEquals(0.1, e.smallestFirstChoiceShare(), 1e-12);
        assertTrue(e.summary().contains("class histogram (first choice, however unsure): 0: 100, 1: 100"), e.summary());
    }
}
