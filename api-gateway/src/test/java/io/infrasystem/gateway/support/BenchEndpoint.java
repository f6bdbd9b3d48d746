package io.infrasystem.gateway.support;

import io.vertx.core.http.HttpServerRequest;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;

/**
 * The benchmark's "cheap authenticated GET" on the upstream stub: {@code GET /api/vm/ping} verifies
 * the internal token (RS256 signature, issuer, audience, expiry, as a service's SmallRye JWT does on
 * every request) and answers {@code {"ok":true,"principal":...}}; 401 without a valid token.
 * {@code POST /__bench/jwks} installs the gateway's JWKS (the benchmark posts it before it starts).
 */
final class BenchEndpoint {

    private static volatile JwtConsumer consumer;

    private BenchEndpoint() {}

    static void handle(HttpServerRequest request) {
        if (request.path().equals("/__bench/jwks")) {
            request.body().onSuccess(body -> {
                try {
                    consumer = new JwtConsumerBuilder()
                            .setVerificationKeyResolver(new JwksVerificationKeyResolver(
                                    new JsonWebKeySet(body.toString()).getJsonWebKeys()))
                            .setExpectedIssuer("infra-gateway")
                            .setExpectedAudience("infra-services")
                            .setRequireExpirationTime()
                            .build();
                    request.response().setStatusCode(204).end();
                } catch (Exception e) {
                    request.response().setStatusCode(400).end(e.toString());
                }
            });
            return;
        }
        String authorization = request.getHeader("Authorization");
        JwtConsumer verifier = consumer;
        try {
            if (verifier == null || authorization == null || !authorization.startsWith("Bearer ")) {
                throw new IllegalArgumentException("no token");
            }
            String subject =
                    verifier.processToClaims(authorization.substring(7)).getSubject();
            request.response()
                    .putHeader("Content-Type", "application/json")
                    .end("{\"ok\":true,\"principal\":\"" + subject + "\"}");
        } catch (Exception e) {
            request.response().setStatusCode(401).end();
        }
    }
}
