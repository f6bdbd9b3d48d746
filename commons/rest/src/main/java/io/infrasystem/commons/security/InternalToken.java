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

    /**
     * Claim of an API key's token naming the user the key acts for (its owner's user name), for
     * services whose data is scoped per user (project assignments); absent for a person.
     */
    public static final String ACTS_FOR_CLAIM = "acts_for";

    private InternalToken() {}
}
