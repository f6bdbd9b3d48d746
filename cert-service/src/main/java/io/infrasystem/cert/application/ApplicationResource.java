package io.infrasystem.cert.application;

import io.infrasystem.commons.crud.CrudResource;
import io.infrasystem.commons.crud.CrudScopes;
import io.infrasystem.commons.security.Scopes;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /api/cert/applications}: applications; {@code cert:read} reads, {@code cert:write} writes. Filters as {@link ApplicationService}. */
@Path("/api/cert/applications")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@CrudScopes(read = Scopes.CERT_READ, write = Scopes.CERT_WRITE, delete = Scopes.CERT_WRITE)
public class ApplicationResource extends CrudResource<ApplicationDto, ApplicationInput> {

    public ApplicationResource(ApplicationService service) {
        super(service);
    }
}
