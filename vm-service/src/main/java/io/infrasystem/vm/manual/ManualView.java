package io.infrasystem.vm.manual;

import io.infrasystem.vm.virtualmachine.VmDetail;
import java.util.List;
import java.util.Map;

/**
 * Everything people maintain on a VM, as the audit log and {@code vm.vm.updated} events carry it
 * for manual edits.
 *
 * @param id VM id
 * @param isDeleted whether the VM is soft-deleted
 * @param manual manual data and overrides
 * @param manualIps IPs entered by hand
 * @param tags tags, sorted
 * @param customFields custom fields by key
 */
public record ManualView(
        long id,
        boolean isDeleted,
        VmDetail.Manual manual,
        List<VmDetail.ManualIp> manualIps,
        List<String> tags,
        Map<String, String> customFields) {}
