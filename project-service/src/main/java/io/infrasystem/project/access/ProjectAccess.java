package io.infrasystem.project.access;

import io.infrasystem.commons.security.ActorType;
import io.infrasystem.commons.security.InternalToken;
import io.infrasystem.commons.security.Scopes;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Reads the caller of the current request from the gateway's internal token (as every service does,
 * through the request's {@link SecurityIdentity}) and tells whose project assignments apply: a
 * person's own ({@code preferred_username}, the token's principal name), an API key's owner (the
 * {@value InternalToken#ACTS_FOR_CLAIM} claim the gateway adds for keys). Holders of {@code admin}
 * see every project.
 */
@ApplicationScoped
public class ProjectAccess {

    private final SecurityIdentity identity;

    public ProjectAccess(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** @return the current caller's visibility; a caller without a user sees nothing */
    public Viewer viewer() {
        if (identity.isAnonymous()) {
            return new Viewer(false, null);
        }
        if (identity.hasRole(Scopes.ADMIN)) {
            return new Viewer(true, identity.getPrincipal().getName());
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt
                && ActorType.fromClaim(text(jwt.getClaim(InternalToken.PRINCIPAL_TYPE_CLAIM))) == ActorType.API_KEY) {
            String owner = text(jwt.getClaim(InternalToken.ACTS_FOR_CLAIM));
            return new Viewer(false, owner == null || owner.isBlank() ? null : owner);
        }
        return new Viewer(false, identity.getPrincipal().getName());
    }

    private static String text(Object claim) {
        return claim instanceof JsonString json ? json.getString() : claim == null ? null : claim.toString();
    }
}
