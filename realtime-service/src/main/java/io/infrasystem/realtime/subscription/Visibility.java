package io.infrasystem.realtime.subscription;

import io.infrasystem.commons.security.Scopes;
import io.infrasystem.realtime.config.RealtimeConfig;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Decides which event types a caller may receive (DESIGN.md §2 and §10): a caller connects with
 * {@code events:read} and then receives events of type {@code <service>.*} only when it also holds
 * {@code <service>:read} (a key with {@code events:read} alone receives nothing); the admin-only
 * types ({@code mail.*}, {@code gateway.*}, {@code vm.system_api.*} by default: they carry webhook
 * URLs and delivery details) reach {@code admin} only; {@code admin} receives everything.
 */
@ApplicationScoped
public class Visibility {

    private final List<TypePattern> adminOnly;

    /** @param config the {@code infra.realtime.visibility} settings */
    public Visibility(RealtimeConfig config) {
        this.adminOnly = config.visibility().adminOnlyTypes().stream()
                .map(TypePattern::new)
                .toList();
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
        return new Clearance(identity.getPrincipal().getName(), admin, identity.getRoles(), expiresAt);
    }

    /**
     * @param clearance the caller's clearance
     * @param type a CloudEvents type ({@code <service>.<entity>.<action>})
     * @return whether a caller of that clearance may receive events of that type
     */
    public boolean allows(Clearance clearance, String type) {
        if (clearance.admin()) {
            return true;
        }
        for (TypePattern pattern : adminOnly) {
            if (pattern.matches(type)) {
                return false;
            }
        }
        int dot = type.indexOf('.');
        return dot > 0 && clearance.groups().contains(type.substring(0, dot) + ":read");
    }

    /**
     * What a connected caller may see, as its internal token said at connection time.
     *
     * @param principal the caller's name (user name or {@code key:<owner>/<name>}), for the per-principal stream cap
     * @param admin whether it holds {@code admin}
     * @param groups its roles and scopes
     * @param expiresAt when its internal token expires (the stream is closed then), or {@code null}
     */
    public record Clearance(String principal, boolean admin, Set<String> groups, Instant expiresAt) {

        public Clearance {
            groups = Set.copyOf(groups);
        }

        /** @return whether the token behind this clearance has expired at {@code now} */
        public boolean expiredAt(Instant now) {
            return expiresAt != null && !now.isBefore(expiresAt);
        }
    }
}
