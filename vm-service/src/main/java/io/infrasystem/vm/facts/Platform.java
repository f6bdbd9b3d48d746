package io.infrasystem.vm.facts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The hypervisor platform a VM, host, network, sync run or system API belongs to. On the wire, in
 * URLs and in the database it is the lower-case name ({@code nutanix}, {@code vmware}, {@code other}).
 */
public enum Platform {
    /** Nutanix Prism Central (v3 or v4 payloads). */
    NUTANIX,
    /** VMware vCenter (vSphere Automation API payloads). */
    VMWARE,
    /** Any other source, posting the normalized format. */
    OTHER;

    /** @return the lower-case name used in JSON, URLs and columns */
    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the platform whose wire value is {@code value}, empty for null or anything else */
    public static Optional<Platform> parse(String value) {
        return Arrays.stream(values()).filter(p -> p.wire().equals(value)).findFirst();
    }

    /**
     * @return the platform of a wire value
     * @throws IllegalArgumentException for an unknown value
     */
    @JsonCreator
    public static Platform of(String value) {
        return parse(value).orElseThrow(() -> new IllegalArgumentException("unknown platform " + value));
    }

    /** @return every wire value */
    public static Set<String> wireValues() {
        return Arrays.stream(values()).map(Platform::wire).collect(Collectors.toUnmodifiableSet());
    }
}
