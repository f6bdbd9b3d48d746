package io.infrasystem.gateway.principal;

import io.infrasystem.commons.security.ActorType;
import java.security.Principal;
import java.util.Set;

/**
 * Who a request comes from once the gateway has authenticated it.
 *
 * @param name {@code preferred_username} of a person, or the name of an API key ({@code <owner>/<key name>})
 * @param type {@link ActorType#USER} or {@link ActorType#API_KEY}
 * @param groups realm roles plus implied scopes for a person ({@code Scopes.groupsForRoles}), the
 *     key's scopes for an API key
 * @param actsFor for an API key, the user name of its owner (services that scope data per user,
 *     such as project-service's assignments, apply the owner's); {@code null} for a person
 */
public record GatewayPrincipal(String name, ActorType type, Set<String> groups, String actsFor) implements Principal {

    public GatewayPrincipal {
        groups = Set.copyOf(groups);
    }

    /** A principal that acts for no one else (a person). */
    public GatewayPrincipal(String name, ActorType type, Set<String> groups) {
        this(name, type, groups, null);
    }

    /** @return {@link #name()}, as {@link Principal} names it */
    @Override
    public String getName() {
        return name;
    }

    /** @return the key of this principal's rate-limit bucket and token cache entry */
    public String key() {
        return type.wireName() + ":" + name;
    }
}
