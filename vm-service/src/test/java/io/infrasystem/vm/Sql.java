package io.infrasystem.vm;

import io.infrasystem.commons.persistence.Jdbc;
import java.util.List;
import javax.sql.DataSource;

/** Plain JDBC reads and writes that the tests use to look behind the API (parameters bound in order). */
public final class Sql {

    private Sql() {}

    /** @return the first column of the first row as a number */
    public static long scalar(DataSource dataSource, String sql, Object... args) {
        return Jdbc.withConnection(
                dataSource,
                jdbc -> jdbc.one(sql, Jdbc.values(args), r -> r.getLong(1))
                        .orElseThrow(() -> new IllegalStateException("no row: " + sql)));
    }

    /** @return the first column of every row as text */
    public static List<String> strings(DataSource dataSource, String sql, Object... args) {
        return Jdbc.withConnection(dataSource, jdbc -> jdbc.list(sql, Jdbc.values(args), r -> r.getString(1)));
    }

    /** Runs an insert, update or delete. */
    public static void execute(DataSource dataSource, String sql, Object... args) {
        Jdbc.withConnection(dataSource, jdbc -> jdbc.update(sql, Jdbc.values(args)));
    }
}
