package io.infrasystem.vm.sync;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Whether a sync soft-deletes what its payloads lack; {@code full} or {@code partial} on the wire and in columns. */
public enum SyncMode {
    /** VMs of the platform and source that the run did not report are soft-deleted. */
    FULL,
    /** Nothing is deleted (a webhook event, a subset). */
    PARTIAL;

    /** @return the lower-case name used in JSON, query parameters and columns */
    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the mode whose wire value is {@code value}, empty for null or anything else */
    public static Optional<SyncMode> parse(String value) {
        return Arrays.stream(values()).filter(m -> m.wire().equals(value)).findFirst();
    }

    /**
     * @return the mode of a wire value
     * @throws IllegalArgumentException for an unknown value
     */
    @JsonCreator
    public static SyncMode of(String value) {
        return parse(value).orElseThrow(() -> new IllegalArgumentException("unknown sync mode " + value));
    }
}
