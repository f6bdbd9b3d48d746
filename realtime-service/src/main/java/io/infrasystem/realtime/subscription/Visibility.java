package io.infrasystem.realtime.subscription;

import io.infrasystem.commons.security.ActorType;
import io.infrasystem.commons.security.InternalToken;
import io.infrasystem.commons.security.Scopes;
import io.infrasystem.realtime.config.RealtimeConfig;
import io.infrasystem.realtime.event.LiveEvent;
import io.infrasystem.realtime.project.ProjectMembers;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Decides which event types a caller may receive (DESIGN.md §2): holders of {@code events:read}
 * (viewers and up, API keys with that scope) receive every type except the admin-only ones
 * ({@code mail.*}, {@code gateway.*} by default); {@code admin} receives everything. Events of
 * project-service ({@code project.*}) reach only administrators and the members of the event's
 * project ({@code project_id} in its data, membership from {@link ProjectMembers}); an API key
 * counts as its owner ({@code acts_for}); an event without a project (a client's) is for
 * administrators.
 */
@ApplicationScoped
public class Visibility {

    private final List<TypePattern> adminOnly;
    private final String projectTypes;
    private final ProjectMembers members;

    /**
     * @param config the {@code infra.realtime.visibility} and {@code projects} settings
     * @param members who is assigned to which project
     */
    public Visibility(RealtimeConfig config, ProjectMembers members) {
        this.adminOnly = config.visibility().adminOnlyTypes().stream()
                .map(TypePattern::new)
                .toList();
        this.projectTypes = config.projects().typePrefix();
        this.members = members;
    }

    /**
     * @param identity the caller
     * @return the caller's clearance, or {@code null} when the caller may not connect at all
     */
    public Clearance clearanceOf(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        if (identity.hasRole(Scopes.ADMIN)) {
            return new Clearance(true, identity.getPrincipal().getName());
        }
        return identity.hasRole(Scopes.EVENTS_READ) ? new Clearance(false, member(identity)) : null;
    }

    /** @return the user whose project assignments apply: a person's name, an API key's owner */
    private static String member(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt
                && ActorType.fromClaim(text(jwt.getClaim(InternalToken.PRINCIPAL_TYPE_CLAIM))) == ActorType.API_KEY) {
            return text(jwt.getClaim(InternalToken.ACTS_FOR_CLAIM));
        }
        return identity.getPrincipal().getName();
    }

    private static String text(Object claim) {
        return claim instanceof JsonString json ? json.getString() : claim == null ? null : claim.toString();
    }

    /**
     * @param clearance the caller's clearance
     * @param event an event
     * @return whether a caller of that clearance may receive it
     */
    public boolean allows(Clearance clearance, LiveEvent event) {
        if (clearance.admin()) {
            return true;
        }
        if (event.type().startsWith(projectTypes)) {
            return event.projectId() != null && members.isMember(event.projectId(), clearance.member());
        }
        for (TypePattern pattern : adminOnly) {
            if (pattern.matches(event.type())) {
                return false;
            }
        }
        return true;
    }

    /**
     * What a connected caller may see.
     *
     * @param admin {@code admin}: everything; otherwise {@code events:read}: everything but the
     *     admin-only types, and the project events of its projects
     * @param member the user whose project assignments apply ({@code null}: none)
     */
    public record Clearance(boolean admin, String member) {}
}
