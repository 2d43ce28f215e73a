package org.overparam.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;

/** {@link ModelContract} for every family, on the instances sweeps build. */
class ModelContractTest {

    private static final long MASTER_SEED = 11;

    /** Lanes of a batch: more than one 8-wide SIMD block, with a partly filled last block. */
    private static final int SIMD_LANES = 11;

    /** Lanes where the family's batch goes lane by lane (its cost is the scalar one). */
    private static final int LANES = 3;

    private static List<RunConfig> replicates(ProblemConfig problem, SolverConfig solver, int rank, double alpha,
                                              int lanes) {
        return IntStream.range(0, lanes).mapToObj(j -> new RunConfig(MASTER_SEED, j, problem, solver, rank, alpha))
                .toList();
    }

    private static List<RunConfig> sensing(Family family, OperatorKind operator, int n, int rank, int lanes) {
        ProblemConfig problem = family == Family.MATRIX_SENSING
                ? new MatrixSensingProblem(operator, 5, 1, n, 1, 0, 0, null)
                : new SymmetricSensingProblem(family, operator, 5, 1, n, 1, 0, 0, 0, null);
        return replicates(problem, SolverConfig.defaults(family), rank, 0.1, lanes);
    }

    @Nested
    class QuadraticNetwork extends ModelContract {
        @Override
        protected List<RunConfig> lanes() {
            return sensing(Family.QUADRATIC_NETWORK, OperatorKind.RANK_ONE, 14, 3, SIMD_LANES);
        }
    }

    @Nested
    class QuadraticNetworkMixedRanks extends ModelContract {
        @Override
        protected List<RunConfig> lanes() {
            return sensing(Family.QUADRATIC_NETWORK, OperatorKind.RANK_ONE, 14, 2, 3);
        }

        @Override
        protected List<RunConfig> mixedLanes() {
            return IntStream.of(1, 2, 3, 5).boxed()
                    .flatMap(rank -> sensing(Family.QUADRATIC_NETWORK, OperatorKind.RANK_ONE, 14, rank, 10).stream())
                    .toList();
        }
    }

    @Nested
    class QuadraticNetworkAtRankOne extends ModelContract {
        @Override
        protected List<RunConfig> lanes() {
            return sensing(Family.QUADRATIC_NETWORK, OperatorKind.RANK_ONE, 12, 1, SIMD_LANES);
        }
    }

    @Nested
    class SymmetricSensing extends ModelContract {
        @Override
        protected List<RunConfig> lanes() {
            return sensing(Family.SYMMETRIC_SENSING, OperatorKind.SYMMETRIC_GAUSSIAN, 30, 2, LANES);
        }
    }

    @Nested
    class MatrixSensing extends ModelContract {
        @Override
        protected List<RunConfig> lanes() {
            return sensing(Family.MATRIX_SENSING, OperatorKind.GAUSSIAN, 40, 2, LANES);
        }
    }

    /**
     * Runs of one replicate at several R and α (lanes of different dimensions): in the Gram form (2n &gt; d²), one
     * pass over the shared H serves all of them ({@code GramLanes}).
     */
    private static List<RunConfig> runsOfOneInstance(ProblemConfig problem) {
        SolverConfig solver = SolverConfig.defaults(problem.family());
        List<RunConfig> runs = new ArrayList<>();
        for (int rank : new int[] {1, 3, 2, 4}) {
            for (double alpha : new double[] {0.1, 0.7}) {
                runs.add(new RunConfig(MASTER_SEED, 2, problem, solver, rank, alpha));
            }
        }
        return runs;
    }

    @Nested
    class MatrixSensingRunsOfOneInstance extends ModelContract {
        @Override
        protected List<RunConfig> lanes() {
            return runsOfOneInstance(new MatrixSensingProblem(OperatorKind.GAUSSIAN, 5, 1, 40, 1, 0, 0, null));
        }

        @Override
        protected boolean lanesShareOneInstance() {
            return true;
        }
    }

    @Nested
    class RegularizedSymmetricSensingRunsOfOneInstance extends ModelContract {
        @Override
        protected List<RunConfig> lanes() {
            return runsOfOneInstance(new SymmetricSensingProblem(Family.SYMMETRIC_SENSING,
                    OperatorKind.SYMMETRIC_GAUSSIAN, 5, 2, 30, 1, 0.01, 0.05, 0.5, null));
        }

        @Override
        protected boolean lanesShareOneInstance() {
            return true;
        }
    }

    @Nested
    class MatrixCompletion extends ModelContract {
        @Override
        protected List<RunConfig> lanes() {
            return sensing(Family.MATRIX_SENSING, OperatorKind.ENTRY_SAMPLING, 15, 2, LANES);
        }
    }

    @Nested
    class ReluPopulation extends ModelContract {
        @Override
        protected List<RunConfig> lanes() {
            ProblemConfig problem = new ReluProblem(3, 3, 0);
            return replicates(problem, SolverConfig.defaults(Family.RELU_TEACHER_STUDENT), 4, 1, LANES);
        }
    }

    @Nested
    class ReluSampled extends ModelContract {
        @Override
        protected List<RunConfig> lanes() {
            ProblemConfig problem = new ReluProblem(3, 2, 40);
            return replicates(problem, SolverConfig.defaults(Family.RELU_TEACHER_STUDENT), 3, 1, LANES);
        }
    }

    @Nested
    class MaxCut extends ModelContract {
        @Override
        protected List<RunConfig> lanes() {
            ProblemConfig problem = new MaxCutProblem(OperatorKind.RANDOM_GRAPH, 12, null);
            return replicates(problem, SolverConfig.defaults(Family.MAXCUT_BM), 3, 1, LANES);
        }

        /** Values and gradients live on the oblique manifold: BurerMonteiroDerivativesTest checks them there. */
        @Override
        protected boolean euclidean() {
            return false;
        }
    }

    @Nested
    class LeastSquares extends ModelContract {
        @Override
        protected List<RunConfig> lanes() {
            ProblemConfig problem = new LeastSquaresProblem(6, 20, 0.1);
            return replicates(problem, SolverConfig.defaults(Family.LEAST_SQUARES), 8, 1, LANES);
        }
    }
}
