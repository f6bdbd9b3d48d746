package io.infrasystem.vm.manual;

import io.infrasystem.vm.virtualmachine.VmDetail;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.List;

/**
 * The manual data of a VM, as {@code PATCH /api/vm/vms/{id}/manual} merges into it. An override
 * applies only while its flag is true, and then needs its value.
 *
 * @param businessOwnerId owner id or null
 * @param technicalOwnerId owner id or null
 * @param projectName at most 255 characters
 * @param environment at most 50 characters (e.g. {@code production}, {@code staging})
 * @param notes free text
 * @param manualPowerState {@code on}, {@code off}, {@code suspended}, {@code paused} or {@code unknown}
 */
public record ManualInput(
        Long businessOwnerId,
        Long technicalOwnerId,
        @Size(max = 255) String projectName,
        @Size(max = 50) String environment,
        @Size(max = 10000) String notes,
        boolean overridePowerState,

        @Pattern(regexp = "on|off|suspended|paused|unknown", message = "must be on, off, suspended, paused or unknown")
        String manualPowerState,

        boolean overrideCluster,
        @Size(max = 255) String manualClusterName,
        boolean overrideHostname,
        @Size(max = 255) String manualHostname,
        boolean overrideOsType,
        @Size(max = 255) String manualOsType) {

    /** @return the manual data as stored, to merge a patch into */
    public static ManualInput of(VmDetail.Manual m) {
        return of(m, m.technicalOwnerId());
    }

    /** @return the manual data as stored but with another technical owner (an owner id or null) */
    public static ManualInput of(VmDetail.Manual m, Long technicalOwnerId) {
        return new ManualInput(
                m.businessOwnerId(),
                technicalOwnerId,
                m.projectName(),
                m.environment(),
                m.notes(),
                m.overridePowerState(),
                m.manualPowerState(),
                m.overrideCluster(),
                m.manualClusterName(),
                m.overrideHostname(),
                m.manualHostname(),
                m.overrideOsType(),
                m.manualOsType());
    }

    /**
     * @return the thirteen values in the order of the {@code vm_manual} columns from
     *     {@code business_owner_id} to {@code manual_os_type} (nulls kept)
     */
    List<Object> columns() {
        return Arrays.asList(
                businessOwnerId,
                technicalOwnerId,
                projectName,
                environment,
                notes,
                overridePowerState,
                manualPowerState,
                overrideCluster,
                manualClusterName,
                overrideHostname,
                manualHostname,
                overrideOsType,
                manualOsType);
    }

    /** @return whether the power-state override has its value */
    @AssertTrue(message = "override_power_state needs manual_power_state")
    public boolean isPowerStateComplete() {
        return !overridePowerState || manualPowerState != null;
    }

    /** @return whether the cluster override has its value */
    @AssertTrue(message = "override_cluster needs manual_cluster_name")
    public boolean isClusterComplete() {
        return !overrideCluster || (manualClusterName != null && !manualClusterName.isBlank());
    }

    /** @return whether the hostname override has its value */
    @AssertTrue(message = "override_hostname needs manual_hostname")
    public boolean isHostnameComplete() {
        return !overrideHostname || (manualHostname != null && !manualHostname.isBlank());
    }

    /** @return whether the OS type override has its value */
    @AssertTrue(message = "override_os_type needs manual_os_type")
    public boolean isOsTypeComplete() {
        return !overrideOsType || (manualOsType != null && !manualOsType.isBlank());
    }
}
