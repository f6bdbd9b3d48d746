package io.infrasystem.mail.template;

import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.commons.security.Scopes;
import io.infrasystem.mail.named.NamedResource;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Qute email templates over HTTP: list and read (anyone who may send or read the log), create,
 * replace and delete (administrators; {@link NamedResource}), and preview with variables. The
 * work is done by {@link TemplateService}.
 */
@Path("/api/mail/templates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class TemplateResource extends NamedResource<TemplateViews.View, TemplateViews.Input> {

    private final TemplateService templates;

    public TemplateResource(TemplateService templates) {
        super(templates);
        this.templates = templates;
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
