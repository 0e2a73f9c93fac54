package com.kehu.crm.analytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GammaGammaTests {

    /** The CDNOW spend estimates of Fader and Hardie (2013). */
    static final GammaGamma CDNOW = new GammaGamma(6.25, 3.74, 15.44);

    /**
     * An independent computation: integrate over ν the density of the mean of x purchases given ν (a Gamma(px, xν))
     * times the density of ν (a Gamma(q, γ)), numerically.
     */
    static double likelihoodByIntegration(GammaGamma m, int x, double mean) {
        GammaDistribution nu = new GammaDistribution(m.q(), 1 / m.gamma());
        // composite Simpson over u = ln ν (dν = ν du), fine enough for the sharp peaks of large x
        double from = Math.log(1e-9);
        double to = Math.log(nu.inverseCumulativeProbability(1 - 1e-13));
        int steps = 100_000;
        double h = (to - from) / steps;
        double shape = m.p() * x;
        double logGammaShape = org.apache.commons.math3.special.Gamma.logGamma(shape);
        double sum = 0;
        for (int i = 0; i <= steps; i++) {
            double v = Math.exp(from + i * h);
            // the Gamma(px, rate xν) density of the mean, written out
            double rate = x * v;
            double meanDensity =
                    Math.exp(shape * Math.log(rate) + (shape - 1) * Math.log(mean) - rate * mean - logGammaShape);
            double f = meanDensity * nu.density(v) * v;
            sum += f * (i == 0 || i == steps ? 1 : i % 2 == 1 ? 4 : 2);
        }
        return sum * h / 3;
    }

    @ParameterizedTest
    @CsvSource({"1,20", "2,35.5", "5,12", "10,80"})
    void logLikelihoodMatchesNumericalIntegration(int x, double mean) {
        for (GammaGamma model : List.of(CDNOW, new GammaGamma(2, 5, 100))) {
            assertThat(model.logLikelihood(x, mean))
                    .isCloseTo(Math.log(likelihoodByIntegration(model, x, mean)), within(1e-5));
        }
    }

    @Test
    void expectedAverageValueShrinksTowardsThePopulationMean() {
        double population = CDNOW.populationMean();
        assertThat(population).isCloseTo(6.25 * 15.44 / 2.74, within(1e-9));
        double one = CDNOW.expectedAverageValue(1, 100);
        double many = CDNOW.expectedAverageValue(20, 100);
        // both between the population mean and the customer's own mean, more of their own the more they bought
        assertThat(one).isBetween(population, 100.0);
        assertThat(many).isBetween(one, 100.0);
        // p(γ + x m)/(px + q - 1) by hand for x = 1, m = 100
        assertThat(one).isCloseTo(6.25 * (15.44 + 100) / (6.25 + 3.74 - 1), within(1e-9));
        assertThat(CDNOW.expectedAverageValue(0, 0)).isEqualTo(population);
    }

    @ParameterizedTest
    @CsvSource({"6.25,3.74,15.44,21", "2,5,100,22", "10,8,30,23"})
    void fitRecoversTheParametersOfSimulatedData(double p, double q, double gamma, long seed) {
        GammaGamma truth = new GammaGamma(p, q, gamma);
        List<SpendHistory> data = new ModelSimulation(seed).gammaGamma(truth, 30_000);
        GammaGammaFit fit = GammaGammaFit.fit(data);
        assertThat(fit.customers()).isEqualTo(30_000);
        assertThat(fit.model().p()).isCloseTo(p, withinPercentage(10));
        assertThat(fit.model().q()).isCloseTo(q, withinPercentage(15));
        assertThat(fit.model().gamma()).isCloseTo(gamma, withinPercentage(20));
        // what matters downstream, the population mean spend, within 5%
        assertThat(fit.model().populationMean()).isCloseTo(truth.populationMean(), withinPercentage(5));
    }
}
