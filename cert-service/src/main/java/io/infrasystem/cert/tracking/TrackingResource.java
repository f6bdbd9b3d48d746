package io.infrasystem.cert.tracking;

import io.infrasystem.commons.crud.CrudResource;
import io.infrasystem.commons.crud.CrudScopes;
import io.infrasystem.commons.security.Scopes;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /api/cert/tracking}: lifecycle entries of certificates; {@code cert:read} reads, {@code cert:write} writes. Filters as {@link TrackingService}. */
@Path("/api/cert/tracking")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@CrudScopes(read = Scopes.CERT_READ, write = Scopes.CERT_WRITE, delete = Scopes.CERT_WRITE)
public class TrackingResource extends CrudResource<TrackingDto, TrackingInput> {

    public TrackingResource(TrackingService service) {
        super(service);
    }
}
