package io.infrasystem.commons.problem;

import io.infrasystem.commons.filter.FilterField;
import io.infrasystem.commons.filter.FilterSpec;
import io.infrasystem.commons.http.Versions;
import io.infrasystem.commons.paging.Page;
import io.infrasystem.commons.paging.PageRequest;
import io.infrasystem.commons.security.Scopes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
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
import java.util.List;
import java.util.stream.LongStream;

/** A resource that exercises every problem mapping, for the tests of commons-rest only. */
@Path("/probe")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProbeResource {

    public record Item(
            @NotBlank String itemName, @Min(1) @Max(48) int uHeight, Face face) {}

    public enum Face {
        FRONT,
        REAR
    }

    static final FilterSpec FILTERS =
            FilterSpec.builder("id").field(FilterField.integer("id", "id")).build();

    @POST
    @Path("items")
    public Response create(@Valid Item item) {
        return Response.status(201).entity(item).build();
    }

    @GET
    @Path("items")
    public Page<Long> list(@Context UriInfo uri) {
        FILTERS.parse(uri.getQueryParameters());
        PageRequest page = PageRequest.from(uri.getQueryParameters());
        List<Long> all = LongStream.rangeClosed(1, 120).boxed().toList();
        int from = (int) Math.min(page.offset(), all.size());
        return Page.of(all.subList(from, Math.min(all.size(), from + page.limit())), all.size(), page, uri);
    }

    @GET
    @Path("items/{id}")
    public Item get(@PathParam("id") long id) {
        if (id != 1) {
            throw ProblemException.notFound("item", id);
        }
        return new Item("web", 2, Face.FRONT);
    }

    @PUT
    @Path("items/1")
    public Item replace(@HeaderParam("If-Match") String ifMatch, Item item) {
        Versions.checkIfMatch(ifMatch, 3);
        return item;
    }

    @POST
    @Path("conflict")
    @Consumes(MediaType.WILDCARD)
    public void conflict() {
        throw ProblemException.conflict("item web already occupies U10-U11");
    }

    @GET
    @Path("boom")
    public void boom() {
        throw new IllegalStateException("secret internal detail");
    }

    @GET
    @Path("secure")
    @RolesAllowed(Scopes.VM_WRITE)
    public String secure() {
        return "\"ok\"";
    }
}
