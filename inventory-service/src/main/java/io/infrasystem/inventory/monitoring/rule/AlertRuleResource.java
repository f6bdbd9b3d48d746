package io.infrasystem.inventory.monitoring.rule;

import io.infrasystem.commons.crud.CrudResource;
import io.infrasystem.commons.crud.CrudScopes;
import io.infrasystem.commons.security.Scopes;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /api/inventory/alert-rules}: which alerts go to which channels; viewers read, editors
 * write, admins delete. Filters: {@code id created_at updated_at name enabled site site_id q ordering
 * limit offset}.
 */
@Path("/api/inventory/alert-rules")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@CrudScopes(read = Scopes.INVENTORY_READ, write = Scopes.INVENTORY_WRITE, delete = Scopes.ADMIN)
public class AlertRuleResource extends CrudResource<AlertRuleDto, AlertRuleInput> {

    public AlertRuleResource(AlertRuleService service) {
        super(service);
    }
}
