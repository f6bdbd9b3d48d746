package io.infrasystem.gateway.apikey;

import io.infrasystem.commons.crud.Tracked;
import jakarta.persistence.Entity;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * An API key as stored in table {@code api_key}; the secret itself is never stored, only its
 * SHA-256. Id, version and {@code created_at}/{@code updated_at} come from {@link Tracked}.
 */
@Entity
public class ApiKey extends Tracked {

    public String keyId;
    public String secretHash;
    public String secretLast4;
    public String name;
    public String description;
    public String owner;
    public String createdBy;

    /** Space-separated scopes. */
    public String scopes;

    public Instant expiresAt;
    public Instant revokedAt;
    public String revokedBy;
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
