package io.infrasystem.mail.template;

import io.infrasystem.commons.http.Versions;
import io.infrasystem.commons.paging.Page;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.commons.security.Scopes;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Qute email templates over HTTP: list and read (anyone who may send or read the log), create,
 * replace and delete (administrators), and preview with variables. The work is done by
 * {@link TemplateService}.
 */
@Path("/api/mail/templates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class TemplateResource {

    private final TemplateService templates;

    public TemplateResource(TemplateService templates) {
        this.templates = templates;
    }

    /** @return a page of templates; filters {@code id}, {@code name}, {@code updated_at}, {@code q} */
    @GET
    @RolesAllowed({Scopes.MAIL_SEND, Scopes.VIEWER, Scopes.EDITOR, Scopes.ADMIN})
    public Page<TemplateViews.View> list(@Context UriInfo uri) {
        return templates.list(uri);
    }

    /** @return the template, ETag = version; 404 when unknown */
    @GET
    @Path("{id}")
    @RolesAllowed({Scopes.MAIL_SEND, Scopes.VIEWER, Scopes.EDITOR, Scopes.ADMIN})
    public Response get(@PathParam("id") long id) {
        TemplateViews.View view = templates.get(id);
        return Versions.ok(view, view.version());
    }

    /**
     * @return 201 with the template
     * @throws ProblemException 400 naming invalid fields (a source that is not valid Qute), 409 for a taken name
     */
    @POST
    @RolesAllowed(Scopes.ADMIN)
    public Response create(TemplateViews.Input input, @Context UriInfo uri) {
        TemplateViews.View view = templates.create(input);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(Long.toString(view.id()))
                        .build())
                .entity(view)
                .tag(Versions.etag(view.version()))
                .build();
    }

    /**
     * Replaces a template; its version grows by one.
     *
     * @throws ProblemException 400, 404, 409 (name taken), 412 (stale If-Match)
     */
    @PUT
    @Path("{id}")
    @RolesAllowed(Scopes.ADMIN)
    public Response replace(
            @PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, TemplateViews.Input input) {
        TemplateViews.View view = templates.replace(id, ifMatch, input);
        return Versions.ok(view, view.version());
    }

    /** Deletes a template (messages keep the content rendered from it); 404, 412. */
    @DELETE
    @Path("{id}")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Scopes.ADMIN)
    public Response delete(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch) {
        templates.delete(id, ifMatch);
        return Response.noContent().build();
    }

    /**
     * Renders the stored template with the given variables without sending anything.
     *
     * @return the rendered subject, text and HTML
     * @throws ProblemException 404, 400 on {@code variables} when a value the template uses is missing
     */
    @POST
    @Path("{id}/preview")
    @RolesAllowed({Scopes.MAIL_SEND, Scopes.EDITOR, Scopes.ADMIN})
    public TemplateViews.Preview preview(@PathParam("id") long id, TemplateViews.PreviewRequest request) {
        return templates.preview(id, request == null ? null : request.variables());
    }
}
