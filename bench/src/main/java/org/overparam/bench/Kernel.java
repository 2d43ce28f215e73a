package org.overparam.bench;

/**
 * One kernel of Overparam's hot loop, ready to be timed: {@link #call} does one pass on buffers allocated when the
 * kernel was made, and {@link #bytesPerCall} is the traffic that pass cannot avoid — each operand matrix read
 * once from memory. Achieved bandwidth is bytesPerCall × calls / seconds; judged against the triad it says how
 * close a memory-bound kernel is to the machine (README, “Benchmark”).
 *
 * <p>Implementations are not thread-safe: a kernel is timed on the thread that made it.
 */
interface Kernel {

    /** Bytes one call must move at the least, e.g. 8·n·d² for one GEMV over the n×d² matrix 𝐀. */
    double bytesPerCall();

    /** One pass, into the kernel's own buffers; allocates nothing. */
    void call();

    /** A number computed from the outputs of the last call, so that the JIT cannot drop the calls. */
    double checksum();
}
