package org.overparam.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

/**
 * The kernels {@code bench kernels} can time, by name. A new kernel is one more constant here whose factory builds it
 * from the {@link Workload} and states its bytes per call; the timing, the fraction of the triad and the JSON come
 * for free.
 */
enum KernelKind {
    /** 𝒜(UVᵀ) = 𝐀·vec(UVᵀ): the forward GEMV of every evaluation. */
    DENSE_APPLY("dense-apply", DenseKernels::apply),
    /** mat(𝐀ᵀw)·V and mat(𝐀ᵀw)ᵀ·U from one transposed GEMV: the adjoint pass of every gradient. */
    DENSE_ADJOINT("dense-adjoint", DenseKernels::adjoint),
    /** One objective-and-gradient evaluation of U Vᵀ sensing: a forward and an adjoint pass. */
    DENSE_GRADIENT("dense-gradient", DenseKernels::gradient),
    /**
     * One lock-step evaluation of an instance's runs at R = r and R in the Gram form, one pass over the packed
     * H = 𝐀ᵀ𝐀: what every iteration of the dense row costs where n ≥ 2d²/5.
     */
    DENSE_GRAM("dense-gram", DenseKernels::gram);

    private final String key;
    private final Function<Workload, Kernel> factory;

    KernelKind(String key, Function<Workload, Kernel> factory) {
        this.key = key;
        this.factory = factory;
    }

    /** The name on the command line and in the JSON, e.g. {@code dense-apply}. */
    String key() {
        return key;
    }

    Kernel create(Workload workload) {
        return factory.apply(workload);
    }

    /** The kind named {@code key} (case-insensitive), or an error listing the known names. */
    static KernelKind of(String key) {
        String k = key.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(v -> v.key.equals(k)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("--kernel must be one of " + String.join(", ", keys()) + ", got '"
                        + key + "'"));
    }

    static String[] keys() {
        return Arrays.stream(values()).map(KernelKind::key).toArray(String[]::new);
    }
}
