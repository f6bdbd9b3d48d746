package io.infrasystem.vm.manual;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrasystem.commons.http.MergePatch;
import io.infrasystem.commons.http.Versions;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.commons.security.Scopes;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Manual data of VMs under {@code /api/vm/vms}: {@code GET|PATCH {id}/manual} (JSON Merge Patch,
 * {@code ETag}/{@code If-Match} on the manual data's version), {@code POST {id}/ips},
 * {@code DELETE {id}/ips/{ipId}}, {@code POST {id}/tags}, {@code DELETE {id}/tags/{tag}},
 * {@code POST tags/bulk}, {@code PATCH {id}/custom-fields}, {@code POST {id}/technical-owner} (admin),
 * {@code DELETE {id}} and {@code POST {id}/restore} (admin).
 */
@Path("/api/vm/vms")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ManualResource {

    /** Body of {@code POST {id}/ips}. */
    public record IpInput(String ipAddress, Boolean isPrimary, String label) {}

    /** Body of {@code POST {id}/tags}. */
    public record TagInput(String tag) {}

    /** Body of {@code POST tags/bulk}. */
    public record BulkTags(List<Long> vmIds, List<String> add, List<String> remove) {}

    /** Body of {@code POST {id}/technical-owner}. */
    public record OwnerAssignment(Long ownerId) {}

    private final ManualService manual;
    private final SecurityIdentity identity;

    public ManualResource(ManualService manual, SecurityIdentity identity) {
        this.manual = manual;
        this.identity = identity;
    }

    /** @return the manual view with {@code ETag} = manual data version; 404 unknown VM */
    @GET
    @Path("{id:\\d+}/manual")
    @RolesAllowed(Scopes.VM_READ)
    public Response getManual(@PathParam("id") long id) {
        ManualView view = manual.view(id);
        return Versions.ok(view, view.manual().version());
    }

    /**
     * @return the manual view after the patch; 400, 403 ({@code technical_owner_id} changed by a
     *     non-admin: the quick-assign rule), 404, 412
     */
    @PATCH
    @Path("{id:\\d+}/manual")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed(Scopes.VM_WRITE)
    public Response patchManual(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        ManualView view = manual.patchManual(id, ifMatch, patch, identity.hasRole(Scopes.ADMIN));
        return Versions.ok(view, view.manual().version());
    }

    /** @return 201 with the manual view; 400 not an IP, 409 already present */
    @POST
    @Path("{id:\\d+}/ips")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.VM_WRITE)
    public Response addIp(@PathParam("id") long id, IpInput input) {
        if (input == null) {
            throw ProblemException.invalid("ip_address", "is required");
        }
        ManualView view = manual.addIp(id, input.ipAddress(), Boolean.TRUE.equals(input.isPrimary()), input.label());
        return Response.status(Response.Status.CREATED).entity(view).build();
    }

    /** @return the manual view; 404 unknown VM or IP */
    @DELETE
    @Path("{id:\\d+}/ips/{ipId}")
    @RolesAllowed(Scopes.VM_WRITE)
    public ManualView removeIp(@PathParam("id") long id, @PathParam("ipId") long ipId) {
        return manual.removeIp(id, ipId);
    }

    /** @return the manual view; 400 bad tag */
    @POST
    @Path("{id:\\d+}/tags")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.VM_WRITE)
    public ManualView addTag(@PathParam("id") long id, TagInput input) {
        return manual.tags(List.of(id), List.of(input == null || input.tag() == null ? "" : input.tag()), List.of())
                .get(0);
    }

    /** @return the manual view */
    @DELETE
    @Path("{id:\\d+}/tags/{tag}")
    @RolesAllowed(Scopes.VM_WRITE)
    public ManualView removeTag(@PathParam("id") long id, @PathParam("tag") String tag) {
        return manual.tags(List.of(id), List.of(), List.of(tag)).get(0);
    }

    /** @return the manual view of each VM; all or nothing (404 for any unknown VM) */
    @POST
    @Path("tags/bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.VM_WRITE)
    public List<ManualView> bulkTags(BulkTags input) {
        if (input == null) {
            throw ProblemException.invalid("vm_ids", "is required");
        }
        return manual.tags(input.vmIds(), input.add(), input.remove());
    }

    /** @return the manual view; body {@code {"key": "value", "gone": null}} */
    @PATCH
    @Path("{id:\\d+}/custom-fields")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed(Scopes.VM_WRITE)
    public ManualView customFields(@PathParam("id") long id, JsonNode fields) {
        return manual.customFields(id, fields);
    }

    /** @return the manual view; admin only */
    @POST
    @Path("{id:\\d+}/technical-owner")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.ADMIN)
    public ManualView assignTechnicalOwner(@PathParam("id") long id, OwnerAssignment input) {
        return manual.assignTechnicalOwner(id, input == null ? null : input.ownerId());
    }

    /** Soft-deletes a VM (admin); {@code reason} optional. */
    @DELETE
    @Path("{id:\\d+}")
    @RolesAllowed(Scopes.ADMIN)
    public ManualView delete(@PathParam("id") long id, @QueryParam("reason") String reason) {
        return manual.softDelete(id, reason);
    }

    /** Restores a soft-deleted VM (admin). */
    @POST
    @Path("{id:\\d+}/restore")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Scopes.ADMIN)
    public ManualView restore(@PathParam("id") long id) {
        return manual.restore(id);
    }
}
