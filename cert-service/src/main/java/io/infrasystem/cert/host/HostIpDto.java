package io.infrasystem.cert.host;

/**
 * An IP address of a host as the API shows it.
 *
 * @param id its id (bindings name it as {@code host_ip_id})
 * @param ipAddress canonical text form
 */
public record HostIpDto(long id, String ipAddress) {

    static HostIpDto of(HostIp ip) {
        return new HostIpDto(ip.id == null ? 0 : ip.id, ip.ipAddress);
    }
}
