package io.infrasystem.project.client;

import io.infrasystem.commons.crud.CrudScopes;
import io.infrasystem.commons.crud.CsvDownload;
import io.infrasystem.commons.crud.ExportableCrudResource;
import io.infrasystem.commons.security.Scopes;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;

/**
 * {@code /api/project/clients}: clients; {@code project:read} reads (a non-admin only the clients of
 * assigned projects), admins write and delete. Filters: {@code id created_at updated_at name
 * contact_name contact_email q ordering limit offset}. {@code GET …/export.csv} with the same
 * filters.
 */
@Path("/api/project/clients")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@CrudScopes(read = Scopes.PROJECT_READ, write = Scopes.ADMIN, delete = Scopes.ADMIN)
public class ClientResource extends ExportableCrudResource<ClientDto, ClientInput> {

    static final List<String> HEADER = List.of(
            "id", "name", "contact_name", "contact_email", "contact_phone", "notes", "created_at", "updated_at");

    public ClientResource(ClientService clients) {
        super(
                clients,
                query -> CsvDownload.of(
                        "clients.csv",
                        HEADER,
                        clients.selection(query).reader(Client.class),
                        c -> Arrays.asList(
                                c.id,
                                c.name,
                                c.contactName,
                                c.contactEmail,
                                c.contactPhone,
                                c.notes,
                                c.createdAt,
                                c.updatedAt)));
    }
}
