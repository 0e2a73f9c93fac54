package com.kehu.crm.analytics.clv;

import static org.apache.commons.math3.special.Gamma.logGamma;

import java.util.Collection;

/**
 * A Gamma-Gamma spend model fitted to repeat buyers by maximum likelihood.
 *
 * @param model the fitted parameters
 * @param logLikelihood the total log-likelihood at the optimum
 * @param customers how many repeat buyers the fit saw
 * @param evaluations how many times the likelihood was evaluated
 */
public record GammaGammaFit(GammaGamma model, double logLikelihood, long customers, int evaluations) {

    public static GammaGammaFit fit(Collection<SpendHistory> histories) {
        if (histories.isEmpty()) {
            throw new IllegalArgumentException("No repeat buyers to fit");
        }
        int n = histories.size();
        int[] x = new int[n];
        double[] m = new double[n];
        double[] w = new double[n];
        double[] logM = new double[n];
        double[] logX = new double[n];
        long customers = 0;
        double sum = 0;
        int i = 0;
        for (SpendHistory h : histories) {
            x[i] = h.x();
            m[i] = h.mean();
            w[i] = h.weight();
            logM[i] = Math.log(h.mean());
            logX[i] = Math.log(h.x());
            customers += h.weight();
            sum += h.weight() * h.mean();
            i++;
        }
        double scale = sum / customers;
        MaximumLikelihood.Optimum optimum = MaximumLikelihood.maximise(
                theta -> {
                    double p = theta[0];
                    double q = theta[1];
                    double gamma = theta[2];
                    double constant = -logGamma(q) + q * Math.log(gamma);
                    double total = 0;
                    for (int k = 0; k < n; k++) {
                        double px = p * x[k];
                        total += w[k]
                                * (constant
                                        + logGamma(px + q)
                                        - logGamma(px)
                                        + (px - 1) * logM[k]
                                        + px * logX[k]
                                        - (px + q) * Math.log(gamma + x[k] * m[k]));
                    }
                    return total;
                },
                // start near the data's scale: γ/(q-1)·p = mean spend at p = 1, q = 2
                new double[] {1, 2, scale});
        double[] p = optimum.parameters();
        return new GammaGammaFit(
                new GammaGamma(p[0], p[1], p[2]), optimum.logLikelihood(), customers, optimum.evaluations());
    }
}
