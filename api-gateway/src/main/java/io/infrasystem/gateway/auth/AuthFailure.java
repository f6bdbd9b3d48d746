package io.infrasystem.gateway.auth;

import io.infrasystem.commons.crud.Stamped;
import jakarta.persistence.Entity;
import java.time.Instant;

/**
 * One refused credential, as stored in table {@code auth_failure}; only ever appended. Id and
 * {@code created_at}/{@code updated_at} come from {@link Stamped}.
 */
@Entity
public class AuthFailure extends Stamped {

    public Instant occurredAt;
    public String credentialType;
    public String reason;
    public String credentialHint;
    public String clientIp;
    public String method;
    public String path;
    public String requestId;
    public long suppressedBefore;

    /**
     * The failure as the API shows it.
     *
     * @param id row id
     * @param occurredAt when (UTC)
     * @param credentialType {@code bearer}, {@code api_key} or {@code none}
     * @param reason why it was refused
     * @param credentialHint API key id or token subject, when known
     * @param clientIp the caller's address
     * @param method HTTP method
     * @param path request path (no query string)
     * @param requestId {@code X-Request-ID}
     * @param suppressedBefore failures not stored just before this one (log rate limit)
     */
    public record Dto(
            long id,
            Instant occurredAt,
            String credentialType,
            String reason,
            String credentialHint,
            String clientIp,
            String method,
            String path,
            String requestId,
            long suppressedBefore) {}

    /** @return the DTO */
    public Dto dto() {
        return new Dto(
                id,
                occurredAt,
                credentialType,
                reason,
                credentialHint,
                clientIp,
                method,
                path,
                requestId,
                suppressedBefore);
    }
}
