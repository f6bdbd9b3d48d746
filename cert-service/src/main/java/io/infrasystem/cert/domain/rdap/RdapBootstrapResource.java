package io.infrasystem.cert.domain.rdap;

import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.commons.problem.ProblemKind;
import io.infrasystem.commons.security.Scopes;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/**
 * {@code /api/cert/rdap/bootstrap}: the IANA bootstrap file in use ({@code GET}, {@code cert:read})
 * and its refresh from {@code infra.cert.rdap.bootstrap-url} ({@code POST …/refresh}, admin; 502
 * naming the cause when the file cannot be read, and the old file stays).
 */
@Path("/api/cert/rdap/bootstrap")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class RdapBootstrapResource {

    private final RdapBootstrap bootstrap;

    public RdapBootstrapResource(RdapBootstrap bootstrap) {
        this.bootstrap = bootstrap;
    }

    /**
     * The bootstrap file as the API shows it.
     *
     * @param publication its {@code publication}
     * @param description its {@code description}
     * @param source where it was read from
     * @param loadedAt when
     * @param tldCount how many TLDs it names a server for
     */
    public record BootstrapDto(String publication, String description, String source, Instant loadedAt, int tldCount) {
        static BootstrapDto of(RdapBootstrap.Snapshot s) {
            return new BootstrapDto(
                    s.publication(),
                    s.description(),
                    s.source(),
                    s.loadedAt(),
                    s.servers().size());
        }
    }

    /** @return the file in use */
    @GET
    @RolesAllowed(Scopes.CERT_READ)
    public BootstrapDto get() {
        return BootstrapDto.of(bootstrap.current());
    }

    /** @return the new file in use; 502 when it could not be read */
    @POST
    @Path("refresh")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Scopes.ADMIN)
    public BootstrapDto refresh() {
        try {
            return BootstrapDto.of(bootstrap.refresh());
        } catch (RdapFailure e) {
            throw new ProblemException(
                    ProblemKind.BAD_GATEWAY,
                    "the RDAP bootstrap file " + e.url() + " could not be used ("
                            + e.result().wire() + "): " + e.getMessage(),
                    List.of());
        }
    }
}
