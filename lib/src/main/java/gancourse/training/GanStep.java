package gancourse.training;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one training iteration measured.
 *
 * @param lossD the discriminator's loss: on the real batch plus on the fake batch (2 ln 2 = 1.386 when D can
 *              only guess)
 * @param lossG the generator's loss: how far D is from calling the fakes real (ln 2 = 0.693 when D guesses)
 * @param dReal D(x), the mean probability D gives real images (1 = sure they are real)
 * @param dFake D(G(z)), the mean probability D gives the fakes, before its update
 */
public record GanStep(long iteration, int epoch, double lossD, double lossG, double dReal, double dFake) {

    /** The values by name, in the order the live view and the history table show them. */
    public Map<String, Double> values() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("D loss", lossD);
        m.put("G loss", lossG);
        m.put("D(x)", dReal);
        m.put("D(G(z))", dFake);
        return m;
    }
}
