package io.infrasystem.vm.sync;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** Lifecycle of a sync run ({@code vm_sync_run.status}); the lower-case name on the wire and in the column. */
public enum SyncRunStatus {
    /** Triggered at n8n, nothing received yet. */
    PENDING,
    /** Chunked, receiving chunks. */
    OPEN,
    /** Applied (a single payload) or finished (a chunked run). */
    COMPLETED,
    /** Its webhook could not be called; deleted nothing. */
    FAILED,
    /** Never finished before {@code expires_at}; deleted nothing. */
    EXPIRED;

    /** @return whether chunks and finish are still accepted */
    public boolean acceptsChunks() {
        return this == PENDING || this == OPEN;
    }

    /** @return the lower-case name used in JSON and the column */
    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @return the status of a wire value
     * @throws IllegalArgumentException for an unknown value
     */
    @JsonCreator
    public static SyncRunStatus of(String value) {
        return Arrays.stream(values())
                .filter(s -> s.wire().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown sync run status " + value));
    }
}
