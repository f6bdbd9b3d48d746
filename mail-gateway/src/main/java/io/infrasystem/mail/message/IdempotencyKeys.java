package io.infrasystem.mail.message;

import io.infrasystem.commons.persistence.UtcTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Idempotency keys of senders ({@code Idempotency-Key} header, or the {@code idempotency_key} of a
 * notification event), each valid for a window. The key row is reserved with MariaDB's
 * {@code INSERT IGNORE} on its primary key: a second request with the same key waits on the
 * first one's row lock and then finds its message, so two concurrent requests never both store one.
 */
@ApplicationScoped
public class IdempotencyKeys {

    private static final String RESERVE = """
            insert ignore into idempotency_key (scope_hash, scope, idem_key, message_id, expires_at, created_at, updated_at)
            values (?, ?, ?, null, ?, ?, ?)""";
    private static final String LOOK_UP =
            "select message_id, expires_at from idempotency_key where scope_hash = ? for update";
    private static final String RENEW = "update idempotency_key set message_id = null, expires_at = ?, created_at = ?, "
            + "updated_at = ? where scope_hash = ?";
    private static final String BIND = "update idempotency_key set message_id = ?, updated_at = ? where scope_hash = ?";

    private final DataSource dataSource;

    public IdempotencyKeys(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Reserves a key for a new message, in the caller's transaction.
     *
     * @param scope who uses the key (the sender), keys of different senders never collide
     * @param key the key
     * @param expiresAt end of its validity
     * @return the id of the message already stored under a valid key, or empty when the caller must
     *     store its message and {@link #bind} it
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Long> reserve(String scope, String key, Instant expiresAt) {
        String hash = hash(scope, key);
        LocalDateTime now = UtcTimes.toColumn(Instant.now());
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement(RESERVE)) {
                insert.setString(1, hash);
                insert.setString(2, scope);
                insert.setString(3, key);
                insert.setObject(4, UtcTimes.toColumn(expiresAt));
                insert.setObject(5, now);
                insert.setObject(6, now);
                if (insert.executeUpdate() == 1) {
                    return Optional.empty();
                }
            }
            try (PreparedStatement select = connection.prepareStatement(LOOK_UP)) {
                select.setString(1, hash);
                try (ResultSet row = select.executeQuery()) {
                    if (row.next()) {
                        long messageId = row.getLong(1);
                        boolean bound = !row.wasNull();
                        Instant expires = UtcTimes.fromColumn(row.getObject(2, LocalDateTime.class));
                        if (bound && expires.isAfter(Instant.now())) {
                            return Optional.of(messageId);
                        }
                    }
                }
            }
            try (PreparedStatement renew = connection.prepareStatement(RENEW)) {
                renew.setObject(1, UtcTimes.toColumn(expiresAt));
                renew.setObject(2, now);
                renew.setObject(3, now);
                renew.setString(4, hash);
                renew.executeUpdate();
            }
            return Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("idempotency key lookup failed", e);
        }
    }

    /** Binds a reserved key to the message stored for it, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void bind(String scope, String key, long messageId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement bind = connection.prepareStatement(BIND)) {
            bind.setLong(1, messageId);
            bind.setObject(2, UtcTimes.toColumn(Instant.now()));
            bind.setString(3, hash(scope, key));
            bind.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("idempotency key binding failed", e);
        }
    }

    private static String hash(String scope, String key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((scope + "\n" + key).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
