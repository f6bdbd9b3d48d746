package io.infrasystem.gateway.auth;

import io.infrasystem.gateway.principal.CredentialType;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The credential a request presents: {@code X-API-Key: isk_...}, {@code Authorization: Bearer <jwt>},
 * or, for a WebSocket upgrade or an SSE request only (browsers cannot set headers there), the
 * {@code access_token} query parameter or a {@code Sec-WebSocket-Protocol} entry
 * {@code access_token.<jwt>}.
 *
 * @param type API key, bearer token or none
 * @param value the key or token, {@code null} for none
 * @param viaProtocolHeader whether it came from {@code Sec-WebSocket-Protocol} (then that entry is removed before forwarding)
 */
public record Credential(CredentialType type, String value, boolean viaProtocolHeader) {

    /** Header of API keys. */
    public static final String API_KEY_HEADER = "X-API-Key";

    /** Prefix of the {@code Sec-WebSocket-Protocol} entry that carries a token. */
    public static final String PROTOCOL_PREFIX = "access_token.";

    private static final Credential NONE = new Credential(CredentialType.NONE, null, false);

    /**
     * @param request the incoming request
     * @return its credential; an API key wins over a bearer token
     */
    public static Credential of(HttpServerRequest request) {
        String apiKey = request.getHeader(API_KEY_HEADER);
        if (apiKey != null && !apiKey.isBlank()) {
            return new Credential(CredentialType.API_KEY, apiKey.strip(), false);
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return new Credential(
                    CredentialType.BEARER, authorization.substring(7).strip(), false);
        }
        if (isStreamingUpgrade(request)) {
            String query = request.getParam("access_token");
            if (query != null && !query.isBlank()) {
                return new Credential(CredentialType.BEARER, query.strip(), false);
            }
            for (String protocol : protocols(request)) {
                if (protocol.startsWith(PROTOCOL_PREFIX)) {
                    return new Credential(CredentialType.BEARER, protocol.substring(PROTOCOL_PREFIX.length()), true);
                }
            }
        }
        return NONE;
    }

    /** @return whether the request is a WebSocket upgrade or asks for an event stream */
    public static boolean isStreamingUpgrade(HttpServerRequest request) {
        String upgrade = request.getHeader(HttpHeaders.UPGRADE);
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return (upgrade != null && upgrade.equalsIgnoreCase("websocket"))
                || (accept != null && accept.contains("text/event-stream"));
    }

    /** @return the entries of {@code Sec-WebSocket-Protocol}, trimmed */
    public static List<String> protocols(HttpServerRequest request) {
        List<String> result = new ArrayList<>();
        for (String header : request.headers().getAll("Sec-WebSocket-Protocol")) {
            for (String part : header.split(",")) {
                if (!part.isBlank()) {
                    result.add(part.strip());
                }
            }
        }
        return result;
    }
}
