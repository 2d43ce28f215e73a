package org.overparam.io;

import java.util.Objects;

/**
 * One column of a result row.
 *
 * @param name     snake_case name, stable across versions
 * @param type     its type
 * @param nullable whether it may be null (doubles are: a non-finite value is written as null)
 */
public record Column(String name, ColumnType type, boolean nullable) {

    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
