package io.infrasystem.gateway.apikey;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.infrasystem.commons.security.ActorType;
import io.infrasystem.gateway.config.GatewayConfig;
import io.infrasystem.gateway.owner.OwnerDirectory;
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
 * on another within that time); the secret's SHA-256 is compared on every request. The key's owner
 * is then checked in Keycloak ({@link OwnerDirectory}, cached at most 60 s): a missing or disabled
 * owner's keys are refused, and a key acts with the scopes it holds that the owner's roles still
 * grant (none left: refused). The principal is {@code key:<owner>/<key name>}, so a key named
 * {@code admin} never reads as a person. Blocking: call it from a worker thread.
 */
@ApplicationScoped
public class ApiKeyAuthenticator {

    private final Cache<String, Optional<Snapshot>> cache;
    private final Duration lastUsedGranularity;
    private final OwnerDirectory owners;

    /** Prefix of API key principals: {@code key:<owner>/<key name>}. */
    public static final String PRINCIPAL_PREFIX = "key:";

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

    public ApiKeyAuthenticator(GatewayConfig config, OwnerDirectory owners) {
        this.owners = owners;
        this.cache = Caffeine.newBuilder()
                .maximumSize(50_000)
                .expireAfterWrite(config.apiKeys().cacheTtl())
                .build();
        this.lastUsedGranularity = config.apiKeys().lastUsedGranularity();
    }

    /**
     * @param header value of {@code X-API-Key}
     * @return the key's principal (name {@code key:<owner>/<key name>}, groups = its scopes that the
     *     owner's roles still grant, acting for its owner), or the reason it was refused
     */
    public AuthOutcome authenticate(String header) {
        Optional<ApiKeySecrets.Presented> presented = ApiKeySecrets.parse(header);
        if (presented.isEmpty()) {
            return AuthOutcome.failure(CredentialType.API_KEY, "malformed API key", null);
        }
        String keyId = presented.get().keyId();
        Optional<Snapshot> found = cache.get(keyId, this::load);
        return decide(presented.get(), found, owner -> {
            try {
                return owners.standing(owner);
            } catch (OwnerDirectory.Unavailable e) {
                return null;
            }
        });
    }

    private AuthOutcome decide(
            ApiKeySecrets.Presented presented,
            Optional<Snapshot> found,
            java.util.function.Function<String, OwnerDirectory.Standing> standingOf) {
        String keyId = presented.keyId();
        if (found.isEmpty()
                || !ApiKeySecrets.matches(presented.secret(), found.get().secretHash())) {
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
        OwnerDirectory.Standing owner = standingOf.apply(key.owner());
        if (owner == null) {
            return AuthOutcome.failure(CredentialType.API_KEY, "the key's owner cannot be checked now", keyId);
        }
        if (!owner.enabled()) {
            return AuthOutcome.failure(CredentialType.API_KEY, "the key's owner is disabled or removed", keyId);
        }
        LinkedHashSet<String> scopes = new LinkedHashSet<>(key.scopes());
        scopes.retainAll(owner.groups());
        if (scopes.isEmpty()) {
            return AuthOutcome.failure(
                    CredentialType.API_KEY, "the owner's roles no longer grant any of the key's scopes", keyId);
        }
        touch(key, now);
        return AuthOutcome.success(
                new GatewayPrincipal(principalName(key.owner(), key.name()), ActorType.API_KEY, scopes, key.owner()));
    }

    /** @return the principal name of a key: {@code key:<owner>/<key name>} */
    public static String principalName(String owner, String keyName) {
        return PRINCIPAL_PREFIX + owner + "/" + keyName;
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
        if (found.isPresent() && owners.cached(found.get().owner()).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                decide(presented.get(), found, owner -> owners.cached(owner).orElse(null)));
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
