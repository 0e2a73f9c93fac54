package com.kehu.crm.analytics.clv;

import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Maximises a log-likelihood over strictly positive parameters with Apache Commons Math's Nelder-Mead simplex,
 * searching over their logarithms (so every step stays positive), restarted from each optimum until it stops moving
 * (a simplex can stall before the optimum; a restart rebuilds it there).
 */
final class MaximumLikelihood {

    private static final int MAX_EVALUATIONS = 20_000;
    private static final int RESTARTS = 4;

    record Optimum(double[] parameters, double logLikelihood, int evaluations) {}

    private MaximumLikelihood() {}

    static Optimum maximise(ToDoubleFunction<double[]> logLikelihood, double[] start) {
        ObjectiveFunction objective = new ObjectiveFunction(logs -> {
            double[] parameters = new double[logs.length];
            for (int i = 0; i < logs.length; i++) {
                parameters[i] = Math.exp(logs[i]);
            }
            double value = logLikelihood.applyAsDouble(parameters);
            return Double.isFinite(value) ? value : -Double.MAX_VALUE;
        });
        double[] point = new double[start.length];
        for (int i = 0; i < start.length; i++) {
            point[i] = Math.log(start[i]);
        }
        int evaluations = 0;
        double best = Double.NEGATIVE_INFINITY;
        for (int round = 0; round < RESTARTS; round++) {
            SimplexOptimizer optimizer = new SimplexOptimizer(1e-12, 1e-10);
            PointValuePair result = optimizer.optimize(
                    new MaxEval(MAX_EVALUATIONS),
                    objective,
                    GoalType.MAXIMIZE,
                    new InitialGuess(point),
                    new NelderMeadSimplex(start.length, round == 0 ? 1.0 : 0.1));
            evaluations += optimizer.getEvaluations();
            boolean improved = result.getValue() > best + 1e-9 * Math.abs(best);
            point = result.getPoint();
            best = Math.max(best, result.getValue());
            if (!improved && round > 0) {
                break;
            }
        }
        double[] parameters = new double[point.length];
        for (int i = 0; i < point.length; i++) {
            parameters[i] = Math.exp(point[i]);
        }
        return new Optimum(parameters, best, evaluations);
    }
}
