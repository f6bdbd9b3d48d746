package io.infrasystem.realtime.subscription;

import java.util.regex.Pattern;

/**
 * A CloudEvents type pattern: a literal type ({@code vm.vm.updated}) or a glob in which {@code *}
 * matches any run of characters, dots included ({@code vm.*}, {@code inventory.asset.*},
 * {@code *}).
 *
 * @param text the pattern as the client wrote it
 */
public record TypePattern(String text) {

    private static final Pattern SYNTAX = Pattern.compile("[A-Za-z0-9._*-]{1,200}");

    /**
     * @param text pattern text
     * @throws IllegalArgumentException when the text holds other characters than letters, digits,
     *     {@code . _ - *} or is longer than 200 characters
     */
    public TypePattern {
        if (text == null || !SYNTAX.matcher(text).matches()) {
            throw new IllegalArgumentException(
                    "type pattern '" + text + "' must be 1-200 characters of letters, digits, '.', '_', '-' and '*'");
        }
    }

    /**
     * @param type a CloudEvents type
     * @return whether the pattern matches the whole type
     */
    public boolean matches(String type) {
        return glob(text, type);
    }

    private static boolean glob(String pattern, String value) {
        int p = 0;
        int v = 0;
        int star = -1;
        int mark = 0;
        while (v < value.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = v;
            } else if (p < pattern.length() && pattern.charAt(p) == value.charAt(v)) {
                p++;
                v++;
            } else if (star >= 0) {
                p = star + 1;
                v = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
