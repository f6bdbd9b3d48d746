package io.infrasystem.gateway.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrasystem.commons.security.InternalToken;
import java.io.IOException;
import java.util.Base64;

/** Tells internal tokens (issuer {@value InternalToken#ISSUER}) from Keycloak tokens without verifying either. */
public final class InternalTokens {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private InternalTokens() {}

    /**
     * @param jwt a compact JWS
     * @return whether its (unverified) {@code iss} is the gateway's; such tokens are verified by the
     *     gateway's resources like by every service, never accepted at the edge
     */
    public static boolean isInternal(String jwt) {
        int first = jwt.indexOf('.');
        int second = first < 0 ? -1 : jwt.indexOf('.', first + 1);
        if (second < 0) {
            return false;
        }
        try {
            JsonNode claims = MAPPER.readTree(Base64.getUrlDecoder().decode(jwt.substring(first + 1, second)));
            return InternalToken.ISSUER.equals(claims.path("iss").asText(null));
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
