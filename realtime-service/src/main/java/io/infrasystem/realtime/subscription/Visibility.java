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
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Decides which events a caller may receive (DESIGN.md §2 and §10): a caller connects with
 * {@code events:read} and then receives events of type {@code <service>.*} only when it also holds
 * {@code <service>:read} (a key with {@code events:read} alone receives nothing); the admin-only
 * types ({@code mail.*}, {@code gateway.*}, {@code vm.system_api.*} by default: they carry webhook
 * URLs and delivery details) reach {@code admin} only; {@code admin} receives everything. Events of
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
        boolean admin = identity.hasRole(Scopes.ADMIN);
        if (!admin && !identity.hasRole(Scopes.EVENTS_READ)) {
            return null;
        }
        Instant expiresAt = identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getExpirationTime() > 0
                ? Instant.ofEpochSecond(jwt.getExpirationTime())
                : null;
        return new Clearance(
                identity.getPrincipal().getName(), admin, member(identity), identity.getRoles(), expiresAt);
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
     * @param event an event ({@code type} is {@code <service>.<entity>.<action>})
     * @return whether a caller of that clearance may receive it
     */
    public boolean allows(Clearance clearance, LiveEvent event) {
        if (clearance.admin()) {
            return true;
        }
        String type = event.type();
        for (TypePattern pattern : adminOnly) {
            if (pattern.matches(type)) {
                return false;
            }
        }
        int dot = type.indexOf('.');
        if (dot <= 0 || !clearance.groups().contains(type.substring(0, dot) + ":read")) {
            return false;
        }
        if (type.startsWith(projectTypes)) {
            return event.projectId() != null && members.isMember(event.projectId(), clearance.member());
        }
        return true;
    }

    /**
     * What a connected caller may see, as its internal token said at connection time.
     *
     * @param principal the caller's name (user name or {@code key:<owner>/<name>}), for the per-principal stream cap
     * @param admin whether it holds {@code admin}
     * @param member the user whose project assignments apply ({@code null}: none)
     * @param groups its roles and scopes
     * @param expiresAt when its internal token expires (the stream is closed then), or {@code null}
     */
    public record Clearance(String principal, boolean admin, String member, Set<String> groups, Instant expiresAt) {

        public Clearance {
            groups = Set.copyOf(groups);
        }

        /** @return whether the token behind this clearance has expired at {@code now} */
        public boolean expiredAt(Instant now) {
            return expiresAt != null && !now.isBefore(expiresAt);
        }
    }
}
