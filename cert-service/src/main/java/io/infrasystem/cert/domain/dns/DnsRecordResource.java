package io.infrasystem.cert.domain.dns;

import io.infrasystem.commons.paging.Page;
import io.infrasystem.commons.security.Scopes;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code /api/cert/dns-records} (current records) and {@code /api/cert/dns-record-changes} (their
 * history), each with {@code export.csv}; {@code cert:read}. Filters as {@link DnsRecords}.
 */
@Path("/api/cert")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class DnsRecordResource {

    private final DnsRecords records;

    public DnsRecordResource(DnsRecords records) {
        this.records = records;
    }

    /** @return a page of current records */
    @GET
    @Path("dns-records")
    @RolesAllowed(Scopes.CERT_READ)
    public Page<DnsRecordDto> list(@Context UriInfo uri) {
        return records.records(uri);
    }

    /** @return every matching record as CSV */
    @GET
    @Path("dns-records/export.csv")
    @Produces("text/csv")
    @RolesAllowed(Scopes.CERT_READ)
    public Response export(@Context UriInfo uri) {
        return records.recordsCsv(uri.getQueryParameters());
    }

    /** @return a page of record changes, newest first */
    @GET
    @Path("dns-record-changes")
    @RolesAllowed(Scopes.CERT_READ)
    public Page<DnsRecordChangeDto> changes(@Context UriInfo uri) {
        return records.changes(uri);
    }

    /** @return every matching change as CSV */
    @GET
    @Path("dns-record-changes/export.csv")
    @Produces("text/csv")
    @RolesAllowed(Scopes.CERT_READ)
    public Response exportChanges(@Context UriInfo uri) {
        return records.changesCsv(uri.getQueryParameters());
    }
}
