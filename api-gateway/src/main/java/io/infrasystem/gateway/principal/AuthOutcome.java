package io.infrasystem.gateway.principal;

/**
 * Result of checking one credential.
 *
 * @param principal the authenticated caller, or {@code null} on failure
 * @param credentialType the kind of credential refused, {@code null} on success
 * @param reason why it was refused (safe to show), or {@code null} on success
 * @param hint the key id or token subject when it could be read, for the failure log
 */
public record AuthOutcome(GatewayPrincipal principal, CredentialType credentialType, String reason, String hint) {

    /** Reason of an outcome decided without looking the credential up: the address is rate-limited. */
    public static final String THROTTLED = "too many refused credentials from this address";

    /** @return a success */
    public static AuthOutcome success(GatewayPrincipal principal) {
        return new AuthOutcome(principal, null, null, null);
    }

    /** @return a refusal */
    public static AuthOutcome failure(CredentialType credentialType, String reason, String hint) {
        return new AuthOutcome(null, credentialType, reason, hint);
    }

    /** @return a refusal without look-up because the caller's address is rate-limited */
    public static AuthOutcome throttled(CredentialType credentialType) {
        return new AuthOutcome(null, credentialType, THROTTLED, null);
    }

    /** @return whether the credential was not even looked up ({@link #throttled}) */
    public boolean throttled() {
        return principal == null && THROTTLED.equals(reason);
    }

    /** @return whether the credential was accepted */
    public boolean succeeded() {
        return principal != null;
    }
}
