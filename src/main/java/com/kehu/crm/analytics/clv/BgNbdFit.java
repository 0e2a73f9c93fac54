package com.kehu.crm.analytics.clv;

import static org.apache.commons.math3.special.Gamma.logGamma;

import java.util.Collection;
import java.util.TreeMap;

/**
 * A BG/NBD model fitted to purchase histories by maximum likelihood.
 *
 * @param model the fitted parameters
 * @param logLikelihood the total log-likelihood at the optimum (over all customers, weights counted)
 * @param customers how many customers the fit saw
 * @param evaluations how many times the likelihood was evaluated
 */
public record BgNbdFit(BgNbd model, double logLikelihood, long customers, int evaluations) {

    /**
     * Fits the model to the histories. The terms that depend only on x (the Gamma functions) are computed once per
     * distinct x and evaluation, so the cost per history is a few logarithms; grouping equal histories (the weight)
     * makes a million customers a few hundred thousand rows.
     */
    public static BgNbdFit fit(Collection<RepeatHistory> histories) {
        if (histories.isEmpty()) {
            throw new IllegalArgumentException("No purchase histories to fit");
        }
        int n = histories.size();
        int[] xIndex = new int[n];
        double[] tx = new double[n];
        double[] t = new double[n];
        double[] w = new double[n];
        TreeMap<Integer, Integer> distinct = new TreeMap<>();
        histories.forEach(h -> distinct.putIfAbsent(h.x(), 0));
        int[] xs = distinct.keySet().stream().mapToInt(Integer::intValue).toArray();
        for (int i = 0; i < xs.length; i++) {
            distinct.put(xs[i], i);
        }
        long customers = 0;
        int i = 0;
        for (RepeatHistory h : histories) {
            xIndex[i] = distinct.get(h.x());
            tx[i] = h.tx();
            t[i] = h.t();
            w[i] = h.weight();
            customers += h.weight();
            i++;
        }
        double[] gammaTerm = new double[xs.length];
        MaximumLikelihood.Optimum optimum = MaximumLikelihood.maximise(
                theta -> {
                    double r = theta[0];
                    double alpha = theta[1];
                    double a = theta[2];
                    double b = theta[3];
                    double constant = logGamma(a + b) - logGamma(b) - logGamma(r) + r * Math.log(alpha);
                    for (int k = 0; k < xs.length; k++) {
                        int x = xs[k];
                        gammaTerm[k] = constant + logGamma(r + x) + logGamma(b + x) - logGamma(a + b + x);
                    }
                    double total = 0;
                    double logA = Math.log(a);
                    for (int k = 0; k < n; k++) {
                        int x = xs[xIndex[k]];
                        double a3 = -(r + x) * Math.log(alpha + t[k]);
                        double tail = x == 0
                                ? a3
                                : BgNbd.logAddExp(a3, logA - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx[k]));
                        total += w[k] * (gammaTerm[xIndex[k]] + tail);
                    }
                    return total;
                },
                new double[] {1, 1, 1, 1});
        double[] p = optimum.parameters();
        return new BgNbdFit(
                new BgNbd(p[0], p[1], p[2], p[3]), optimum.logLikelihood(), customers, optimum.evaluations());
    }
}
