package io.infrasystem.gateway.apikey;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** Bodies of the API key endpoints. */
public final class ApiKeyRequests {

    private ApiKeyRequests() {}

    /**
     * Body of {@code POST /api/gateway/api-keys}.
     *
     * @param name unique name, letters, digits, {@code . _ -}, at most 100 characters
     * @param description optional free text, at most 1000 characters
     * @param owner user name of the owner; only admins may name someone else (default: the caller)
     * @param scopes scopes of DESIGN.md §2, none wider than the caller's role allows; besides them
     *     {@code vm:sync:<source>} limits the key's {@code vm:sync} to named sources (it adds
     *     {@code vm:sync}; the caller needs {@code vm:sync})
     * @param expiresAt end of validity (UTC, future, at most {@code infra.gateway.api-keys.max-lifetime}
     *     ahead, 365 days by default); default: {@code infra.gateway.api-keys.default-lifetime} (90 days)
     */
    public record Create(
            @NotBlank
            @Size(max = 100)
            @Pattern(regexp = "[A-Za-z0-9._-]+", message = "letters, digits, '.', '_' and '-' only")
            String name,

            @Size(max = 1000) String description,
            @Size(max = 255) String owner,
            @NotEmpty List<@NotBlank String> scopes,
            Instant expiresAt) {}

    /**
     * Answer of a creation: the key and its secret, shown this once.
     *
     * @param apiKey the stored key
     * @param secret the full key to send in {@code X-API-Key}: {@code isk_<key_id>_<secret>}
     */
    public record Created(ApiKeyDto apiKey, String secret) {}
}
