package org.overparam.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.overparam.linalg.Svd;
import org.overparam.linalg.SymmetricEigen;
import org.overparam.problem.sensing.MeasurementOperator;
import org.overparam.problem.sensing.Operators;
import org.overparam.problem.sensing.SensingInstance;
import org.overparam.problem.sensing.Truths;
import org.overparam.random.Seeds;

/** Builds the sensing instance of a point from its instance seed alone (the paired design: README, “Sweep spec”). */
final class Instances {

    /** Singular values below this fraction of the largest do not count towards the rank of a given truth. */
    private static final double RANK_TOLERANCE = 1e-9;

    private Instances() {
    }

    /**
     * The instance of {@code p} for the replicate whose instance seed is given. Draw order, all from one generator
     * seeded with the instance seed: truth, operator, noise, regularizer.
     */
    static SensingInstance of(SensingProblem p, long instanceSeed) {
        RandomGenerator rng = Seeds.generator(instanceSeed);
        double[] truth;
        int trueRank;
        if (p.operator() == OperatorKind.EXPLICIT) {
            truth = p.explicit().truthColumnMajor();
            trueRank = numericalRank(p.d(), truth);
        } else {
            truth = Truths.lowRank(p.d(), p.r(), p.condition(), p.symmetric(), rng);
            trueRank = p.r();
        }
        MeasurementOperator operator = operator(p, rng);
        double[] y = SensingInstance.measure(operator, truth, p.noise(), rng);
        double[] regularizer = p.regularizer() > 0 ? randomRegularizer(p, rng) : null;
        return SensingInstance.of(operator, y, truth, trueRank, p.lambda(), regularizer);
    }

    private static MeasurementOperator operator(SensingProblem p, RandomGenerator rng) {
        return switch (p.operator()) {
            case GAUSSIAN -> Operators.gaussian(p.d(), p.n(), rng);
            case SYMMETRIC_GAUSSIAN -> Operators.symmetricGaussian(p.d(), p.n(), rng);
            case RANK_ONE -> Operators.rankOne(p.d(), p.n(), rng);
            case ENTRY_SAMPLING -> Operators.entrySampling(p.d(), p.n(), rng);
            case EXPLICIT -> {
                List<double[]> matrices = new ArrayList<>();
                for (int i = 0; i < p.explicit().count(); i++) {
                    matrices.add(p.explicit().matrix(i));
                }
                yield Operators.explicit(p.d(), matrices);
            }
            case RANDOM_GRAPH -> throw new IllegalArgumentException("random-graph is not a sensing operator");
        };
    }

    /** C = σ_C·λ·S/‖S‖₂ with S = (G + Gᵀ)/2 Gaussian: small enough that λI + C stays positive definite. */
    private static double[] randomRegularizer(SensingProblem p, RandomGenerator rng) {
        int d = p.d();
        double[] s = new double[d * d];
        for (int b = 0; b < d; b++) {
            for (int a = 0; a <= b; a++) {
                double v = a == b ? rng.nextGaussian() : rng.nextGaussian() / Math.sqrt(2);
                s[a + d * b] = v;
                s[b + d * a] = v;
            }
        }
        double[] values = SymmetricEigen.of(d, s).values();
        double spectral = Math.max(Math.abs(values[0]), Math.abs(values[d - 1]));
        double scale = spectral > 0 ? p.regularizer() * p.lambda() / spectral : 0;
        for (int i = 0; i < s.length; i++) {
            s[i] *= scale;
        }
        return s;
    }

    private static int numericalRank(int d, double[] matrix) {
        double[] s = Svd.of(d, d, matrix).singularValues();
        int rank = 0;
        for (double v : s) {
            if (v > RANK_TOLERANCE * s[0]) {
                rank++;
            }
        }
        return Math.max(rank, 1);
    }
}
