package io.infrasystem.vm.virtualmachine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One VM of the effective inventory: synced facts overlaid by manual overrides. Memory in MiB,
 * disks in GiB.
 *
 * @param id VM id
 * @param powerState effective power state (manual when {@code overridden} lists {@code power_state})
 * @param clusterName effective cluster
 * @param hostname effective guest host name
 * @param osType effective OS type
 * @param ipAddresses synced IPs then manual IPs, without duplicates
 * @param overridden names of the fields whose value is manual ({@code power_state}, {@code cluster_name},
 *     {@code hostname}, {@code os_type})
 * @param businessOwner the business owner, or null
 * @param technicalOwner the technical owner, or null
 * @param lastSeenAt last time a sync reported a change of this VM (a sync that finds it identical writes nothing)
 * @param version version of the VM's manual data ({@code ETag}/{@code If-Match} of {@code PATCH …/manual})
 */
public record VmSummary(
        long id,
        String platform,
        String source,
        String vmUuid,
        String vmName,
        String powerState,
        String clusterName,
        String hostIdentifier,
        String hostname,
        String osType,
        String osFamily,
        Integer totalVcpus,
        Long memoryMb,
        Integer totalDisks,
        BigDecimal totalDiskGb,
        Integer totalNics,
        List<String> ipAddresses,
        List<String> tags,
        OwnerRef businessOwner,
        OwnerRef technicalOwner,
        String projectName,
        String environment,
        List<String> overridden,
        boolean isDeleted,
        Instant firstSeenAt,
        Instant lastSeenAt,
        long version) {

    /**
     * An owner as a VM refers to it.
     *
     * @param id owner id
     * @param fullName name
     * @param email e-mail address (unique)
     */
    public record OwnerRef(long id, String fullName, String email) {}
}
