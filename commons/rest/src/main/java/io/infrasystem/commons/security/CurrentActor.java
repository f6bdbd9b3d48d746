package io.infrasystem.commons.security;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Resolves the {@link Actor} of the code being run: the principal of the internal token inside
 * an authenticated request, or a system actor outside any request (jobs, consumers).
 */
@ApplicationScoped
public class CurrentActor {

    private final Instance<SecurityIdentity> identity;

    @Inject
    public CurrentActor(Instance<SecurityIdentity> identity) {
        this.identity = identity;
    }

    /**
     * @param systemJob name to use when no person or key is behind the current code
     * @return the actor to record
     */
    public Actor resolve(String systemJob) {
        if (!Arc.container().requestContext().isActive()) {
            return Actor.system(systemJob);
        }
        SecurityIdentity current = identity.get();
        if (current == null || current.isAnonymous()) {
            return Actor.system(systemJob);
        }
        ActorType type = ActorType.USER;
        if (current.getPrincipal() instanceof JsonWebToken jwt) {
            Object claim = jwt.getClaim(InternalToken.PRINCIPAL_TYPE_CLAIM);
            type = ActorType.fromClaim(
                    claim instanceof jakarta.json.JsonString text
                            ? text.getString()
                            : claim == null ? null : claim.toString());
        }
        return new Actor(current.getPrincipal().getName(), type);
    }
}
