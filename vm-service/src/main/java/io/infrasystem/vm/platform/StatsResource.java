package io.infrasystem.vm.platform;

import io.infrasystem.commons.security.Scopes;
import io.infrasystem.vm.platform.StatsQuery.Stats;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/vm/stats}: the dashboard figures of {@link StatsQuery}. */
@Path("/api/vm/stats")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    private final StatsQuery stats;

    public StatsResource(StatsQuery stats) {
        this.stats = stats;
    }

    /** @return the dashboard figures */
    @GET
    @RolesAllowed(Scopes.VM_READ)
    public Stats stats() {
        return stats.stats();
    }
}
