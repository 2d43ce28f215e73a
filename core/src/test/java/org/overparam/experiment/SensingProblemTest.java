package org.overparam.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.overparam.problem.sensing.DataForm;

/**
 * {@link SensingProblem#gramForm}, decided from the spec's fields before any instance exists, agrees with the form
 * the instances' models take ({@link DataForm#preferred} of the operator actually drawn), on both sides of the
 * line n = 2d²/5, for every sensing operator.
 */
class SensingProblemTest {

    static Stream<Arguments> problems() {
        List<Arguments> cases = new ArrayList<>();
        for (int n : new int[] {9, 10, 25}) { // d = 5: the Gram form from n = 10 on, for dense operators
            for (OperatorKind op : List.of(OperatorKind.GAUSSIAN, OperatorKind.SYMMETRIC_GAUSSIAN,
                    OperatorKind.RANK_ONE, OperatorKind.ENTRY_SAMPLING)) {
                cases.add(Arguments.of(new MatrixSensingProblem(op, 5, 2, n, 1, 0, 0, null)));
                cases.add(Arguments.of(new SymmetricSensingProblem(Family.SYMMETRIC_SENSING, op, 5, 2, n, 1, 0, 0,
                        0, null)));
            }
            cases.add(Arguments.of(new SymmetricSensingProblem(Family.QUADRATIC_NETWORK, OperatorKind.RANK_ONE, 5, 2,
                    n, 1, 0, 0, 0, null)));
        }
        for (int n : new int[] {3, 4}) { // d = 3: the Gram form from n = 4 on
            cases.add(Arguments.of(new MatrixSensingProblem(OperatorKind.EXPLICIT, 3, 3, n, 1, 0, 0,
                    explicit(n))));
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("problems")
    void theSpecDecidesAsTheDrawnOperatorDoes(SensingProblem problem) {
        DataForm drawn = DataForm.preferred(Instances.of(problem, 42).operator());
        assertEquals(drawn == DataForm.GRAM, problem.gramForm(), problem.toString());
    }

    /** n distinct 3×3 matrices, the truth the identity. */
    private static ExplicitMeasurements explicit(int n) {
        List<double[][]> matrices = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            double[][] a = new double[3][3];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    a[i][j] = Math.sin(1 + k * 9 + i * 3 + j);
                }
            }
            matrices.add(a);
        }
        return new ExplicitMeasurements(matrices, new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
    }
}
