package io.infrasystem.realtime.support;

import io.infrasystem.commons.security.Scopes;
import io.infrasystem.commons.testing.TestTokens;
import java.util.Set;

/** Internal tokens of the roles the tests need. */
public final class Tokens {

    private Tokens() {}

    /** @return a viewer's token (every {@code :read} scope and {@code events:read}) */
    public static String viewer() {
        return TestTokens.user("vera", Scopes.groupsForRoles(Set.of(Scopes.VIEWER)));
    }

    /**
     * @return the benchmark clients' token: {@code events:read} and {@code bench:read}, so that
     *     {@code bench.*} events reach it as {@code vm.*} events reach a {@code vm:read} holder
     */
    public static String benchReader() {
        return TestTokens.user("bench-reader", Set.of(Scopes.EVENTS_READ, "bench:read"));
    }

    /** @return an administrator's token */
    public static String admin() {
        return TestTokens.user("root", Scopes.groupsForRoles(Set.of(Scopes.ADMIN)));
    }
}
