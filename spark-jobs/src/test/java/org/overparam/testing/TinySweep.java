package org.overparam.testing;

/** The small sweep the engine's tests run: 2 replicates × R {1, 2} × n {6, 10} × alpha {0.1, 0.3}. */
public final class TinySweep {

    /** 16 quadratic-network points of a few milliseconds each. */
    public static final String SPEC = """
            name: tiny
            seed: 5
            replicates: 2
            problem: {family: quadratic-network, d: 4, r: 1}
            solver: {max_iters: 400, gap_abs: 1e-4, target: 1e-5}
            grid:
              R: [1, 2]
              alpha: [0.1, 0.3]
              n: [6, 10]
            """;

    /** Points in {@link #SPEC}. */
    public static final int POINTS = 16;

    private TinySweep() {
    }
}
