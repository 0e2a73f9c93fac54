package com.kehu.crm.analytics.clv;

/**
 * What the spend model sees of a repeat buyer: the number of repeat purchases and their average value.
 *
 * @param x repeat purchases, at least 1
 * @param mean their average value, positive
 * @param weight how many customers share exactly these figures
 */
public record SpendHistory(int x, double mean, long weight) {

    public SpendHistory {
        if (x < 1 || !(mean > 0) || weight < 1) {
            throw new IllegalArgumentException("Not a spend history: x=" + x + ", mean=" + mean);
        }
    }

    public SpendHistory(int x, double mean) {
        this(x, mean, 1);
    }
}
