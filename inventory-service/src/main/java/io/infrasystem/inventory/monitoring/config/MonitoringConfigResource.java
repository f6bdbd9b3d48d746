package io.infrasystem.inventory.monitoring.config;

import io.infrasystem.commons.crud.CrudResource;
import io.infrasystem.commons.crud.CrudScopes;
import io.infrasystem.commons.security.Scopes;
import io.infrasystem.inventory.monitoring.poll.PollStates;
import io.infrasystem.inventory.monitoring.poll.PollStatusDto;
import io.infrasystem.inventory.monitoring.poll.ZabbixPoller;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /api/inventory/monitoring/configs}: the Zabbix connection of each site; viewers read,
 * editors write, admins delete. Secrets ({@code api_token}, {@code password}) are write-only.
 * Filters: {@code id created_at updated_at site site_id enabled q ordering limit offset}. Actions:
 * {@code GET /{id}/status} (connection status), {@code POST /{id}/test} ("test connection":
 * {@code apiinfo.version} and an authenticated call), {@code POST /{id}/poll} (poll now); both
 * answer the status afterwards, 200 also when Zabbix is down (the status says so).
 */
@Path("/api/inventory/monitoring/configs")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@CrudScopes(read = Scopes.INVENTORY_READ, write = Scopes.INVENTORY_WRITE, delete = Scopes.ADMIN)
public class MonitoringConfigResource extends CrudResource<MonitoringConfigDto, MonitoringConfigInput> {

    private final MonitoringConfigService configs;
    private final ZabbixPoller poller;
    private final PollStates states;

    public MonitoringConfigResource(MonitoringConfigService configs, ZabbixPoller poller, PollStates states) {
        super(configs);
        this.configs = configs;
        this.poller = poller;
        this.states = states;
    }

    /** @return the connection's status; 404 when there is no such connection */
    @GET
    @Path("{id}/status")
    @CrudScopes.Needs(CrudScopes.Access.READ)
    public PollStatusDto status(@PathParam("id") long id) {
        configs.get(id);
        return states.of(id).dto();
    }

    /** @return the status after a connection test; 404 when there is no such connection */
    @POST
    @Path("{id}/test")
    @Consumes(MediaType.WILDCARD)
    @CrudScopes.Needs(CrudScopes.Access.WRITE)
    public PollStatusDto test(@PathParam("id") long id) {
        return poller.test(id);
    }

    /** @return the status after polling now; 404 when there is no such connection */
    @POST
    @Path("{id}/poll")
    @Consumes(MediaType.WILDCARD)
    @CrudScopes.Needs(CrudScopes.Access.WRITE)
    public PollStatusDto poll(@PathParam("id") long id) {
        return poller.poll(id);
    }
}
