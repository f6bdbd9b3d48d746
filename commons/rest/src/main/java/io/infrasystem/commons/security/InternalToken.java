package io.infrasystem.commons.security;

/**
 * The internal JWT that the gateway signs for every request it forwards (issuer
 * {@value #ISSUER}, audience {@value #AUDIENCE}); services trust nothing else. Its {@code groups}
 * claim holds realm roles and scopes in one vocabulary (see {@link Scopes}).
 */
public final class InternalToken {

    /** {@code iss} of every internal token. */
    public static final String ISSUER = "infra-gateway";

    /** {@code aud} of every internal token. */
    public static final String AUDIENCE = "infra-services";

    /** Claim naming the principal type: {@code user} or {@code api_key}. */
    public static final String PRINCIPAL_TYPE_CLAIM = "principal_type";

    private InternalToken() {}
}
