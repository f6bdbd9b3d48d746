package io.infrasystem.mail.delivery;

import io.infrasystem.commons.persistence.Jdbc;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The claim step shared by message and channel deliveries: select due row ids with a
 * {@code … FOR UPDATE SKIP LOCKED} query, then mark each row as taken by this instance, in the
 * caller's transaction.
 */
public final class RowClaims {

    private RowClaims() {}

    /**
     * @param jdbc statements on the transaction's connection
     * @param dueSql select of the ids, ending in {@code for update skip locked}
     * @param dueParameters its parameters in order, bound as {@link Jdbc#values} binds them
     * @param markSql update with parameters (instance, claimed_at, updated_at, id)
     * @param instance this instance's name
     * @param now the claim time
     * @return the claimed ids in the order the select returned them
     * @throws SQLException when the database fails
     */
    public static List<Long> claim(
            Jdbc jdbc, String dueSql, List<Object> dueParameters, String markSql, String instance, Instant now)
            throws SQLException {
        List<Long> ids = jdbc.list(dueSql, Jdbc.values(dueParameters.toArray()), rows -> rows.getLong(1));
        jdbc.batch(
                markSql, ids, (mark, id) -> Jdbc.values(instance, now, now, id).bind(mark));
        return ids;
    }
}
