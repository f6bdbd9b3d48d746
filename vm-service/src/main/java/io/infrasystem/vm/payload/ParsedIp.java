package io.infrasystem.vm.payload;

/**
 * An IP address of a {@link ParsedNic}.
 *
 * @param address IPv4 or IPv6 address, without prefix length
 * @param type how the platform knows it: Nutanix {@code ASSIGNED}/{@code LEARNED}, v4
 *     {@code CONFIGURED}/{@code LEARNED}, vSphere {@code GUEST}; null when unknown
 */
public record ParsedIp(String address, String type) {}
