package io.infrasystem.cert.upload;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What an upload did with one certificate. */
public enum UploadOutcome {
    /** New: stored. */
    CREATED,
    /** Known already (same SHA-256 thumbprint): marked seen. */
    EXISTING,
    /** Matched an ignored-certificate pattern: not kept. */
    IGNORED;

    /** @return the lower-case wire value */
    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
