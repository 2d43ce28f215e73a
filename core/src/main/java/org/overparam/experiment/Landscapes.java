package org.overparam.experiment;

import org.overparam.certify.ConvexReference;
import org.overparam.certify.ConvexReference.Reference;
import org.overparam.certify.ReferenceKind;
import org.overparam.experiment.Experiment.Prepared;
import org.overparam.problem.sensing.AsymmetricSensing;
import org.overparam.problem.sensing.SensingInstance;
import org.overparam.problem.sensing.SymmetricSensing;

/** Each family's instance and certified global reference for a replicate: the one place that dispatches on family. */
final class Landscapes {

    /** Iteration budget of the convex reference solve; the gap it reaches is recorded either way. */
    private static final int REFERENCE_MAX_ITERATIONS = 50_000;

    private Landscapes() {
    }

    static Prepared prepare(RunConfig config) {
        ProblemConfig p = config.problem();
        return switch (p.family()) {
            case MATRIX_SENSING, SYMMETRIC_SENSING, QUADRATIC_NETWORK -> sensing(config);
            default -> throw new UnsupportedOperationException(p.family().specName());
        };
    }

    private static Prepared sensing(RunConfig config) {
        SensingInstance instance = Instances.of(config);
        Reference reference = sensingReference(config, instance);
        boolean symmetric = config.problem().family().symmetricModel();
        return new Prepared(config.instanceSeed(), instance.f0(),
                rank -> symmetric ? SymmetricSensing.of(instance, rank) : AsymmetricSensing.of(instance, rank),
                rank -> reference);
    }

    private static Reference sensingReference(RunConfig config, SensingInstance instance) {
        ProblemConfig p = config.problem();
        if (p.zeroReference()) {
            return new Reference(0, 0, instance.trueRank(), 0, ReferenceKind.ZERO);
        }
        double gapTol = config.solver().referenceTol() * instance.f0();
        if (!p.family().symmetricModel()) {
            return ConvexReference.nuclearNorm(instance.operator(), instance.y(), p.lambda(), gapTol,
                    REFERENCE_MAX_ITERATIONS);
        }
        int d = p.d();
        double[] penalty = instance.regularizer() == null ? new double[d * d] : instance.regularizer();
        for (int a = 0; a < d; a++) {
            penalty[a + d * a] += p.lambda();
        }
        return ConvexReference.psdTrace(instance.operator(), instance.y(), penalty, gapTol, REFERENCE_MAX_ITERATIONS);
    }
}
