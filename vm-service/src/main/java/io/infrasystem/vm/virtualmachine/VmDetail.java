package io.infrasystem.vm.virtualmachine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One VM in full: the effective view, the facts as synced, the manual data, NICs with IPs, disks,
 * manual IPs, tags, custom fields and the change history (newest first, at most 500 rows).
 *
 * @param vm the effective view
 * @param biosUuid SMBIOS uuid
 * @param synced the facts exactly as the platform reported them (before overrides)
 * @param manual the manual data
 * @param nics network adapters with their synced IPs
 * @param disks virtual disks, sizes in GiB
 * @param manualIps IPs entered by hand
 * @param customFields custom fields by key
 * @param deletedAt when it was soft-deleted, or null
 * @param deletedBy {@code sync} or the admin who deleted it
 * @param deleteReason why
 * @param history change history
 */
public record VmDetail(
        VmSummary vm,
        String biosUuid,
        Synced synced,
        Manual manual,
        List<Nic> nics,
        List<Disk> disks,
        List<ManualIp> manualIps,
        Map<String, String> customFields,
        Instant deletedAt,
        String deletedBy,
        String deleteReason,
        Long lastSyncRunId,
        List<HistoryEntry> history) {

    /** Facts as synced. */
    public record Synced(
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
            Integer totalDisks,
            BigDecimal totalDiskGb,
            Integer totalNics,
            Instant creationDate,
            Instant lastUpdateDate,
            Instant factUpdatedAt) {}

    /** Manual data; an override applies only while its flag is true. */
    public record Manual(
            Long businessOwnerId,
            Long technicalOwnerId,
            String projectName,
            String environment,
            String notes,
            boolean overridePowerState,
            String manualPowerState,
            boolean overrideCluster,
            String manualClusterName,
            boolean overrideHostname,
            String manualHostname,
            boolean overrideOsType,
            String manualOsType,
            String updatedBy,
            Instant updatedAt,
            long version) {}

    /** A synced NIC. */
    public record Nic(
            String nicUuid,
            String macAddress,
            String networkId,
            String networkName,
            Boolean isConnected,
            String state,
            String vlanMode,
            List<Ip> ips) {}

    /** A synced IP. */
    public record Ip(String ipAddress, String ipType) {}

    /** A synced disk, size in GiB. */
    public record Disk(String diskUuid, String diskLabel, BigDecimal sizeGb, String storageName, String backingType) {}

    /** An IP entered by hand. */
    public record ManualIp(long id, String ipAddress, boolean isPrimary, String label) {}

    /** One row of {@code vm_change_history}. */
    public record HistoryEntry(
            long id,
            Long syncRunId,
            String changeType,
            String fieldName,
            String oldValue,
            String newValue,
            Instant changedAt) {}
}
