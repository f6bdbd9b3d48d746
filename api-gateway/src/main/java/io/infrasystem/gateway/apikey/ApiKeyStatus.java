package io.infrasystem.gateway.apikey;

import java.util.Locale;

/** Whether an API key authenticates: only {@link #ACTIVE} keys do. */
public enum ApiKeyStatus {
    ACTIVE,
    REVOKED,
    EXPIRED;

    /** @return the lower-case name used in JSON */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
