package com.kehu.crm.analytics.clv;

/** The Gauss hypergeometric function 2F1(a, b; c; z), by its power series, for 0 <= z < 1. */
final class Hypergeometric {

    private static final int MAX_TERMS = 100_000;
    private static final double TOLERANCE = 1e-12;

    private Hypergeometric() {}

    static double f21(double a, double b, double c, double z) {
        if (z < 0 || z >= 1) {
            throw new IllegalArgumentException("2F1 series needs 0 <= z < 1, got " + z);
        }
        double term = 1;
        double sum = 1;
        for (int n = 0; n < MAX_TERMS; n++) {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            sum += term;
            if (Math.abs(term) < TOLERANCE * Math.abs(sum)) {
                return sum;
            }
        }
        return sum;
    }
}
