package io.infrasystem.vm;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Plain JDBC reads and writes that the tests use to look behind the API (parameters bound in order). */
public final class Sql {

    private Sql() {}

    /** @return the first column of the first row as a number */
    public static long scalar(DataSource dataSource, String sql, Object... args) {
        return query(dataSource, sql, args, r -> {
            r.next();
            return r.getLong(1);
        });
    }

    /** @return the first column of every row as text */
    public static List<String> strings(DataSource dataSource, String sql, Object... args) {
        return query(dataSource, sql, args, r -> {
            List<String> out = new ArrayList<>();
            while (r.next()) {
                out.add(r.getString(1));
            }
            return out;
        });
    }

    /** Runs an insert, update or delete. */
    public static void execute(DataSource dataSource, String sql, Object... args) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Reader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private static <T> T query(DataSource dataSource, String sql, Object[] args, Reader<T> reader) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            try (ResultSet r = s.executeQuery()) {
                return reader.read(r);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement statement, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
    }
}
