package io.infrasystem.inventory.common;

import io.infrasystem.commons.http.Versions;
import jakarta.ws.rs.core.Response;

/** Responses that carry a resource's version as a strong {@code ETag}. */
public final class Etags {

    private Etags() {
    }

    /**
     * @param body the resource's DTO
     * @param version its version
     * @return 200 with the body and {@code ETag: "<version>"}
     */
    public static Response ok(Object body, long version) {
        return Response.ok(body).tag(Versions.etag(version)).build();
    }

    /**
     * @param body the created resource's DTO
     * @param version its version
     * @return 201 with the body and its {@code ETag}
     */
    public static Response created(Object body, long version) {
        return Response.status(Response.Status.CREATED).entity(body).tag(Versions.etag(version)).build();
    }
}
