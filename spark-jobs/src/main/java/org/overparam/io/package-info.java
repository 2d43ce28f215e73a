/**
 * What a sweep writes: the row columns (names, types, order, values) in one place, and the code version stamped
 * on every row. The JSON of {@code overparam run} and the Parquet of {@code overparam sweep} both come from here.
 */
package org.overparam.io;
