package io.infrasystem.cert.ignore;

import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** How ignore patterns match a value; all comparisons are case-insensitive. */
public final class Patterns {

    private Patterns() {}

    /**
     * @param type {@code exact} (equal), {@code glob} ({@code *} any run of characters including
     *     dots, {@code ?} one character, the rest literal) or {@code regex} (Java syntax, matched
     *     against the whole value)
     * @param pattern the pattern
     * @param value the value tried; {@code null} never matches
     * @return whether it matches
     */
    public static boolean matches(MatchType type, String pattern, String value) {
        if (value == null) {
            return false;
        }
        return switch (type) {
            case EXACT -> pattern.strip().equalsIgnoreCase(value.strip());
            case GLOB ->
                compile(globToRegex(pattern.strip())).matcher(value.strip()).matches();
            case REGEX -> compile(pattern).matcher(value.strip()).matches();
        };
    }

    /**
     * @return {@code null} when the pattern is usable, else why not
     */
    public static String problem(MatchType type, String pattern) {
        if (type != MatchType.REGEX) {
            return null;
        }
        try {
            compile(pattern);
            return null;
        } catch (PatternSyntaxException e) {
            return "is not a valid regular expression: " + e.getDescription();
        }
    }

    private static Pattern compile(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    static String globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '*' || c == '?') {
                if (!literal.isEmpty()) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return regex.toString();
    }
}
