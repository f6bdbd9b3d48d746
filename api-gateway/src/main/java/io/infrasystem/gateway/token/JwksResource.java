package io.infrasystem.gateway.token;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;

/**
 * Public keys of the internal token as a JSON Web Key Set (RFC 7517): {@code {"keys": [{kty, kid,
 * use, alg, n, e}]}}, current key first. Services read it through {@code INFRA_GATEWAY_JWKS_URL}.
 * No authentication: public keys are public.
 */
@Path("/api/gateway/jwks")
public class JwksResource {

    private final SigningKeys keys;

    public JwksResource(SigningKeys keys) {
        this.keys = keys;
    }

    /** @return the JWK set, cacheable for 5 minutes (the services' refresh interval) */
    @GET
    @Produces({"application/jwk-set+json", "application/json"})
    public Response jwks() {
        List<Map<String, Object>> jwks =
                keys.published().stream().map(JwksResource::toJwk).toList();
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(Map.of("keys", jwks)).cacheControl(cache).build();
    }

    private static Map<String, Object> toJwk(SigningKeys.PublishedKey key) {
        RsaJsonWebKey jwk = new RsaJsonWebKey(key.publicKey());
        jwk.setKeyId(key.kid());
        jwk.setUse("sig");
        jwk.setAlgorithm(SigningKeys.ALGORITHM);
        return jwk.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }
}
