package io.infrasystem.vm.payload;

/** The payload formats {@code POST /api/vm/sync/{platform}} recognises. */
public enum PayloadShape {
    /** Nutanix Prism Central v3 {@code POST /api/nutanix/v3/vms/list} response, a v3 VM, or a v3 webhook event. */
    NUTANIX_V3("nutanix"),
    /** Nutanix Prism Central v4 {@code GET /api/vmm/v4.0/ahv/config/vms} response ({@code data[]}). */
    NUTANIX_V4("nutanix"),
    /** vSphere Automation API {@code /api/vcenter/vm/{vm}} details, or the older {@code /rest} value-wrapped shape. */
    VSPHERE("vmware"),
    /** Our own documented format ({@code "format": "infra-vm/v1"}) for any other source. */
    NORMALIZED(null);

    private final String platform;

    PayloadShape(String platform) {
        this.platform = platform;
    }

    /** @return the platform the shape belongs to, or null for the normalized format (any platform) */
    public String platform() {
        return platform;
    }
}
