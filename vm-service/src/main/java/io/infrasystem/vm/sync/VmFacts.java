package io.infrasystem.vm.sync;

import io.infrasystem.vm.payload.ParsedDisk;
import io.infrasystem.vm.payload.ParsedIp;
import io.infrasystem.vm.payload.ParsedNic;
import io.infrasystem.vm.payload.ParsedVm;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The tracked facts of one VM, built the same way from a payload and from the database so that
 * they compare field by field; its {@link #fingerprint()} decides "unchanged" without loading
 * the NICs, IPs and disks of a VM. The platform's own update time is not tracked (it moves for
 * changes we do not track).
 *
 * @param name VM name
 * @param biosUuid SMBIOS uuid
 * @param powerState {@code on}/{@code off}/{@code suspended}/{@code paused}/{@code unknown}
 * @param memoryMb memory in MiB
 * @param totalDiskGb sum of disk sizes in GiB, two decimals
 * @param disks the disks in payload order
 * @param nics the NICs in payload order, each with its IPs
 */
public record VmFacts(
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
        int totalDisks,
        BigDecimal totalDiskGb,
        int totalNics,
        Instant creationDate,
        List<Disk> disks,
        List<Nic> nics) {

    /** A disk as tracked: size in GiB (two decimals). */
    public record Disk(String diskUuid, String label, BigDecimal sizeGb, String storageName, String backingType) {}

    /** A NIC as tracked, with its IP addresses (in payload order). */
    public record Nic(
            String nicUuid,
            String macAddress,
            String networkId,
            String networkName,
            Boolean connected,
            String state,
            String vlanMode,
            List<Ip> ips) {}

    /** IPs of a NIC are kept sorted by address, so that their order in a payload is not a change. */
    public static final java.util.Comparator<Ip> IP_ORDER = java.util.Comparator.comparing(Ip::address);

    /** An IP address and how the platform knows it. */
    public record Ip(String address, String type) {}

    /** @return the tracked facts of a parsed VM */
    public static VmFacts of(ParsedVm vm) {
        List<Disk> disks = new ArrayList<>();
        for (ParsedDisk d : vm.disks()) {
            disks.add(new Disk(d.diskUuid(), d.label(), d.sizeGb(), d.storageName(), d.backingType()));
        }
        List<Nic> nics = new ArrayList<>();
        for (ParsedNic n : vm.nics()) {
            List<Ip> ips = new ArrayList<>();
            for (ParsedIp ip : n.ips()) {
                ips.add(new Ip(ip.address(), ip.type()));
            }
            ips.sort(IP_ORDER);
            nics.add(new Nic(
                    n.nicUuid(),
                    n.macAddress(),
                    n.networkId(),
                    n.networkName(),
                    n.connected(),
                    n.state(),
                    n.vlanMode(),
                    List.copyOf(ips)));
        }
        return new VmFacts(
                vm.name(),
                vm.biosUuid(),
                vm.powerState(),
                vm.hypervisorType(),
                vm.clusterName(),
                vm.hostIdentifier(),
                vm.hostname(),
                vm.osType(),
                vm.osFamily(),
                vm.totalVcpus(),
                vm.numSockets(),
                vm.coresPerSocket(),
                vm.memoryMb(),
                vm.totalDisks(),
                vm.totalDiskGb().setScale(2),
                vm.totalNics(),
                vm.creationDate(),
                List.copyOf(disks),
                List.copyOf(nics));
    }

    /** @return whether any NIC has an IP */
    public boolean hasIps() {
        return nics.stream().anyMatch(n -> !n.ips().isEmpty());
    }

    /** @return every IP of every NIC, in order */
    public List<String> ipAddresses() {
        return nics.stream().flatMap(n -> n.ips().stream()).map(Ip::address).toList();
    }

    /** @return these facts with other NICs */
    public VmFacts withNics(List<Nic> newNics) {
        return new VmFacts(
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
                totalDisks,
                totalDiskGb,
                newNics.size(),
                creationDate,
                disks,
                List.copyOf(newNics));
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
                totalDisks,
                totalDiskGb,
                totalNics,
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
