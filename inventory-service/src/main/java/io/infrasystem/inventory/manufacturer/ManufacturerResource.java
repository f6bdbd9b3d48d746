package io.infrasystem.inventory.manufacturer;

import io.infrasystem.inventory.common.CrudResource;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /api/inventory/manufacturers}: hardware brands; viewers read, editors write, admins delete.
 * Filters: {@code id name slug q ordering limit offset}.
 */
@Path("/api/inventory/manufacturers")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ManufacturerResource extends CrudResource<ManufacturerDto, ManufacturerInput> {

    public ManufacturerResource(ManufacturerService service) {
        super(service);
    }
}
