package io.infrasystem.commons.crud;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * A {@link CrudResource} that also answers {@code GET <collection>/export.csv} with the list's
 * filters (read scope), through the {@link CsvExport} it is given.
 *
 * @param <D> the DTO
 * @param <I> the input record
 */
public abstract class ExportableCrudResource<D extends Versioned, I> extends CrudResource<D, I> {

    private final CsvExport export;

    /**
     * @param service the operations behind the endpoints
     * @param export the CSV export of the collection
     */
    protected ExportableCrudResource(CrudService<D, I> service, CsvExport export) {
        super(service);
        this.export = export;
    }

    /** @return every match of the list's filters as CSV (see {@link CsvExport#download}) */
    @GET
    @Path("export.csv")
    @Produces("text/csv")
    @CrudScopes.Needs(CrudScopes.Access.READ)
    public Response export(@Context UriInfo uri) {
        return export.download(uri.getQueryParameters());
    }
}
