package org.overparam.random;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Seeds as pure functions of a point (README, “Sweep spec”), and the one generator algorithm every random draw uses.
 *
 * <p>{@link #hash} folds the bytes of a canonical UTF-8 encoding into a SplitMix64 state (Steele, Lea &amp;
 * Flood 2014): fixed constants, no dependence on the JDK's hash codes, partition, thread or time.
 */
public final class Seeds {

    /**
     * The generator algorithm, named so that a JDK change of default cannot change the numbers: SplitMix64
     * through {@link SplittableRandom}, whose algorithm its Javadoc specifies. (The {@code jdk.random} algorithms
     * are found through a ServiceLoader that fails under Spark executors' class loaders.)
     */
    public static final String ALGORITHM = "SplitMix64";

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private Seeds() {
    }

    /** A 64-bit hash of (seed, text): SplitMix64 steps over the seed then the text's UTF-8 bytes in 8-byte words. */
    public static long hash(long seed, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        long state = mix64(seed + GOLDEN_GAMMA);
        for (int i = 0; i < bytes.length; i += 8) {
            long word = 0;
            for (int j = i; j < Math.min(i + 8, bytes.length); j++) {
                word = (word << 8) | (bytes[j] & 0xffL);
            }
            state = mix64(state + GOLDEN_GAMMA + word);
        }
        return mix64(state + GOLDEN_GAMMA + bytes.length);
    }

    /** The SplitMix64 finalizer (Stafford's variant 13). */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** A new {@value #ALGORITHM} generator seeded with {@code seed}. */
    public static RandomGenerator generator(long seed) {
        return new SplittableRandom(seed);
    }
}
