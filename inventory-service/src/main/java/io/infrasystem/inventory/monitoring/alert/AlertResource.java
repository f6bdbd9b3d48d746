package io.infrasystem.inventory.monitoring.alert;

import io.infrasystem.commons.audit.AuditEntry;
import io.infrasystem.commons.http.Versions;
import io.infrasystem.commons.paging.Page;
import io.infrasystem.commons.security.Scopes;
import io.infrasystem.inventory.monitoring.poll.ZabbixPoller;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * {@code /api/inventory/alerts}: the alert inbox. Viewers list ({@code status severity source site_id
 * config_id entity_ref assignee zabbix_event_id opened_at resolved_at q ordering limit offset}; newest
 * first) and read an alert and its history; editors acknowledge ({@code {"comment"}}; 409 unless open;
 * a Zabbix alert's acknowledgement is sent to Zabbix at once, or by the next poll while Zabbix is
 * down) and assign ({@code {"assignee"}}, blank unassigns). Writes take an optional {@code If-Match}.
 */
@Path("/api/inventory/alerts")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

    private final AlertService alerts;
    private final ZabbixPoller poller;

    public AlertResource(AlertService alerts, ZabbixPoller poller) {
        this.alerts = alerts;
        this.poller = poller;
    }

    @GET
    @RolesAllowed(Scopes.INVENTORY_READ)
    public Page<AlertDto> list(@Context UriInfo uri) {
        return alerts.list(uri);
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Scopes.INVENTORY_READ)
    public Response get(@PathParam("id") long id) {
        AlertDto alert = alerts.get(id);
        return Versions.ok(alert, alert.version());
    }

    /** @return the alert's audit entries, oldest first */
    @GET
    @Path("{id}/history")
    @RolesAllowed(Scopes.INVENTORY_READ)
    public List<AuditEntry> history(@PathParam("id") long id) {
        return alerts.history(id);
    }

    @POST
    @Path("{id}/acknowledge")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Scopes.INVENTORY_WRITE)
    public Response acknowledge(
            @PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, @Valid AcknowledgeInput input) {
        AlertDto alert = alerts.acknowledge(id, input, ifMatch);
        if (alert.ackPending() && alert.configId() != null) {
            poller.acknowledgeSoon(alert.configId());
        }
        return Versions.ok(alert, alert.version());
    }

    @POST
    @Path("{id}/assign")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.INVENTORY_WRITE)
    public Response assign(
            @PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, @Valid AssignInput input) {
        AlertDto alert = alerts.assign(id, input, ifMatch);
        return Versions.ok(alert, alert.version());
    }
}
