package io.infrasystem.realtime.subscription;

import io.infrasystem.commons.security.Scopes;
import io.infrasystem.realtime.config.RealtimeConfig;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Decides which event types a caller may receive (DESIGN.md §2): holders of {@code events:read}
 * (viewers and up, API keys with that scope) receive every type except the admin-only ones
 * ({@code mail.*}, {@code gateway.*} by default); {@code admin} receives everything.
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
        if (identity.hasRole(Scopes.ADMIN)) {
            return Clearance.ADMIN;
        }
        return identity.hasRole(Scopes.EVENTS_READ) ? Clearance.READER : null;
    }

    /**
     * @param clearance the caller's clearance
     * @param type a CloudEvents type
     * @return whether a caller of that clearance may receive events of that type
     */
    public boolean allows(Clearance clearance, String type) {
        if (clearance == Clearance.ADMIN) {
            return true;
        }
        for (TypePattern pattern : adminOnly) {
            if (pattern.matches(type)) {
                return false;
            }
        }
        return true;
    }

    /** What a connected caller may see. */
    public enum Clearance {
        /** {@code events:read}: everything but the admin-only types. */
        READER,
        /** {@code admin}: everything. */
        ADMIN
    }
}
