package io.infrasystem.vm.payload;

import java.util.List;

/**
 * A network adapter of a {@link ParsedVm}.
 *
 * @param nicUuid the platform's adapter id (Nutanix uuid/extId, vSphere device key such as {@code 4000})
 * @param macAddress MAC address, lower case with colons
 * @param networkId subnet / port group id (Nutanix subnet uuid, vSphere {@code dvportgroup-26})
 * @param networkName network name when the shape carries it
 * @param connected whether the adapter is connected
 * @param state platform state (vSphere {@code CONNECTED}), or null
 * @param vlanMode Nutanix {@code ACCESS}/{@code TRUNKED}, or null
 * @param ips addresses on this adapter, in payload order, without duplicates
 */
public record ParsedNic(
        String nicUuid,
        String macAddress,
        String networkId,
        String networkName,
        Boolean connected,
        String state,
        String vlanMode,
        List<ParsedIp> ips) {

    /** @return this adapter with other addresses */
    public ParsedNic withIps(List<ParsedIp> newIps) {
        return new ParsedNic(nicUuid, macAddress, networkId, networkName, connected, state, vlanMode, newIps);
    }
}
