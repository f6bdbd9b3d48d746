package io.infrasystem.gateway.auth;

import io.infrasystem.gateway.apikey.ApiKeyAuthenticator;
import io.infrasystem.gateway.principal.AuthOutcome;
import io.infrasystem.gateway.principal.CredentialType;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Authenticates a {@link Credential} at the edge: API keys through {@link ApiKeyAuthenticator},
 * bearer tokens through {@link KeycloakTokenVerifier}. Decisions that need no I/O (cached key or
 * token) are taken on the calling event-loop thread; the others on a worker. Every failure goes to
 * the {@link AuthFailureLog}.
 */
@ApplicationScoped
public class EdgeAuthenticator {

    private final Vertx vertx;
    private final ApiKeyAuthenticator apiKeys;
    private final KeycloakTokenVerifier keycloak;
    private final AuthFailureLog failures;

    /**
     * Where a request came from, for the failure log.
     *
     * @param clientIp caller's address
     * @param method HTTP method
     * @param path path without query
     * @param requestId the request's id
     */
    public record RequestInfo(String clientIp, String method, String path, String requestId) {}

    public EdgeAuthenticator(
            Vertx vertx, ApiKeyAuthenticator apiKeys, KeycloakTokenVerifier keycloak, AuthFailureLog failures) {
        this.vertx = vertx;
        this.apiKeys = apiKeys;
        this.keycloak = keycloak;
        this.failures = failures;
    }

    /**
     * @param credential what the request presents
     * @param info the request, for the failure log
     * @param mayLookUp asked before any database or Keycloak look-up and before a failure is
     *     written; when it answers {@code false} the outcome is {@link AuthOutcome#throttled} (a
     *     cached credential is still decided from memory)
     * @return the outcome; never a failed future
     */
    public Future<AuthOutcome> authenticate(Credential credential, RequestInfo info, BooleanSupplier mayLookUp) {
        Optional<AuthOutcome> fast = switch (credential.type()) {
            case API_KEY -> apiKeys.tryCached(credential.value());
            case BEARER -> keycloak.cached(credential.value());
            case NONE -> Optional.of(AuthOutcome.failure(CredentialType.NONE, "no credential", null));
        };
        if (fast.isPresent()) {
            if (!fast.get().succeeded() && mayLookUp.getAsBoolean()) {
                vertx.executeBlocking(
                        () -> {
                            failures.record(fast.get(), info.clientIp(), info.method(), info.path(), info.requestId());
                            return null;
                        },
                        false);
            }
            return Future.succeededFuture(fast.get());
        }
        if (!mayLookUp.getAsBoolean()) {
            return Future.succeededFuture(AuthOutcome.throttled(credential.type()));
        }
        return vertx.executeBlocking(
                () -> {
                    AuthOutcome outcome = credential.type() == CredentialType.API_KEY
                            ? apiKeys.authenticate(credential.value())
                            : keycloak.verify(credential.value());
                    if (!outcome.succeeded()) {
                        failures.record(outcome, info.clientIp(), info.method(), info.path(), info.requestId());
                    }
                    return outcome;
                },
                false);
    }
}
