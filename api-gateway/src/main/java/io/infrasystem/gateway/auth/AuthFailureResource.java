package io.infrasystem.gateway.auth;

import io.infrasystem.commons.filter.FilterField;
import io.infrasystem.commons.filter.FilterSpec;
import io.infrasystem.commons.filter.QueryFilter;
import io.infrasystem.commons.paging.Page;
import io.infrasystem.commons.paging.PageRequest;
import io.infrasystem.commons.security.Scopes;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code GET /api/gateway/auth-failures}: refused credentials, newest first, for administrators.
 * Filters: {@code credential_type}, {@code reason}, {@code credential_hint}, {@code client_ip},
 * {@code path}, {@code occurred_at__gte/__lt}; {@code q}; {@code limit/offset}.
 */
@Path("/api/gateway/auth-failures")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AuthFailureResource {

    private static final FilterSpec FILTERS = FilterSpec.builder("f.id")
            .field(FilterField.text("credential_type", "f.credentialType"))
            .field(FilterField.text("reason", "f.reason"))
            .field(FilterField.text("credential_hint", "f.credentialHint"))
            .field(FilterField.text("client_ip", "f.clientIp"))
            .field(FilterField.text("path", "f.path"))
            .field(FilterField.timestamp("occurred_at", "f.occurredAt"))
            .search("f.reason", "f.path", "f.credentialHint")
            .defaultOrdering("-occurred_at")
            .build();

    /** @return a page of failures */
    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    @RolesAllowed(Scopes.ADMIN)
    public Page<AuthFailure.Dto> list(@Context UriInfo uri) {
        PageRequest page = PageRequest.from(uri.getQueryParameters());
        QueryFilter filter = FILTERS.parse(uri.getQueryParameters());
        var query =
                AuthFailure.<AuthFailure>find("from AuthFailure f where " + filter.whereOrdered(), filter.parameters());
        long count = query.count();
        var results = query.range((int) page.offset(), (int) page.offset() + page.limit() - 1)
                .list();
        return Page.of(results.stream().map(AuthFailure::dto).toList(), count, page, uri);
    }
}
