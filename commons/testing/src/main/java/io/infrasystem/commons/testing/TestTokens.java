package io.infrasystem.commons.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Mints internal tokens as the gateway would (issuer {@code infra-gateway}, audience
 * {@code infra-services}), signed with the test key pair that commons-testing configures, for
 * tests running inside a Quarkus application ({@code @QuarkusTest}).
 */
public final class TestTokens {

    private TestTokens() {}

    /**
     * @param username {@code preferred_username} and {@code sub}
     * @param groups realm roles and scopes, e.g. the result of {@code Scopes.groupsForRoles}
     * @return {@code Bearer <jwt>} for a person, valid 5 minutes
     */
    public static String user(String username, Set<String> groups) {
        return "Bearer " + claims(username, "user", groups).sign();
    }

    /**
     * @param username {@code preferred_username} and {@code sub}
     * @param groups realm roles and scopes
     * @param lifetime how long from now the token is valid
     * @return {@code Bearer <jwt>} for a person, valid {@code lifetime}
     */
    public static String userValidFor(String username, Set<String> groups, Duration lifetime) {
        return "Bearer " + claims(username, "user", groups).expiresIn(lifetime).sign();
    }

    /**
     * @param keyName the API key's name, used as principal name
     * @param scopes the key's scopes, e.g. {@code vm:sync}
     * @return {@code Bearer <jwt>} for a machine client, valid 5 minutes
     */
    public static String apiKey(String keyName, String... scopes) {
        return "Bearer " + claims(keyName, "api_key", Set.of(scopes)).sign();
    }

    /**
     * @return {@code Bearer <jwt>} whose validity ended ten minutes ago (services must answer 401)
     */
    public static String expired(String username, Set<String> groups) {
        Instant issued = Instant.now().minus(Duration.ofMinutes(20));
        return "Bearer "
                + claims(username, "user", groups)
                        .issuedAt(issued)
                        .expiresAt(issued.plus(Duration.ofMinutes(10)))
                        .sign();
    }

    /**
     * @return {@code Bearer <jwt>} with the right claims but signed by a key the services do not
     *     trust (a forged token; services must answer 401)
     */
    public static String forged(String username, Set<String> groups) {
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return "Bearer "
                    + claims(username, "user", groups)
                            .sign(generator.generateKeyPair().getPrivate());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JwtClaimsBuilder claims(String name, String principalType, Set<String> groups) {
        return Jwt.issuer("infra-gateway")
                .audience("infra-services")
                .subject(name)
                .preferredUserName(name)
                .claim("principal_type", principalType)
                .groups(groups)
                .expiresIn(Duration.ofMinutes(5));
    }
}
