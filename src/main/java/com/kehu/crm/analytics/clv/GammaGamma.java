package com.kehu.crm.analytics.clv;

import static org.apache.commons.math3.special.Gamma.logGamma;

/**
 * The Gamma-Gamma spend model: each purchase's value is Gamma(p, ν) for a customer, ν ~ Gamma(q, γ) across customers
 * (Fader and Hardie 2013, "The Gamma-Gamma model of monetary value"). It assumes spend does not depend on how often a
 * customer buys.
 */
public record GammaGamma(double p, double q, double gamma) {

    public GammaGamma {
        if (!(p > 0 && q > 0 && gamma > 0)) {
            throw new IllegalArgumentException("Gamma-Gamma parameters must be positive");
        }
    }

    /**
     * The log-likelihood of a customer whose {@code x} purchases averaged {@code mean}: the density of the mean,
     * x^(px) m^(px-1) γ^q Γ(px+q) / (Γ(px) Γ(q) (γ + x m)^(px+q)).
     */
    public double logLikelihood(int x, double mean) {
        double px = p * x;
        return logGamma(px + q)
                - logGamma(px)
                - logGamma(q)
                + q * Math.log(gamma)
                + (px - 1) * Math.log(mean)
                + px * Math.log(x)
                - (px + q) * Math.log(gamma + x * mean);
    }

    /** The expected value of this customer's future purchases: a weighted mean of their own and the population's. */
    public double expectedAverageValue(int x, double mean) {
        if (x == 0) {
            return populationMean();
        }
        return p * (gamma + x * mean) / (p * x + q - 1);
    }

    /** The mean purchase value across customers, pγ/(q−1); infinite when q ≤ 1. */
    public double populationMean() {
        return q > 1 ? p * gamma / (q - 1) : Double.POSITIVE_INFINITY;
    }
}
