package org.overparam.io;

/** The type of a row column; maps one-to-one onto Spark SQL / Parquet types. */
public enum ColumnType {
    /** UTF-8 text. */
    STRING,
    /** 32-bit signed integer. */
    INT,
    /** 64-bit signed integer. */
    LONG,
    /** IEEE double; non-finite values are written as null. */
    DOUBLE,
    BOOLEAN,
    /** A list of 32-bit integers. */
    INT_ARRAY,
    /** A list of doubles; non-finite elements are written as null. */
    DOUBLE_ARRAY
}
