package com.kehu.crm.analytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BgNbdTests {

    /** The CDNOW estimates of Fader, Hardie and Lee (2005), table 1, in weeks. */
    static final BgNbd CDNOW = new BgNbd(0.243, 4.414, 0.793, 2.426);

    /**
     * The likelihood written out with products instead of Gamma functions (for integer x, Γ(r+x)/Γ(r) is the rising
     * product r(r+1)...(r+x-1), and the Beta ratios are products too): an independent computation of equation 6.
     */
    static double likelihoodByProducts(BgNbd m, int x, double tx, double t) {
        double rising = 1;
        for (int i = 0; i < x; i++) {
            rising *= m.r() + i;
        }
        double betaStay = 1;
        for (int i = 0; i < x; i++) {
            betaStay *= (m.b() + i) / (m.a() + m.b() + i);
        }
        double stillActive = betaStay * rising * Math.pow(m.alpha(), m.r()) / Math.pow(m.alpha() + t, m.r() + x);
        if (x == 0) {
            return stillActive;
        }
        double betaGone = m.a() / (m.a() + m.b() + x - 1);
        for (int i = 0; i < x - 1; i++) {
            betaGone *= (m.b() + i) / (m.a() + m.b() + i);
        }
        double droppedOut = betaGone * rising * Math.pow(m.alpha(), m.r()) / Math.pow(m.alpha() + tx, m.r() + x);
        return stillActive + droppedOut;
    }

    @ParameterizedTest
    @CsvSource({"0,0,10", "1,5,10", "2,30.43,38.86", "7,35,39", "25,50.5,52"})
    void logLikelihoodMatchesTheProductForm(int x, double tx, double t) {
        for (BgNbd model : List.of(CDNOW, new BgNbd(1.5, 10, 2.2, 6.5), new BgNbd(0.5, 2, 0.4, 0.9))) {
            assertThat(model.logLikelihood(new RepeatHistory(x, tx, t)))
                    .isCloseTo(Math.log(likelihoodByProducts(model, x, tx, t)), within(1e-9));
        }
    }

    @Test
    void probabilityAliveFollowsTheHistory() {
        assertThat(CDNOW.probabilityAlive(new RepeatHistory(0, 0, 30))).isEqualTo(1.0);
        // same x, last purchase long ago: less likely alive than one who bought recently
        double recent = CDNOW.probabilityAlive(new RepeatHistory(3, 38, 39));
        double silent = CDNOW.probabilityAlive(new RepeatHistory(3, 5, 39));
        assertThat(recent).isGreaterThan(silent).isLessThanOrEqualTo(1.0);
        // 1 / (1 + a/(b+x-1) * ((α+T)/(α+tx))^(r+x)) by hand for x=3, tx=5, T=39
        double byHand = 1 / (1 + 0.793 / (2.426 + 2) * Math.pow((4.414 + 39) / (4.414 + 5), 0.243 + 3));
        assertThat(silent).isCloseTo(byHand, within(1e-12));
    }

    @Test
    void expectedPurchasesMatchThePaper() {
        // Fader, Hardie and Lee (2005), section 5: a customer with x = 2, tx = 30.43, T = 38.86 (weeks) is expected to
        // make 1.226 purchases in the next 39 weeks
        assertThat(CDNOW.expectedPurchases(new RepeatHistory(2, 30.43, 38.86), 39))
                .isCloseTo(1.226, within(0.001));
        // a customer seen for no time with no repeat purchase is a new customer
        assertThat(CDNOW.expectedPurchases(new RepeatHistory(0, 0, 0), 52))
                .isCloseTo(CDNOW.expectedPurchasesOfNewCustomer(52), within(1e-12));
        assertThat(CDNOW.expectedPurchases(new RepeatHistory(2, 30.43, 38.86), 0))
                .isZero();
    }

    /**
     * Data drawn from the model with known parameters: the fit must find them again. 40,000 customers per set;
     * tolerance 10% on r and α (well identified) and 20% on a and b (the dropout mixture is weakly identified when few
     * customers drop out), which simulation noise at this size stays inside.
     */
    @ParameterizedTest
    @CsvSource({"0.243,4.414,0.793,2.426,11", "1.5,10,2.2,6.5,12", "0.8,3,1.2,4,13"})
    void fitRecoversTheParametersOfSimulatedData(double r, double alpha, double a, double b, long seed) {
        BgNbd truth = new BgNbd(r, alpha, a, b);
        List<RepeatHistory> data = new ModelSimulation(seed).bgNbd(truth, 40_000, 26, 78);
        BgNbdFit fit = BgNbdFit.fit(data);
        assertThat(fit.customers()).isEqualTo(40_000);
        assertThat(fit.model().r()).isCloseTo(r, withinPercentage(10));
        assertThat(fit.model().alpha()).isCloseTo(alpha, withinPercentage(10));
        assertThat(fit.model().a()).isCloseTo(a, withinPercentage(20));
        assertThat(fit.model().b()).isCloseTo(b, withinPercentage(20));
        // the optimum is at least as likely as the truth
        double atTruth = data.stream().mapToDouble(truth::logLikelihood).sum();
        assertThat(fit.logLikelihood()).isGreaterThanOrEqualTo(atTruth - 1e-6);
        double atFit = data.stream().mapToDouble(fit.model()::logLikelihood).sum();
        assertThat(fit.logLikelihood()).isCloseTo(atFit, within(1e-6 * Math.abs(atFit)));
    }

    @Test
    void groupedHistoriesFitLikeTheUngroupedOnes() {
        List<RepeatHistory> ungrouped = List.of(
                new RepeatHistory(0, 0, 20),
                new RepeatHistory(0, 0, 20),
                new RepeatHistory(0, 0, 20),
                new RepeatHistory(1, 4, 20),
                new RepeatHistory(1, 4, 20),
                new RepeatHistory(3, 15, 20),
                new RepeatHistory(5, 19, 20),
                new RepeatHistory(2, 3, 20));
        List<RepeatHistory> grouped = List.of(
                new RepeatHistory(0, 0, 20, 3),
                new RepeatHistory(1, 4, 20, 2),
                new RepeatHistory(3, 15, 20),
                new RepeatHistory(5, 19, 20),
                new RepeatHistory(2, 3, 20));
        assertThat(BgNbdFit.fit(grouped).logLikelihood())
                .isCloseTo(BgNbdFit.fit(ungrouped).logLikelihood(), within(1e-6));
        assertThat(BgNbdFit.fit(grouped).customers()).isEqualTo(8);
    }
}
