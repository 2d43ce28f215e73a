package org.overparam.inspect;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructField;

/**
 * One committed row as column name → value, in the file's column order: String, Integer, Long, Double, Boolean or
 * a List for the array columns; null where the row holds null (a non-finite number, an absent diagnostic). Rows
 * written by older versions may lack columns: {@link #has} tells.
 */
public record StoredRow(Map<String, Object> columns) {

    public StoredRow {
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    /** The columns of a Spark row. */
    static StoredRow of(Row row) {
        Map<String, Object> columns = new LinkedHashMap<>();
        StructField[] fields = row.schema().fields();
        for (int i = 0; i < fields.length; i++) {
            Object value = row.isNullAt(i) ? null
                    : fields[i].dataType() instanceof ArrayType ? List.copyOf(row.getList(i)) : row.get(i);
            columns.put(fields[i].name(), value);
        }
        return new StoredRow(columns);
    }

    public boolean has(String column) {
        return columns.containsKey(column);
    }

    /** The value, or null when null or absent. */
    public Object get(String column) {
        return columns.get(column);
    }

    /** A text column, or null. */
    public String text(String column) {
        Object v = columns.get(column);
        return v == null ? null : v.toString();
    }

    /** A numeric column as a double: NaN where null or absent (non-finite numbers are stored as null). */
    public double real(String column) {
        return columns.get(column) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** An integer column; {@code absent} where null or absent. */
    public long integer(String column, long absent) {
        return columns.get(column) instanceof Number n ? n.longValue() : absent;
    }
}
