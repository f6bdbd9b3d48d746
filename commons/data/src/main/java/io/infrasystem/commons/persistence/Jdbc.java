package io.infrasystem.commons.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The one plain-JDBC style of the bulk and reporting paths: statements on a given connection (the
 * transaction's), bound by a lambda, rows mapped by a lambda, batches of records, and typed nulls;
 * times are UTC {@code datetime(6)} columns ({@link UtcTimes}). Every statement and result set is
 * closed here. Methods throw {@link SQLException} as JDBC does; {@link #withConnection} turns it into
 * an {@link IllegalStateException} for callers outside a JDBC block.
 */
public final class Jdbc {

    /** Binds the parameters of a statement. */
    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Binds one row of a batch. */
    @FunctionalInterface
    public interface RowBinder<T> {
        void bind(PreparedStatement statement, T row) throws SQLException;
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Work on a connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Jdbc jdbc) throws SQLException;
    }

    /** Binds nothing. */
    public static final Binder NONE = s -> {};

    /**
     * @param values the parameters in order
     * @return a binder of {@code values} as {@link #column(Object)} turns them
     */
    public static Binder values(Object... values) {
        return s -> {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, column(values[i]));
            }
        };
    }

    /**
     * @return {@code value} as it is bound: an {@link Instant} as a UTC {@code datetime(6)} value, an
     *     enum as its lower-case name, anything else (null included) as it is
     */
    public static Object column(Object value) {
        if (value instanceof Instant instant) {
            return UtcTimes.toColumn(instant);
        }
        if (value instanceof Enum<?> constant) {
            return constant.name().toLowerCase(Locale.ROOT);
        }
        return value;
    }

    private final Connection connection;

    private Jdbc(Connection connection) {
        this.connection = connection;
    }

    /** @return statements on {@code connection}; the caller owns (and closes) the connection */
    public static Jdbc on(Connection connection) {
        return new Jdbc(connection);
    }

    /**
     * Runs {@code work} on a connection of {@code dataSource} (inside a JTA transaction, the
     * transaction's connection) and closes it.
     *
     * @return what {@code work} returned
     * @throws IllegalStateException wrapping the {@link SQLException} of a failed statement
     */
    public static <T> T withConnection(DataSource dataSource, Work<T> work) {
        return withConnection(dataSource, null, work);
    }

    /**
     * As {@link #withConnection(DataSource, Work)}, naming what failed.
     *
     * @param failure the message of the {@link IllegalStateException} for a failed statement (null:
     *     the statement's message)
     */
    public static <T> T withConnection(DataSource dataSource, String failure, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(new Jdbc(c));
        } catch (SQLException e) {
            throw new IllegalStateException(failure == null ? e.getMessage() : failure, e);
        }
    }

    /** @return the connection the statements run on */
    public Connection connection() {
        return connection;
    }

    /** @return every row of the query, mapped */
    public <T> List<T> list(String sql, Binder binder, RowMapper<T> mapper) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            binder.bind(s);
            try (ResultSet r = s.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (r.next()) {
                    out.add(mapper.map(r));
                }
                return out;
            }
        }
    }

    /** @return the first row of the query, mapped, or empty */
    public <T> Optional<T> one(String sql, Binder binder, RowMapper<T> mapper) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            binder.bind(s);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(mapper.map(r)) : Optional.empty();
            }
        }
    }

    /** @return the number of rows changed */
    public int update(String sql, Binder binder) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            binder.bind(s);
            return s.executeUpdate();
        }
    }

    /** Runs {@code sql} once per row as one JDBC batch; nothing for no rows. */
    public <T> void batch(String sql, Collection<T> rows, RowBinder<? super T> binder) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (T row : rows) {
                binder.bind(s, row);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** @return the generated {@code id} of each row inserted by the batch, in row order */
    public <T> List<Long> insertBatch(String sql, Collection<T> rows, RowBinder<? super T> binder) throws SQLException {
        List<Long> ids = new ArrayList<>(rows.size());
        if (rows.isEmpty()) {
            return ids;
        }
        try (PreparedStatement s = connection.prepareStatement(sql, new String[] {"id"})) {
            for (T row : rows) {
                binder.bind(s, row);
                s.addBatch();
            }
            s.executeBatch();
            try (ResultSet keys = s.getGeneratedKeys()) {
                while (keys.next()) {
                    ids.add(keys.getLong(1));
                }
            }
        }
        return ids;
    }

    /** @return the column as an Integer, null for SQL null */
    public static Integer getInteger(ResultSet r, int column) throws SQLException {
        int v = r.getInt(column);
        return r.wasNull() ? null : v;
    }

    /** @return the column as a Long, null for SQL null */
    public static Long getLong(ResultSet r, int column) throws SQLException {
        long v = r.getLong(column);
        return r.wasNull() ? null : v;
    }

    /** @return the column as a Boolean, null for SQL null */
    public static Boolean getBoolean(ResultSet r, int column) throws SQLException {
        boolean v = r.getBoolean(column);
        return r.wasNull() ? null : v;
    }

    /** @return the UTC {@code datetime(6)} column as an instant, null for SQL null */
    public static Instant getInstant(ResultSet r, int column) throws SQLException {
        return UtcTimes.fromColumn(r.getObject(column, LocalDateTime.class));
    }

    /** Binds an Integer, SQL null for null. */
    public static void setInteger(PreparedStatement s, int index, Integer value) throws SQLException {
        s.setObject(index, value, Types.INTEGER);
    }

    /** Binds a Long, SQL null for null. */
    public static void setLong(PreparedStatement s, int index, Long value) throws SQLException {
        s.setObject(index, value, Types.BIGINT);
    }

    /** Binds a Boolean, SQL null for null. */
    public static void setBoolean(PreparedStatement s, int index, Boolean value) throws SQLException {
        s.setObject(index, value, Types.BOOLEAN);
    }

    /** Binds an instant as a UTC {@code datetime(6)} value, SQL null for null. */
    public static void setInstant(PreparedStatement s, int index, Instant value) throws SQLException {
        s.setObject(index, value == null ? null : UtcTimes.toColumn(value), Types.TIMESTAMP);
    }
}
