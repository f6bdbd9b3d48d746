package io.infrasystem.vm.payload;

import java.math.BigDecimal;

/**
 * A virtual disk of a {@link ParsedVm} (never a CD-ROM).
 *
 * @param diskUuid platform id (Nutanix uuid/extId, vSphere device key such as {@code 2000})
 * @param label label ({@code Hard disk 1}) or bus address ({@code SCSI.0})
 * @param sizeGb capacity in GiB (bytes / 2^30), two decimals, half-up
 * @param storageName datastore or storage container (vSphere datastore from the vmdk path,
 *     Nutanix container uuid)
 * @param backingType e.g. {@code VMDK_FILE}, {@code SCSI}
 */
public record ParsedDisk(String diskUuid, String label, BigDecimal sizeGb, String storageName, String backingType) {}
