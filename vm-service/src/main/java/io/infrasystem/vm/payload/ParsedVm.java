package io.infrasystem.vm.payload;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One VM as a hypervisor payload describes it, in our units whatever the source shape: memory in
 * MiB ({@code memory_mb}, as the seed names it), disk sizes in GiB with two decimals
 * ({@code size_gb}), times in UTC.
 *
 * @param vmUuid the platform's identifier (Nutanix {@code metadata.uuid} / {@code extId}, vSphere
 *     {@code identity.instance_uuid}), never blank
 * @param name display name
 * @param biosUuid SMBIOS UUID, the secondary identity when a VM's uuid changes (may be null)
 * @param powerState {@code on}, {@code off}, {@code suspended}, {@code paused} or {@code unknown}
 * @param hypervisorType e.g. {@code AHV}, {@code ESXi}
 * @param clusterName cluster name, or its id when the shape carries no name (Nutanix v4)
 * @param hostIdentifier host name or id
 * @param hostname guest host name
 * @param osType guest OS as reported (e.g. {@code UBUNTU_64}, {@code Ubuntu Linux (64-bit)})
 * @param osFamily {@code linux}, {@code windows}, {@code other} or null when unknown
 * @param totalVcpus virtual CPUs (sockets × cores per socket × threads per core)
 * @param numSockets sockets
 * @param coresPerSocket cores per socket
 * @param memoryMb memory in MiB
 * @param creationDate creation time on the platform, or null
 * @param lastUpdateDate last configuration change on the platform, or null
 * @param nics network adapters in payload order
 * @param disks virtual disks in payload order (CD-ROMs excluded)
 * @param raw the VM's part of the payload, stored as received
 */
public record ParsedVm(
        String vmUuid,
        String name,
        String biosUuid,
        String powerState,
        String hypervisorType,
        String clusterName,
        String hostIdentifier,
        String hostname,
        String osType,
        String osFamily,
        Integer totalVcpus,
        Integer numSockets,
        Integer coresPerSocket,
        Long memoryMb,
        Instant creationDate,
        Instant lastUpdateDate,
        List<ParsedNic> nics,
        List<ParsedDisk> disks,
        JsonNode raw) {

    /** @return number of virtual disks */
    public int totalDisks() {
        return disks.size();
    }

    /** @return sum of the disk sizes in GiB */
    public BigDecimal totalDiskGb() {
        return disks.stream().map(ParsedDisk::sizeGb).filter(s -> s != null).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** @return number of network adapters */
    public int totalNics() {
        return nics.size();
    }

    /** @return this VM with other NICs (used to carry the last known IPs of a powered-off VM) */
    public ParsedVm withNics(List<ParsedNic> newNics) {
        return new ParsedVm(
                vmUuid,
                name,
                biosUuid,
                powerState,
                hypervisorType,
                clusterName,
                hostIdentifier,
                hostname,
                osType,
                osFamily,
                totalVcpus,
                numSockets,
                coresPerSocket,
                memoryMb,
                creationDate,
                lastUpdateDate,
                newNics,
                disks,
                raw);
    }

    /** @return whether any NIC reports an IP address */
    public boolean hasIps() {
        return nics.stream().anyMatch(n -> !n.ips().isEmpty());
    }
}
