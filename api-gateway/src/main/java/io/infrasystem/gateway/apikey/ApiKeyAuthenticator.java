package io.infrasystem.gateway.apikey;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.infrasystem.commons.security.ActorType;
import io.infrasystem.gateway.config.GatewayConfig;
import io.infrasystem.gateway.principal.AuthOutcome;
import io.infrasystem.gateway.principal.CredentialType;
import io.infrasystem.gateway.principal.GatewayPrincipal;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Checks an {@code X-API-Key}. Keys are read from the database by {@code key_id} and kept in memory
 * for {@code infra.gateway.api-keys.cache-ttl} (revocation on this instance takes effect at once,
 * on another within that time); the secret's SHA-256 is compared on every request. Blocking: call
 * it from a worker thread.
 */
@ApplicationScoped
public class ApiKeyAuthenticator {

    private final Cache<String, Optional<Snapshot>> cache;
    private final Duration lastUsedGranularity;

    /** What authentication needs of a key row. */
    record Snapshot(
            long id,
            String name,
            String owner,
            String secretHash,
            List<String> scopes,
            Instant expiresAt,
            Instant revokedAt,
            AtomicReference<Instant> lastUsedAt) {}

    public ApiKeyAuthenticator(GatewayConfig config) {
        this.cache = Caffeine.newBuilder()
                .maximumSize(50_000)
                .expireAfterWrite(config.apiKeys().cacheTtl())
                .build();
        this.lastUsedGranularity = config.apiKeys().lastUsedGranularity();
    }

    /**
     * @param header value of {@code X-API-Key}
     * @return the key's principal (name = key name, groups = its scopes, acting for its owner), or the reason it was refused
     */
    public AuthOutcome authenticate(String header) {
        Optional<ApiKeySecrets.Presented> presented = ApiKeySecrets.parse(header);
        if (presented.isEmpty()) {
            return AuthOutcome.failure(CredentialType.API_KEY, "malformed API key", null);
        }
        String keyId = presented.get().keyId();
        Optional<Snapshot> found = cache.get(keyId, this::load);
        if (found.isEmpty()
                || !ApiKeySecrets.matches(presented.get().secret(), found.get().secretHash())) {
            return AuthOutcome.failure(CredentialType.API_KEY, "unknown API key", keyId);
        }
        Snapshot key = found.get();
        Instant now = Instant.now();
        if (key.revokedAt() != null) {
            return AuthOutcome.failure(CredentialType.API_KEY, "revoked API key", keyId);
        }
        if (key.expiresAt() != null && !key.expiresAt().isAfter(now)) {
            return AuthOutcome.failure(CredentialType.API_KEY, "expired API key", keyId);
        }
        touch(key, now);
        return AuthOutcome.success(
                new GatewayPrincipal(key.name(), ActorType.API_KEY, new LinkedHashSet<>(key.scopes()), key.owner()));
    }

    /**
     * @param header value of {@code X-API-Key}
     * @return the outcome when it can be decided without the database (key cached, no
     *     {@code last_used_at} write due); empty otherwise
     */
    public Optional<AuthOutcome> tryCached(String header) {
        Optional<ApiKeySecrets.Presented> presented = ApiKeySecrets.parse(header);
        if (presented.isEmpty()) {
            return Optional.of(AuthOutcome.failure(CredentialType.API_KEY, "malformed API key", null));
        }
        Optional<Snapshot> found = cache.getIfPresent(presented.get().keyId());
        if (found == null) {
            return Optional.empty();
        }
        Instant last = found.map(k -> k.lastUsedAt().get()).orElse(null);
        if (found.isPresent()
                && (last == null || !last.plus(lastUsedGranularity).isAfter(Instant.now()))) {
            return Optional.empty();
        }
        return Optional.of(authenticate(header));
    }

    /** Drops the cached copy of a key (after revocation). */
    public void forget(String keyId) {
        cache.invalidate(keyId);
    }

    private Optional<Snapshot> load(String keyId) {
        return QuarkusTransaction.joiningExisting()
                .call(() -> ApiKey.<ApiKey>find("keyId", keyId)
                        .firstResultOptional()
                        .map(k -> new Snapshot(
                                k.id,
                                k.name,
                                k.owner,
                                k.secretHash,
                                k.scopeList(),
                                k.expiresAt,
                                k.revokedAt,
                                new AtomicReference<>(k.lastUsedAt))));
    }

    private void touch(Snapshot key, Instant now) {
        Instant last = key.lastUsedAt().get();
        if (last != null && last.plus(lastUsedGranularity).isAfter(now)) {
            return;
        }
        if (key.lastUsedAt().compareAndSet(last, now)) {
            Instant stamp = now.truncatedTo(ChronoUnit.MICROS);
            QuarkusTransaction.requiringNew()
                    .run(() -> ApiKey.update("lastUsedAt = ?1 where id = ?2", stamp, key.id()));
        }
    }
}
