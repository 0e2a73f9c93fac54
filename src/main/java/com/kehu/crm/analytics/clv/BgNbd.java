package com.kehu.crm.analytics.clv;

import static org.apache.commons.math3.special.Gamma.logGamma;

/**
 * The BG/NBD model with its four parameters: while active a customer buys as a Poisson process with rate λ ~
 * Gamma(r, α) across customers, and after each repeat purchase drops out for good with probability p ~ Beta(a, b).
 * Formulas from Fader, Hardie and Lee (2005), equations (6), (10) and (11) and their note on P(alive).
 */
public record BgNbd(double r, double alpha, double a, double b) {

    public BgNbd {
        if (!(r > 0 && alpha > 0 && a > 0 && b > 0)) {
            throw new IllegalArgumentException("BG/NBD parameters must be positive");
        }
    }

    /** The log-likelihood of one customer's history (equation 6 of the paper, on the log scale). */
    public double logLikelihood(RepeatHistory h) {
        int x = h.x();
        double a1 = logGamma(r + x) - logGamma(r) + r * Math.log(alpha);
        double a2 = logGamma(a + b) + logGamma(b + x) - logGamma(b) - logGamma(a + b + x);
        double a3 = -(r + x) * Math.log(alpha + h.t());
        if (x == 0) {
            return a1 + a2 + a3;
        }
        double a4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + h.tx());
        return a1 + a2 + logAddExp(a3, a4);
    }

    /** The probability that a customer with this history has not dropped out by the calibration end. */
    public double probabilityAlive(RepeatHistory h) {
        if (h.x() == 0) {
            return 1;
        }
        double log = Math.log(a / (b + h.x() - 1)) + (r + h.x()) * Math.log((alpha + h.t()) / (alpha + h.tx()));
        return 1 / (1 + Math.exp(log));
    }

    /** Expected repeat purchases in the next {@code periods} time units for a customer with this history (eq. 10). */
    public double expectedPurchases(RepeatHistory h, double periods) {
        if (periods <= 0) {
            return 0;
        }
        int x = h.x();
        double t = h.t();
        double z = periods / (alpha + t + periods);
        double hyper = Hypergeometric.f21(r + x, b + x, a + b + x - 1, z);
        double head = (a + b + x - 1) / (a - 1);
        double body = 1 - Math.pow((alpha + t) / (alpha + t + periods), r + x) * hyper;
        double alive = x == 0 ? 1 : 1 + (a / (b + x - 1)) * Math.pow((alpha + t) / (alpha + h.tx()), r + x);
        return head * body / alive;
    }

    /** Expected purchases in {@code periods} time units of a customer just acquired (eq. 9, E[X(t)]). */
    public double expectedPurchasesOfNewCustomer(double periods) {
        double z = periods / (alpha + periods);
        return (a + b - 1)
                / (a - 1)
                * (1 - Math.pow(alpha / (alpha + periods), r) * Hypergeometric.f21(r, b, a + b - 1, z));
    }

    static double logAddExp(double u, double v) {
        double max = Math.max(u, v);
        return max + Math.log(Math.exp(u - max) + Math.exp(v - max));
    }
}
