package io.infrasystem.inventory.csv;

import io.infrasystem.commons.security.Scopes;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code POST /api/inventory/import/{kind}?dry_run=true|false} (admins), kind one of
 * {@link CsvTables} ({@code assets}, {@code racks}, {@code models}); the body is the CSV file ({@code text/csv}, UTF-8). Answers the
 * counts, or 400 with every bad line, column and message; nothing is written unless every row is
 * good and {@code dry_run} is false. Bodies above {@code quarkus.http.limits.max-body-size} are 413.
 */
@Path("/api/inventory/import")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class CsvImportResource {

    private final CsvTables tables;
    private final CsvImporter importer;

    public CsvImportResource(CsvTables tables, CsvImporter importer) {
        this.tables = tables;
        this.importer = importer;
    }

    @POST
    @Path("{kind}")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @RolesAllowed(Scopes.ADMIN)
    public ImportResult importCsv(
            @PathParam("kind") String kind, @QueryParam("dry_run") @DefaultValue("false") boolean dryRun, byte[] body) {
        return importer.importCsv(tables.of(kind), body, dryRun);
    }
}
