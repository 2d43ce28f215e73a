package org.overparam.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import java.util.Map;

/**
 * What {@code bench} prints: one JSON object per line, each with a {@code kind}, field names in snake_case.
 * {@code scripts/bench} reads these lines; the names are its contract.
 */
final class Reports {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Reports() {
    }

    /** One line of JSON. */
    static String line(Object report) {
        try {
            return JSON.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + report.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** The mapper the lines are written with, for readers in tests. */
    static ObjectMapper mapper() {
        return JSON.copy();
    }

    /**
     * The machine limits ({@code "kind": "machine"}), measured on one thread.
     *
     * @param blas                the netlib BLAS implementation in use
     * @param vectorModule        whether jdk.incubator.vector is loaded (netlib's VectorBLAS needs it)
     * @param streamMib           MiB of the three triad arrays
     * @param triadGbs            STREAM triad a = b + s·c, 24 bytes per element, best repetition
     * @param readGbs             read-only stream (BLAS ddot), 8 bytes per element, best repetition
     * @param dgemvNInCacheGflops dgemv 'N' (y = A·x) on an in-cache dgemvInCacheSide² matrix: the BLAS's
     *                            compute ceiling, for scale
     * @param dgemvTInCacheGflops the same for dgemv 'T' (y = Aᵀ·x)
     */
    @JsonPropertyOrder({"kind"})
    record Machine(String blas, boolean vectorModule, String java, String arch, int processors, double streamMib,
                   double triadGbs, double readGbs, int dgemvInCacheSide,
                   @JsonProperty("dgemv_n_in_cache_gflops") double dgemvNInCacheGflops,
                   @JsonProperty("dgemv_t_in_cache_gflops") double dgemvTInCacheGflops) {

        @JsonProperty("kind")
        String kind() {
            return "machine";
        }
    }

    /**
     * One kernel's achieved bandwidth ({@code "kind": "kernel"}).
     *
     * @param name            the kernel ({@link KernelKind#key()})
     * @param bytesPerCall    the traffic one call cannot avoid (its matrix read once)
     * @param calls           calls in the fastest timed batch
     * @param seconds         wall seconds of that batch
     * @param gbs             bytesPerCall · calls / seconds / 1e9
     * @param cpuGbs          the same per CPU second of the timing thread (steadier when the machine is busy)
     * @param fractionOfTriad gbs / the triad bandwidth measured in the same process
     * @param fractionOfRead  gbs / the read bandwidth measured in the same process
     */
    @JsonPropertyOrder({"kind"})
    record Kernel(String name, int d, int r, int n, @JsonProperty("R") int rank, double bytesPerCall, long calls,
                  double seconds, double gbs, double cpuGbs, double triadGbs, double fractionOfTriad,
                  double readGbs, double fractionOfRead, double warmupSeconds, double checksum) {

        @JsonProperty("kind")
        String kind() {
            return "kernel";
        }
    }

    /**
     * The rows of one sweep directory, per (R, n) cell ({@code "kind": "rows"}).
     *
     * @param dir  the sweep directory as given
     * @param rows rows read
     */
    @JsonPropertyOrder({"kind"})
    record Rows(String dir, long rows, List<Cell> cells) {

        @JsonProperty("kind")
        String kind() {
            return "rows";
        }
    }

    /**
     * @param runs          rows of the cell
     * @param outcomes      rows per outcome name (GLOBAL, BAD_LOCAL_MIN, …)
     * @param iterationsMin fewest iterations of a row of the cell
     * @param iterationsMax most iterations of a row of the cell
     */
    record Cell(@JsonProperty("R") int rank, int n, long runs, Map<String, Long> outcomes, long iterationsMin,
                long iterationsMax) {
    }
}
