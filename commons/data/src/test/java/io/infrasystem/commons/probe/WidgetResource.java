package io.infrasystem.commons.probe;

import io.infrasystem.commons.audit.Change;
import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.commons.security.Scopes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Writes of the probe service, each through the change hook. */
@Path("/api/probe/widgets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WidgetResource {

    public record WidgetInput(String name, int sizeU) {}

    @Inject
    ChangeRecorder changes;

    @POST
    @Transactional
    @RolesAllowed(Scopes.INVENTORY_WRITE)
    public Widget.Dto create(WidgetInput input) {
        Widget widget = new Widget();
        widget.name = input.name();
        widget.sizeU = input.sizeU();
        widget.persistAndFlush();
        changes.record(Change.created("widget", widget.id, widget.dto()));
        if (input.name().startsWith("fail")) {
            throw ProblemException.conflict("refused after recording: everything must roll back");
        }
        return widget.dto();
    }

    @PUT
    @Path("{id}")
    @Transactional
    @RolesAllowed(Scopes.INVENTORY_WRITE)
    public Widget.Dto update(@PathParam("id") long id, WidgetInput input) {
        Widget widget = Widget.<Widget>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("widget", id));
        Widget.Dto before = widget.dto();
        widget.name = input.name();
        widget.sizeU = input.sizeU();
        widget.flush();
        changes.record(Change.updated("widget", id, before, widget.dto()));
        return widget.dto();
    }
}
