package io.infrasystem.vm.platform;

import io.infrasystem.commons.filter.FilterField;
import io.infrasystem.commons.filter.FilterSpec;
import io.infrasystem.commons.paging.Page;
import io.infrasystem.commons.security.Scopes;
import io.infrasystem.vm.facts.Platform;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code GET /api/vm/hosts}: hypervisor hosts named by the sync payloads, each with the number of
 * (not deleted) VMs on it. Filters: {@code platform}, {@code host_id}, {@code hostname},
 * {@code vm_count} (with comparisons), {@code q}.
 */
@Path("/api/vm/hosts")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class HostResource {

    /**
     * A host.
     *
     * @param hostId the platform's identifier (Nutanix host name or extId, vSphere host)
     * @param vmCount VMs on it, deleted ones excluded
     */
    public record HostDto(
            long id,
            String platform,
            String hostId,
            String hostname,
            String hypervisorIp,
            String hypervisorName,
            String cpuModel,
            Integer cpuCoresPhysical,
            Integer ramGb,
            long vmCount) {}

    static final String VM_COUNT = "(select count(*) from vm v join vm_fact f on f.vm_id = v.id where not v.is_deleted "
            + "and v.platform = h.platform and f.host_identifier = h.host_id)";

    static final FilterSpec FILTERS = FilterSpec.builder("h.id")
            .field(FilterField.choice("platform", "h.platform", Platform.class))
            .field(FilterField.text("host_id", "h.host_id"))
            .field(FilterField.text("hostname", "h.hostname"))
            .field(FilterField.integer("vm_count", VM_COUNT))
            .search("h.host_id", "coalesce(h.hostname, '')")
            .defaultOrdering("hostname")
            .build();

    static final Lists.Listing<HostDto> HOSTS = new Lists.Listing<>(
            "from hosts h",
            "h.id, h.platform, h.host_id, h.hostname, h.hypervisor_ip, h.hypervisor_name, "
                    + "h.cpu_model, h.cpu_cores_physical, h.ram_gb, " + VM_COUNT,
            FILTERS,
            r -> new HostDto(
                    r.getLong(1),
                    r.getString(2),
                    r.getString(3),
                    r.getString(4),
                    r.getString(5),
                    r.getString(6),
                    r.getString(7),
                    (Integer) r.getObject(8),
                    (Integer) r.getObject(9),
                    r.getLong(10)));

    private final Lists lists;

    public HostResource(Lists lists) {
        this.lists = lists;
    }

    /** @return a page of hosts; 400 for bad filters */
    @GET
    @RolesAllowed(Scopes.VM_READ)
    public Page<HostDto> list(@Context UriInfo uri) {
        return lists.page(HOSTS, uri);
    }
}
