package io.infrasystem.vm.payload;

import io.infrasystem.vm.facts.Platform;

/** The payload formats {@code POST /api/vm/sync/{platform}} recognises. */
public enum PayloadShape {
    /** Nutanix Prism Central v3 {@code POST /api/nutanix/v3/vms/list} response, a v3 VM, or a v3 webhook event. */
    NUTANIX_V3(Platform.NUTANIX),
    /** Nutanix Prism Central v4 {@code GET /api/vmm/v4.0/ahv/config/vms} response ({@code data[]}). */
    NUTANIX_V4(Platform.NUTANIX),
    /** vSphere Automation API {@code /api/vcenter/vm/{vm}} details, or the older {@code /rest} value-wrapped shape. */
    VSPHERE(Platform.VMWARE),
    /** Our own documented format ({@code "format": "infra-vm/v1"}) for any other source. */
    NORMALIZED(null);

    private final Platform platform;

    PayloadShape(Platform platform) {
        this.platform = platform;
    }

    /** @return the platform the shape belongs to, or null for the normalized format (any platform) */
    public Platform platform() {
        return platform;
    }
}
