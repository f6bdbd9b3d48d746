package io.infrasystem.commons.security;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The authorization vocabulary of the suite (DESIGN.md §2): API-key scopes, and the realm roles
 * whose holders receive the scopes they imply. Services authorize with
 * {@code @RolesAllowed(Scopes.VM_WRITE)}; admin-only operations with {@code @RolesAllowed(Scopes.ADMIN)}.
 */
public final class Scopes {

    public static final String INVENTORY_READ = "inventory:read";
    public static final String INVENTORY_WRITE = "inventory:write";
    public static final String VM_READ = "vm:read";
    public static final String VM_WRITE = "vm:write";
    public static final String VM_SYNC = "vm:sync";
    public static final String CERT_READ = "cert:read";
    public static final String CERT_WRITE = "cert:write";
    public static final String PROJECT_READ = "project:read";
    public static final String PROJECT_WRITE = "project:write";
    public static final String MAIL_SEND = "mail:send";
    public static final String EVENTS_READ = "events:read";

    /** Realm role and group for administrators. */
    public static final String ADMIN = "admin";
    /** Realm role of people who change data. */
    public static final String EDITOR = "editor";
    /** Realm role of people who only read. */
    public static final String VIEWER = "viewer";

    /** Every scope an API key may hold. */
    public static final List<String> ALL = List.of(
            INVENTORY_READ,
            INVENTORY_WRITE,
            VM_READ,
            VM_WRITE,
            VM_SYNC,
            CERT_READ,
            CERT_WRITE,
            PROJECT_READ,
            PROJECT_WRITE,
            MAIL_SEND,
            EVENTS_READ);

    /**
     * Prefix of an API key scope that narrows {@code vm:sync} to one source:
     * {@code vm:sync:<source>} (the vCenter / Prism Central name, 1–100 characters without spaces).
     * A key holding one or more of them syncs only those sources; the gateway gives such a key
     * {@code vm:sync} too, so that the endpoints' {@code @RolesAllowed} still admit it.
     */
    public static final String VM_SYNC_SOURCE_PREFIX = VM_SYNC + ":";

    private Scopes() {}

    /**
     * @param scope a scope as a client wrote it
     * @return whether it is {@code vm:sync:<source>} with a source of 1–100 characters without white space
     */
    public static boolean isSyncSourceScope(String scope) {
        if (scope == null || !scope.startsWith(VM_SYNC_SOURCE_PREFIX)) {
            return false;
        }
        String source = scope.substring(VM_SYNC_SOURCE_PREFIX.length());
        return !source.isEmpty() && source.length() <= 100 && source.chars().noneMatch(Character::isWhitespace);
    }

    /**
     * @param groups the {@code groups} of an internal token
     * @return the sources its {@code vm:sync} is limited to; empty when it is not limited
     */
    public static Set<String> syncSources(java.util.Collection<String> groups) {
        Set<String> sources = new java.util.TreeSet<>();
        for (String group : groups) {
            if (isSyncSourceScope(group)) {
                sources.add(group.substring(VM_SYNC_SOURCE_PREFIX.length()));
            }
        }
        return sources;
    }

    /**
     * The {@code groups} of a user's internal token: the realm roles plus the scopes they imply
     * ({@code viewer}: every {@code :read} scope and {@code events:read}; {@code editor}: also every
     * {@code :write} scope and {@code vm:sync}; {@code admin}: every scope and {@code admin}).
     *
     * @param roles realm roles of the user, unknown ones are kept as they are
     * @return roles and implied scopes, in a stable order
     */
    public static Set<String> groupsForRoles(Set<String> roles) {
        Set<String> groups = new LinkedHashSet<>(roles);
        boolean admin = roles.contains(ADMIN);
        boolean editor = admin || roles.contains(EDITOR);
        boolean viewer = editor || roles.contains(VIEWER);
        for (String scope : ALL) {
            boolean read = scope.endsWith(":read");
            boolean write = scope.endsWith(":write") || scope.equals(VM_SYNC);
            if (admin || (editor && (read || write)) || (viewer && read)) {
                groups.add(scope);
            }
        }
        return groups;
    }
}
