package io.infrasystem.gateway.apikey;

import io.infrasystem.commons.crud.Versioned;
import java.time.Instant;
import java.util.List;

/**
 * An API key as the API shows it: never the secret.
 *
 * @param id numeric id (path of the key's resource)
 * @param keyId public part of the key, between {@code isk_} and the secret
 * @param display recognisable form {@code isk_<key_id>_…<last 4 characters of the secret>}
 * @param name unique name; the principal name of requests made with the key
 * @param description free text
 * @param owner user name of the person responsible for the key
 * @param createdBy user name of who created it
 * @param scopes scopes of DESIGN.md §2 the key acts with
 * @param status {@code active}, {@code revoked} or {@code expired}
 * @param expiresAt end of validity (UTC), {@code null} for none
 * @param revokedAt when it was revoked, or {@code null}
 * @param revokedBy who revoked it, or {@code null}
 * @param lastUsedAt last successful authentication, to within a minute, or {@code null}
 * @param version optimistic-lock version (also the {@code ETag})
 * @param createdAt creation time (UTC)
 * @param updatedAt last change (UTC)
 */
public record ApiKeyDto(
        long id,
        String keyId,
        String display,
        String name,
        String description,
        String owner,
        String createdBy,
        List<String> scopes,
        String status,
        Instant expiresAt,
        Instant revokedAt,
        String revokedBy,
        Instant lastUsedAt,
        long version,
        Instant createdAt,
        Instant updatedAt)
        implements Versioned {}
