package io.infrasystem.gateway;

import static io.restassured.RestAssured.given;

import java.util.Map;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;

/** Verifies an internal token the way a service does: against the gateway's published JWKS. */
final class InternalTokenAssert {

    private InternalTokenAssert() {}

    /** @return the JWKS the gateway publishes at {@code /api/gateway/jwks} (200 asserted) */
    static String jwks() {
        return given().when()
                .get("/api/gateway/jwks")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    /**
     * @param header name of the credential header
     * @param value the credential
     * @param path a routed path of the stand-in service (200 asserted)
     * @return the {@code Authorization} header the service received
     */
    static String forwardedAuthorization(String header, String value, String path) {
        return given().header(header, value)
                .when()
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .path("authorization");
    }

    /**
     * @param jwt compact JWS as the upstream received it
     * @return its claims, after checking signature (JWKS of {@code /api/gateway/jwks}), issuer,
     *     audience, expiry and a lifetime of at most 5 minutes
     */
    static Map<String, Object> verify(String jwt) {
        try {
            JwtConsumer consumer = new JwtConsumerBuilder()
                    .setVerificationKeyResolver(
                            new JwksVerificationKeyResolver(new JsonWebKeySet(jwks()).getJsonWebKeys()))
                    .setExpectedIssuer("infra-gateway")
                    .setExpectedAudience("infra-services")
                    .setRequireExpirationTime()
                    .setRequireIssuedAt()
                    .build();
            var claims = consumer.processToClaims(jwt);
            long lifetime =
                    claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue();
            if (lifetime > 300) {
                throw new AssertionError("internal token lives " + lifetime + " s");
            }
            return claims.getClaimsMap();
        } catch (Exception e) {
            throw new AssertionError("internal token does not verify against the gateway's JWKS: " + e, e);
        }
    }
}
