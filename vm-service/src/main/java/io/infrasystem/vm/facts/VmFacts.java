package io.infrasystem.vm.facts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One VM as the sync handles it from the payload parser to the database writer, in our units
 * whatever the source shape: memory in MiB ({@code memory_mb}, as the seed names it), disk sizes in
 * GiB with two decimals ({@code size_gb}), times in UTC. The same record is built from a payload and
 * from the stored rows, so that both compare field by field; its {@link #fingerprint()} decides
 * "unchanged" without loading the NICs, IPs and disks of a VM.
 *
 * <p>Events and the audit log carry it as JSON without {@code vm_uuid} (the event has it), the
 * platform's update time and the raw payload (neither is tracked: they move without any change we
 * care about), and with the derived {@code total_disks}, {@code total_disk_gb} and {@code total_nics}.
 *
 * @param vmUuid the platform's identifier (Nutanix {@code metadata.uuid} / {@code extId}, vSphere
 *     {@code identity.instance_uuid}), never blank once validated
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
 * @param lastUpdateDate last configuration change on the platform, or null (stored, not tracked)
 * @param nics network adapters in payload order
 * @param disks virtual disks in payload order (CD-ROMs excluded)
 * @param raw the VM's part of the payload, stored as received; null when read from the database
 */
@JsonPropertyOrder({
    "name",
    "bios_uuid",
    "power_state",
    "hypervisor_type",
    "cluster_name",
    "host_identifier",
    "hostname",
    "os_type",
    "os_family",
    "total_vcpus",
    "num_sockets",
    "cores_per_socket",
    "memory_mb",
    "total_disks",
    "total_disk_gb",
    "total_nics",
    "creation_date",
    "disks",
    "nics"
})
public record VmFacts(
        @JsonIgnore String vmUuid,
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
        @JsonIgnore Instant lastUpdateDate,
        List<Nic> nics,
        List<Disk> disks,
        @JsonIgnore JsonNode raw) {

    /** IPs of a NIC are kept sorted by address, so that their order in a payload is not a change. */
    private static final Comparator<Ip> IP_ORDER = Comparator.comparing(Ip::address);

    /** Copies the lists: the record is immutable. */
    public VmFacts {
        disks = List.copyOf(disks);
        nics = List.copyOf(nics);
    }

    /**
     * A virtual disk (never a CD-ROM).
     *
     * @param diskUuid platform id (Nutanix uuid/extId, vSphere device key such as {@code 2000})
     * @param label label ({@code Hard disk 1}) or bus address ({@code SCSI.0})
     * @param sizeGb capacity in GiB (bytes / 2^30), two decimals, half-up
     * @param storageName datastore or storage container (vSphere datastore from the vmdk path,
     *     Nutanix container uuid)
     * @param backingType e.g. {@code VMDK_FILE}, {@code SCSI}
     */
    public record Disk(String diskUuid, String label, BigDecimal sizeGb, String storageName, String backingType) {}

    /**
     * A network adapter with its IP addresses.
     *
     * @param nicUuid the platform's adapter id (Nutanix uuid/extId, vSphere device key such as {@code 4000})
     * @param macAddress MAC address, lower case with colons
     * @param networkId subnet / port group id (Nutanix subnet uuid, vSphere {@code dvportgroup-26})
     * @param networkName network name when the shape carries it
     * @param connected whether the adapter is connected
     * @param state platform state (vSphere {@code CONNECTED}), or null
     * @param vlanMode Nutanix {@code ACCESS}/{@code TRUNKED}, or null
     * @param ips addresses on this adapter without duplicates, sorted by address
     */
    public record Nic(
            String nicUuid,
            String macAddress,
            String networkId,
            String networkName,
            Boolean connected,
            String state,
            String vlanMode,
            List<Ip> ips) {

        /** Sorts the addresses: their order in a payload is not a change. */
        public Nic {
            ips = ips.stream().sorted(IP_ORDER).toList();
        }

        /** @return this adapter with other addresses */
        public Nic withIps(List<Ip> newIps) {
            return new Nic(nicUuid, macAddress, networkId, networkName, connected, state, vlanMode, newIps);
        }
    }

    /**
     * An IP address of a NIC.
     *
     * @param address IPv4 or IPv6 address, without prefix length
     * @param type how the platform knows it: Nutanix {@code ASSIGNED}/{@code LEARNED}, v4
     *     {@code CONFIGURED}/{@code LEARNED}, vSphere {@code GUEST}; null when unknown
     */
    public record Ip(String address, String type) {}

    /** @return number of virtual disks */
    @JsonProperty("total_disks")
    public int totalDisks() {
        return disks.size();
    }

    /** @return sum of the disk sizes in GiB, two decimals */
    @JsonProperty("total_disk_gb")
    public BigDecimal totalDiskGb() {
        return disks.stream()
                .map(Disk::sizeGb)
                .filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2);
    }

    /** @return number of network adapters */
    @JsonProperty("total_nics")
    public int totalNics() {
        return nics.size();
    }

    /** @return whether any NIC has an IP */
    public boolean hasIps() {
        return nics.stream().anyMatch(n -> !n.ips().isEmpty());
    }

    /** @return every IP of every NIC, in order */
    public List<String> ipAddresses() {
        return nics.stream().flatMap(n -> n.ips().stream()).map(Ip::address).toList();
    }

    /** @return this VM with other NICs (used to carry the last known IPs of a powered-off VM) */
    public VmFacts withNics(List<Nic> newNics) {
        return new VmFacts(
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

    /** @return hex SHA-256 of every tracked field, in a fixed order */
    public String fingerprint() {
        StringBuilder s = new StringBuilder(256);
        append(
                s,
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
                totalDisks(),
                totalDiskGb(),
                totalNics(),
                creationDate == null ? null : creationDate.toEpochMilli());
        for (Disk d : disks) {
            s.append("|D");
            append(s, d.diskUuid(), d.label(), d.sizeGb(), d.storageName(), d.backingType());
        }
        for (Nic n : nics) {
            s.append("|N");
            append(
                    s,
                    n.nicUuid(),
                    n.macAddress(),
                    n.networkId(),
                    n.networkName(),
                    n.connected(),
                    n.state(),
                    n.vlanMode());
            for (Ip ip : n.ips()) {
                append(s, ip.address(), ip.type());
            }
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(s.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void append(StringBuilder s, Object... values) {
        for (Object value : values) {
            s.append('\u001f').append(Objects.toString(value, "\u0000"));
        }
    }
}
