package com.kehu.crm.analytics.clv;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/** Draws customers from the models themselves, so a fit can be checked against the parameters that made the data. */
final class ModelSimulation {

    private final RandomGenerator random;

    ModelSimulation(long seed) {
        random = new Well19937c(seed);
    }

    /**
     * Customers of a BG/NBD world, each observed for T drawn uniformly from [minT, maxT] periods after a first purchase
     * at time 0: exponential gaps at rate λ, and after each repeat purchase a coin with probability p ends the
     * customer's activity (the generative story of Fader, Hardie and Lee 2005, section 2).
     */
    List<RepeatHistory> bgNbd(BgNbd model, int customers, double minT, double maxT) {
        GammaDistribution lambdas = new GammaDistribution(
                random, model.r(), 1 / model.alpha(), GammaDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
        BetaDistribution dropouts =
                new BetaDistribution(random, model.a(), model.b(), BetaDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
        List<RepeatHistory> histories = new ArrayList<>(customers);
        for (int i = 0; i < customers; i++) {
            double lambda = lambdas.sample();
            double p = dropouts.sample();
            double t = minT + (maxT - minT) * random.nextDouble();
            double time = 0;
            int x = 0;
            double last = 0;
            while (true) {
                time += -Math.log(1 - random.nextDouble()) / lambda;
                if (time >= t) {
                    break;
                }
                x++;
                last = time;
                if (random.nextDouble() < p) {
                    break;
                }
            }
            histories.add(new RepeatHistory(x, last, t));
        }
        return histories;
    }

    /** Repeat buyers of a Gamma-Gamma world: ν ~ Gamma(q, γ), each of x purchases worth Gamma(p, ν); x from 1 to 10. */
    List<SpendHistory> gammaGamma(GammaGamma model, int customers) {
        GammaDistribution nus = new GammaDistribution(
                random, model.q(), 1 / model.gamma(), GammaDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
        List<SpendHistory> histories = new ArrayList<>(customers);
        for (int i = 0; i < customers; i++) {
            double nu = nus.sample();
            GammaDistribution values = new GammaDistribution(
                    random, model.p(), 1 / nu, GammaDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
            int x = 1 + random.nextInt(10);
            double sum = 0;
            for (int k = 0; k < x; k++) {
                sum += values.sample();
            }
            histories.add(new SpendHistory(x, sum / x));
        }
        return histories;
    }
}
