package io.infrasystem.commons.crud;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrasystem.commons.paging.Page;
import jakarta.ws.rs.core.UriInfo;

/**
 * The operations behind a {@link CrudResource}, each one transaction. Implementations record
 * every write through the change hook ({@link io.infrasystem.commons.audit.ChangeRecorder});
 * {@link EntityCrudService} is the usual one.
 *
 * @param <D> the DTO returned
 * @param <I> the input taken by create and update
 */
public interface CrudService<D extends Versioned, I> {

    /** @return a page matching the request's filters; 400 for unknown or malformed ones */
    Page<D> list(UriInfo uri);

    /** @return the resource; 404 when it does not exist */
    D get(long id);

    /** @return the created resource; 400 for invalid input, 409 for a duplicate */
    D create(I input);

    /** @return the updated resource; 404, 400, 409 as create, 412 when {@code ifMatch} is stale */
    D update(long id, I input, String ifMatch);

    /** @return the resource after the JSON Merge Patch; errors as update */
    D patch(long id, JsonNode patch, String ifMatch);

    /** Deletes; 404, 409 while other resources refer to it, 412 when {@code ifMatch} is stale. */
    void delete(long id, String ifMatch);
}
