package io.infrasystem.mail.support;

import io.infrasystem.commons.security.Scopes;
import io.infrasystem.commons.testing.TestTokens;
import java.util.Set;

/** Internal tokens of the callers the tests act as. */
public final class Tokens {

    private Tokens() {}

    /** @return an administrator */
    public static String admin() {
        return TestTokens.user("root", Scopes.groupsForRoles(Set.of(Scopes.ADMIN)));
    }

    /** @return an editor (may send) */
    public static String editor() {
        return TestTokens.user("alice", Scopes.groupsForRoles(Set.of(Scopes.EDITOR)));
    }

    /** @return a viewer (reads the log, cannot send or see settings) */
    public static String viewer() {
        return TestTokens.user("victor", Scopes.groupsForRoles(Set.of(Scopes.VIEWER)));
    }

    /** @return an API key with {@code mail:send} */
    public static String sender(String name) {
        return TestTokens.apiKey(name, Scopes.MAIL_SEND);
    }
}
