package io.infrasystem.gateway.apikey;

import io.infrasystem.commons.audit.Change;
import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.crud.Lists;
import io.infrasystem.commons.filter.FilterField;
import io.infrasystem.commons.filter.FilterSpec;
import io.infrasystem.commons.http.Versions;
import io.infrasystem.commons.paging.Page;
import io.infrasystem.commons.problem.Problem.FieldError;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.commons.problem.ProblemKind;
import io.infrasystem.commons.security.Scopes;
import io.infrasystem.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Creation and revocation of API keys, each recorded through {@link ChangeRecorder} (audit entry
 * and {@code gateway.api_key.created|revoked} event in the same transaction).
 */
@ApplicationScoped
public class ApiKeyService {

    /** Filters of key lists. */
    private static final FilterSpec FILTERS = FilterSpec.forEntity("k")
            .fields(FilterField::text, "name", "owner", "key_id", "created_by")
            .fields(FilterField::timestamp, "created_at", "expires_at", "revoked_at", "last_used_at")
            .search("k.name", "k.description", "k.owner")
            .defaultOrdering("-created_at")
            .build();

    private final ChangeRecorder changes;
    private final ApiKeyAuthenticator authenticator;
    private final GatewayConfig config;

    public ApiKeyService(ChangeRecorder changes, ApiKeyAuthenticator authenticator, GatewayConfig config) {
        this.changes = changes;
        this.authenticator = authenticator;
        this.config = config;
    }

    /**
     * @param uri filters ({@code name}, {@code owner}, {@code key_id}, {@code created_by}, time
     *     fields with {@code __lt/__gte/...}), {@code q}, {@code ordering}, {@code limit}, {@code offset}
     * @param caller user name of the caller
     * @param admin whether the caller sees every key (else only their own)
     * @return a page of keys
     * @throws ProblemException 400 for unknown filters or bad values
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ApiKeyDto> list(UriInfo uri, String caller, boolean admin) {
        return Lists.page(
                FILTERS,
                uri,
                (where, parameters) -> {
                    if (admin) {
                        return ApiKey.find("from ApiKey k where " + where, parameters);
                    }
                    Map<String, Object> own = new HashMap<>(parameters);
                    own.put("caller", caller);
                    return ApiKey.find("from ApiKey k where k.owner = :caller and " + where, own);
                },
                ApiKey::dto);
    }

    /**
     * @param input the request body
     * @param caller user name of the caller
     * @param callerGroups the caller's roles and scopes
     * @return the stored key and its secret (shown once)
     * @throws ProblemException 400 for unknown scopes or a bad expiry, 403 for scopes wider than the
     *     caller's or a key for another owner by a non-admin, 409 for a name already used
     */
    @Transactional
    public ApiKeyRequests.Created create(ApiKeyRequests.Create input, String caller, Set<String> callerGroups) {
        Set<String> scopes = validScopes(input.scopes(), callerGroups);
        String owner = input.owner() == null || input.owner().isBlank()
                ? caller
                : input.owner().strip();
        if (!owner.equals(caller) && !callerGroups.contains(Scopes.ADMIN)) {
            throw new ProblemException(
                    ProblemKind.FORBIDDEN, "Only administrators create keys for someone else", List.of());
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant latest = now.plus(config.apiKeys().maxLifetime());
        Instant byDefault = now.plus(config.apiKeys().defaultLifetime());
        Instant expiresAt = input.expiresAt() == null
                ? (byDefault.isAfter(latest) ? latest : byDefault)
                : input.expiresAt().truncatedTo(ChronoUnit.MICROS);
        if (!expiresAt.isAfter(now)) {
            throw ProblemException.invalid("expires_at", "must be in the future");
        }
        if (expiresAt.isAfter(latest)) {
            throw ProblemException.invalid(
                    "expires_at",
                    "must be at most " + config.apiKeys().maxLifetime().toDays() + " days ahead");
        }
        if (ApiKey.count("name", input.name()) > 0) {
            throw ProblemException.conflict("An API key named '" + input.name() + "' exists already");
        }
        ApiKeySecrets.NewKey secret = ApiKeySecrets.generate();
        ApiKey key = new ApiKey();
        key.keyId = secret.keyId();
        key.secretHash = ApiKeySecrets.hash(secret.secret());
        key.secretLast4 = secret.secret().substring(secret.secret().length() - 4);
        key.name = input.name();
        key.description = input.description();
        key.owner = owner;
        key.createdBy = caller;
        key.scopes = String.join(" ", scopes);
        key.expiresAt = expiresAt;
        key.persistAndFlush();
        changes.record(Change.created("api_key", key.id, key.dto()));
        return new ApiKeyRequests.Created(key.dto(), secret.full());
    }

    /**
     * Revokes a key at once (idempotent: revoking a revoked key changes nothing).
     *
     * @param id the key's id
     * @param caller user name of the caller
     * @param admin whether the caller may revoke anyone's key
     * @param ifMatch {@code If-Match} header or {@code null}
     * @return the key after revocation
     * @throws ProblemException 404 when absent or not the caller's, 412 on a stale {@code If-Match}
     */
    @Transactional
    public ApiKeyDto revoke(long id, String caller, boolean admin, String ifMatch) {
        ApiKey key = find(id, caller, admin);
        Versions.checkIfMatch(ifMatch, key.version);
        if (key.revokedAt == null) {
            ApiKeyDto before = key.dto();
            key.revokedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            key.revokedBy = caller;
            key.flush();
            changes.record(new Change("api_key", String.valueOf(key.id), "revoked", before, key.dto(), null));
        }
        authenticator.forget(key.keyId);
        return key.dto();
    }

    /**
     * @return the key when the caller may see it
     * @throws ProblemException 404 otherwise (a non-admin cannot tell others' keys from missing ones)
     */
    public ApiKey find(long id, String caller, boolean admin) {
        ApiKey key = ApiKey.findById(id);
        if (key == null || (!admin && !key.owner.equals(caller))) {
            throw ProblemException.notFound("api_key", id);
        }
        return key;
    }

    private static Set<String> validScopes(List<String> requested, Set<String> callerGroups) {
        List<FieldError> unknown = new ArrayList<>();
        Set<String> scopes = new LinkedHashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            String scope = requested.get(i).strip();
            if (!Scopes.ALL.contains(scope) && !Scopes.isSyncSourceScope(scope)) {
                unknown.add(new FieldError(
                        "scopes[" + i + "]",
                        "unknown scope '" + scope + "'; one of " + Scopes.ALL
                                + " or vm:sync:<source> (a source name of at most 100 characters without spaces)"));
            }
            scopes.add(scope);
        }
        if (!unknown.isEmpty()) {
            throw ProblemException.invalid(unknown);
        }
        if (!Scopes.syncSources(scopes).isEmpty()) {
            // vm:sync:<source> narrows vm:sync, which the endpoints require
            scopes.add(Scopes.VM_SYNC);
        }
        if (String.join(" ", scopes).length() > 1000) {
            throw ProblemException.invalid("scopes", "are too many: at most 1,000 characters together");
        }
        List<String> wider = scopes.stream()
                .map(s -> Scopes.isSyncSourceScope(s) ? Scopes.VM_SYNC : s)
                .filter(s -> !callerGroups.contains(s))
                .distinct()
                .toList();
        if (!wider.isEmpty()) {
            throw new ProblemException(ProblemKind.FORBIDDEN, "Scopes beyond your role: " + wider, List.of());
        }
        return scopes;
    }
}
