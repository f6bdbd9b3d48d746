package io.infrasystem.gateway.principal;

import java.util.Locale;

/** The kind of credential a request presents; its {@link #wireName()} is what the API and table {@code auth_failure} show. */
public enum CredentialType {
    /** {@code X-API-Key: isk_...}. */
    API_KEY,
    /** A Keycloak access token ({@code Authorization: Bearer}, or {@code access_token} on streams). */
    BEARER,
    /** No credential at all. */
    NONE;

    /** @return {@code api_key}, {@code bearer} or {@code none} */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
