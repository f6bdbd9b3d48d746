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
 * {@code GET /api/vm/networks}: networks (Nutanix subnets, vSphere port groups) named by the sync
 * payloads, each with the number of (not deleted) VMs with a NIC on it. Filters: {@code platform},
 * {@code network_id}, {@code name}, {@code vlan_id}, {@code vm_count} (e.g. {@code vm_count=0} for
 * unused networks), {@code q}.
 */
@Path("/api/vm/networks")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class NetworkResource {

    /**
     * A network.
     *
     * @param networkId the platform's id (Nutanix subnet uuid, vSphere {@code dvportgroup-26})
     * @param vlanId VLAN id when known
     * @param vmCount VMs with a NIC on it, deleted ones excluded
     */
    public record NetworkDto(
            long id,
            String platform,
            String networkId,
            String name,
            Integer vlanId,
            String description,
            long vmCount) {}

    static final String VM_COUNT = "(select count(distinct v.id) from vm v join vm_nic_fact n on n.vm_id = v.id "
            + "where not v.is_deleted and v.platform = w.platform and n.network_id = w.network_id)";

    static final FilterSpec FILTERS = FilterSpec.builder("w.id")
            .field(FilterField.choice("platform", "w.platform", Platform.class))
            .field(FilterField.text("network_id", "w.network_id"))
            .field(FilterField.text("name", "w.name"))
            .field(FilterField.integer("vlan_id", "w.vlan_id"))
            .field(FilterField.integer("vm_count", VM_COUNT))
            .search("w.network_id", "coalesce(w.name, '')")
            .defaultOrdering("name")
            .build();

    static final Lists.Listing<NetworkDto> NETWORKS = new Lists.Listing<>(
            "from networks w",
            "w.id, w.platform, w.network_id, w.name, w.vlan_id, w.description, " + VM_COUNT,
            FILTERS,
            r -> new NetworkDto(
                    r.getLong(1),
                    r.getString(2),
                    r.getString(3),
                    r.getString(4),
                    (Integer) r.getObject(5),
                    r.getString(6),
                    r.getLong(7)));

    private final Lists lists;

    public NetworkResource(Lists lists) {
        this.lists = lists;
    }

    /** @return a page of networks; 400 for bad filters */
    @GET
    @RolesAllowed(Scopes.VM_READ)
    public Page<NetworkDto> list(@Context UriInfo uri) {
        return lists.page(NETWORKS, uri);
    }
}
