package io.infrasystem.mail.message;

import io.infrasystem.commons.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
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
        Instant now = Instant.now();
        return Jdbc.withConnection(dataSource, "idempotency key lookup failed", jdbc -> {
            if (jdbc.update(RESERVE, Jdbc.values(hash, scope, key, expiresAt, now, now)) == 1) {
                return Optional.empty();
            }
            Optional<Long> stored = jdbc.one(LOOK_UP, Jdbc.values(hash), row -> {
                        Long messageId = Jdbc.getLong(row, 1);
                        Instant expires = Jdbc.getInstant(row, 2);
                        return Optional.ofNullable(
                                messageId != null && expires.isAfter(Instant.now()) ? messageId : null);
                    })
                    .flatMap(valid -> valid);
            if (stored.isPresent()) {
                return stored;
            }
            jdbc.update(RENEW, Jdbc.values(expiresAt, now, now, hash));
            return Optional.empty();
        });
    }

    /** Binds a reserved key to the message stored for it, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void bind(String scope, String key, long messageId) {
        Jdbc.withConnection(
                dataSource,
                "idempotency key binding failed",
                jdbc -> jdbc.update(BIND, Jdbc.values(messageId, Instant.now(), hash(scope, key))));
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
