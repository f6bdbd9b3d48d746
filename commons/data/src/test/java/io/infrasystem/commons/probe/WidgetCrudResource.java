package io.infrasystem.commons.probe;

import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.crud.CrudKind;
import io.infrasystem.commons.crud.CrudResource;
import io.infrasystem.commons.crud.CrudScopes;
import io.infrasystem.commons.crud.EntityCrudService;
import io.infrasystem.commons.crud.Versioned;
import io.infrasystem.commons.filter.FilterField;
import io.infrasystem.commons.http.MergePatch;
import io.infrasystem.commons.security.Scopes;
import io.quarkus.security.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The probe service's widgets on the CRUD kernel, declared as a service declares its resources
 * ({@code @Path}, {@code @Authenticated}, {@code @Produces}, {@link CrudScopes}, the service), plus two endpoints of its own: {@code count}
 * (any signed-in caller) and {@code count/admin} (the delete scope).
 */
@Path("/api/probe/crud/widgets")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@CrudScopes(read = Scopes.INVENTORY_READ, write = Scopes.INVENTORY_WRITE, delete = Scopes.ADMIN)
public class WidgetCrudResource extends CrudResource<WidgetCrudResource.View, WidgetCrudResource.Input> {

    /** A widget as the API shows it. */
    public record View(long id, String name, int sizeU, long version) implements Versioned {}

    /** A widget as the API takes it. */
    public record Input(@NotBlank String name, int sizeU) {}

    /**
     * Widgets on the kernel, filtered by {@code name} and the kernel's fields; names are unique in
     * any case, and a widget named {@code a} cannot be deleted while parts named {@code a/…} exist.
     */
    @ApplicationScoped
    public static class Service extends EntityCrudService<Widget, View, Input> {

        public Service(ChangeRecorder changes, MergePatch mergePatch) {
            super(
                    changes,
                    mergePatch,
                    CrudKind.of("widget", Widget.class, Input.class)
                            .listedBy(CrudKind.filters("w", "name").fields(FilterField::text, "name"))
                            .entity(
                                    Widget::new,
                                    w -> new View(w.id, w.name, w.sizeU, w.version),
                                    w -> new Input(w.name, w.sizeU))
                            .deletableUnless(
                                    "select count(p) from Widget p"
                                            + " where p.name like concat((select w.name from Widget w where w.id = :id), '/%')",
                                    (w, n) -> "widget " + w.name + " has " + n + " part(s)"));
        }

        @Override
        protected void apply(Widget widget, Input input) {
            refuseTaken(widget, "name", input.name(), "a widget named " + input.name() + " exists already");
            widget.name = input.name();
            widget.sizeU = input.sizeU();
        }
    }

    public WidgetCrudResource(Service service) {
        super(service);
    }

    /** @return how many widgets there are; any signed-in caller */
    @GET
    @Path("count")
    public long count() {
        return Widget.count();
    }

    /** @return the same; callers with the delete scope only */
    @GET
    @Path("count/admin")
    @CrudScopes.Needs(CrudScopes.Access.DELETE)
    public long adminCount() {
        return Widget.count();
    }
}
