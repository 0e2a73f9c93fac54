package com.kehu.crm.analytics.clv;

/**
 * A customer's purchase history as the models see it, in a chosen time unit, measured from the customer's first
 * purchase to the end of the calibration period. Purchases on the same day count as one.
 *
 * @param x repeat purchases (purchases after the first)
 * @param tx time of the last purchase (0 when x = 0)
 * @param t time from the first purchase to the calibration end ({@code T} in the papers)
 * @param weight how many customers share exactly this history (histories are grouped to fit faster)
 */
public record RepeatHistory(int x, double tx, double t, long weight) {

    public RepeatHistory {
        if (x < 0 || tx < 0 || t < tx || weight < 1 || (x == 0 && tx != 0)) {
            throw new IllegalArgumentException("Not a purchase history: x=" + x + ", tx=" + tx + ", T=" + t);
        }
    }

    public RepeatHistory(int x, double tx, double t) {
        this(x, tx, t, 1);
    }
}
