package io.infrasystem.gateway.auth;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One refused credential, as stored in table {@code auth_failure}. */
@Entity
@Table(name = "auth_failure")
public class AuthFailure extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Column(name = "credential_type")
    public String credentialType;

    public String reason;

    @Column(name = "credential_hint")
    public String credentialHint;

    @Column(name = "client_ip")
    public String clientIp;

    public String method;
    public String path;

    @Column(name = "request_id")
    public String requestId;

    @Column(name = "suppressed_before")
    public long suppressedBefore;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

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
