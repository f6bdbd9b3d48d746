package io.infrasystem.commons.security;

/** Who performed an operation: a person, a machine holding an API key, or the suite itself. */
public enum ActorType {
    /** A person logged in at Keycloak. */
    USER,
    /** A machine client authenticated with an API key at the gateway. */
    API_KEY,
    /** The service itself: a scheduled job, a sync rule, a consumed event. */
    SYSTEM;

    /**
     * @param claim the {@code principal_type} claim of the internal token ({@code user} or
     *     {@code api_key}); anything else, including {@code null}, means {@link #USER}
     * @return the matching type
     */
    public static ActorType fromClaim(String claim) {
        return "api_key".equals(claim) ? API_KEY : USER;
    }

    /** @return the lower-case name used in JSON, tokens and the audit log */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
