package io.infrasystem.commons.crud;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Authorizes the endpoints of every {@link CrudResource}: an anonymous caller is refused on every
 * endpoint of one, the kernel's and those a subclass adds (Quarkus applies the class-level
 * {@code @Authenticated} of {@link CrudResource} only to the methods declared there, as JSR-250
 * says), and the access an endpoint needs ({@link CrudScopes.Needs}) is checked against the scopes
 * its resource class declares ({@link CrudScopes}), through the request's {@link SecurityIdentity}.
 * Runs after authentication and before the body is read or validated, as {@code @RolesAllowed}
 * does: an anonymous caller is refused with {@link UnauthorizedException} (401), a caller without
 * the scope with {@link ForbiddenException} (403); the suite's exception mappers answer both with
 * {@code application/problem+json}.
 */
@ApplicationScoped
public class CrudScopeFilter {

    private final SecurityIdentity identity;

    public CrudScopeFilter(SecurityIdentity identity) {
        this.identity = identity;
    }

    /**
     * @param resource the matched resource class and method
     * @throws UnauthorizedException when the caller of a {@link CrudResource} is anonymous
     * @throws ForbiddenException when the caller lacks the scope, or the resource declares none
     */
    @ServerRequestFilter
    public void authorize(ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        CrudScopes.Needs needs = method == null ? null : method.getAnnotation(CrudScopes.Needs.class);
        boolean crud =
                resource.getResourceClass() != null && CrudResource.class.isAssignableFrom(resource.getResourceClass());
        if (needs == null && !crud) {
            return;
        }
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        if (needs == null) {
            return;
        }
        CrudScopes scopes = resource.getResourceClass().getAnnotation(CrudScopes.class);
        if (scopes == null || !identity.hasRole(needs.value().scope(scopes))) {
            throw new ForbiddenException();
        }
    }
}
