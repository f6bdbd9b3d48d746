package io.infrasystem.mail.delivery;

import io.infrasystem.commons.persistence.UtcTimes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The claim step shared by message and channel deliveries: select due row ids with a
 * {@code … FOR UPDATE SKIP LOCKED} query, then mark each row as taken by this instance, in the
 * caller's transaction.
 */
public final class RowClaims {

    private RowClaims() {}

    /**
     * @param connection the transaction's connection
     * @param dueSql select of the ids, ending in {@code for update skip locked}
     * @param dueParameters its parameters in order ({@link Instant}s are bound as UTC columns)
     * @param markSql update with parameters (instance, claimed_at, updated_at, id)
     * @param instance this instance's name
     * @param now the claim time
     * @return the claimed ids in the order the select returned them
     * @throws SQLException when the database fails
     */
    public static List<Long> claim(
            Connection connection,
            String dueSql,
            List<Object> dueParameters,
            String markSql,
            String instance,
            Instant now)
            throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement due = connection.prepareStatement(dueSql)) {
            for (int i = 0; i < dueParameters.size(); i++) {
                Object value = dueParameters.get(i);
                due.setObject(i + 1, value instanceof Instant instant ? UtcTimes.toColumn(instant) : value);
            }
            try (ResultSet rows = due.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        if (ids.isEmpty()) {
            return ids;
        }
        try (PreparedStatement mark = connection.prepareStatement(markSql)) {
            for (long id : ids) {
                mark.setString(1, instance);
                mark.setObject(2, UtcTimes.toColumn(now));
                mark.setObject(3, UtcTimes.toColumn(now));
                mark.setLong(4, id);
                mark.addBatch();
            }
            mark.executeBatch();
        }
        return ids;
    }
}
