package io.infrasystem.mail.named;

import java.util.regex.Pattern;

/** The rule for names of templates and channels: 1–100 of {@code a-z 0-9 . _ -}, starting with a letter or digit. */
public final class Names {

    /** What the caller is told when a name breaks the rule. */
    public static final String RULE = "must be 1 to 100 of a-z, 0-9, '.', '_', '-', starting with a letter or digit";

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    private Names() {}

    /** @return whether {@code name} follows the rule */
    public static boolean valid(String name) {
        return name != null && NAME.matcher(name).matches();
    }
}
