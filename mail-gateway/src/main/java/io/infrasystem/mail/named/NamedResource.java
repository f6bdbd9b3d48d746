package io.infrasystem.mail.named;

import io.infrasystem.commons.crud.CrudService;
import io.infrasystem.commons.http.Versions;
import io.infrasystem.commons.paging.Page;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.commons.security.Scopes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The endpoints of mail's named resources (channels, templates), written once over a commons
 * {@link CrudService}: {@code GET} list (filters, {@code q}, {@code ordering},
 * {@code limit}/{@code offset}) and {@code GET /{id}} with {@code ETag} for anyone who may send or
 * read the log; {@code POST} (201 with {@code Location} and {@code ETag}), {@code PUT /{id}} and
 * {@code DELETE /{id}} (204) with an optional {@code If-Match} for administrators. Errors are the
 * service's problem details: 400 naming invalid fields (a missing body is {@code body}), 404, 409
 * for a taken name, 412 for a stale {@code If-Match}.
 *
 * <p>A subclass declares the class-level {@code @Path}, {@code @Produces}, {@code @Consumes} and
 * {@code @Authenticated}, passes its service, and may add endpoints of its own.
 *
 * @param <D> the view, whose version is the ETag
 * @param <I> the input of create and replace
 */
public abstract class NamedResource<D extends NamedView, I> {

    private final CrudService<D, I> service;

    /** @param service the operations behind the endpoints */
    protected NamedResource(CrudService<D, I> service) {
        this.service = service;
    }

    /** @return a page of the resources matching the request's filters */
    @GET
    @RolesAllowed({Scopes.MAIL_SEND, Scopes.VIEWER, Scopes.EDITOR, Scopes.ADMIN})
    public Page<D> list(@Context UriInfo uri) {
        return service.list(uri).map(this::shown);
    }

    /**
     * What a reader is shown of a resource: the view itself here; a subclass may hide fields from
     * some callers (channels hide their URL from non-administrators).
     *
     * @param view the stored resource
     * @return the view to answer with
     */
    protected D shown(D view) {
        return view;
    }

    /**
     * @return the resource, ETag = version
     * @throws ProblemException 404 when unknown
     */
    @GET
    @Path("{id}")
    @RolesAllowed({Scopes.MAIL_SEND, Scopes.VIEWER, Scopes.EDITOR, Scopes.ADMIN})
    public Response get(@PathParam("id") long id) {
        D view = service.get(id);
        return Versions.ok(shown(view), view.version());
    }

    /**
     * @return 201 with the resource, its {@code Location} and ETag
     * @throws ProblemException 400 naming invalid fields, 409 for a taken name
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.ADMIN)
    public Response create(I input, @Context UriInfo uri) {
        D view = service.create(input);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(Long.toString(view.id()))
                        .build())
                .entity(view)
                .tag(Versions.etag(view.version()))
                .build();
    }

    /**
     * Replaces a resource.
     *
     * @return the stored resource, ETag = its new version
     * @throws ProblemException 400, 404, 409 (name taken), 412 (stale If-Match)
     */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.ADMIN)
    public Response replace(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, I input) {
        D view = service.update(id, input, ifMatch);
        return Versions.ok(view, view.version());
    }

    /**
     * Deletes a resource.
     *
     * @return 204
     * @throws ProblemException 404, 412 (stale If-Match)
     */
    @DELETE
    @Path("{id}")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Scopes.ADMIN)
    public Response delete(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
        return Response.noContent().build();
    }
}
