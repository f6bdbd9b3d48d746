package io.infrasystem.gateway.apikey;

import io.infrasystem.commons.crud.Tracked;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * An API key as stored in table {@code api_key}; the secret itself is never stored, only its
 * SHA-256. Id, version and {@code created_at}/{@code updated_at} come from {@link Tracked}.
 */
@Entity
@Table(name = "api_key")
public class ApiKey extends Tracked {

    @Column(name = "key_id")
    public String keyId;

    @Column(name = "secret_hash")
    public String secretHash;

    @Column(name = "secret_last4")
    public String secretLast4;

    public String name;
    public String description;
    public String owner;

    @Column(name = "created_by")
    public String createdBy;

    /** Space-separated scopes. */
    public String scopes;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoked_by")
    public String revokedBy;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    /** @return the scopes as a list, in stored order */
    public List<String> scopeList() {
        return scopes.isBlank() ? List.of() : Arrays.asList(scopes.split(" "));
    }

    /** @return {@code active}, {@code revoked} or {@code expired} at {@code now} */
    public ApiKeyStatus status(Instant now) {
        if (revokedAt != null) {
            return ApiKeyStatus.REVOKED;
        }
        return expiresAt != null && !expiresAt.isAfter(now) ? ApiKeyStatus.EXPIRED : ApiKeyStatus.ACTIVE;
    }

    /** @return the DTO shown by the API (never the secret or its hash) */
    public ApiKeyDto dto() {
        return new ApiKeyDto(
                id,
                keyId,
                ApiKeySecrets.PREFIX + keyId + "_…" + secretLast4,
                name,
                description,
                owner,
                createdBy,
                scopeList(),
                status(Instant.now()).wireName(),
                expiresAt,
                revokedAt,
                revokedBy,
                lastUsedAt,
                version,
                createdAt,
                updatedAt);
    }
}
