package io.infrasystem.gateway.edge;

import java.util.Locale;
import java.util.Optional;

/**
 * Refuses request paths that a service could read differently from the gateway. The gateway routes
 * and authorizes on the path exactly as received (never decoded or normalized), so any path whose
 * meaning changes under normalization is refused instead of rewritten: a {@code .} or {@code ..}
 * segment, an encoded dot, slash, backslash, percent or NUL ({@code %2e %2f %5c %25 %00}), an empty
 * segment ({@code //}), a matrix parameter ({@code ;}), a backslash, a malformed percent escape or a
 * path not starting with {@code /}. What passes names one resource for the gateway and the service
 * alike, so {@code /api/vm/../../q/metrics} cannot reach a service's management endpoints.
 */
public final class PathGuard {

    private PathGuard() {}

    /**
     * @param rawPath the path of the request line, without query string, as received (not decoded)
     * @return why the path is refused (for the problem's {@code detail}), or empty when it is accepted
     */
    public static Optional<String> refusal(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return Optional.of("the path must start with '/'");
        }
        if (rawPath.contains("//")) {
            return Optional.of("empty path segments ('//') are not accepted");
        }
        if (rawPath.indexOf(';') >= 0) {
            return Optional.of("path parameters (';') are not accepted");
        }
        if (rawPath.indexOf('\\') >= 0) {
            return Optional.of("backslashes are not accepted in paths");
        }
        for (int i = rawPath.indexOf('%'); i >= 0; i = rawPath.indexOf('%', i + 1)) {
            if (i + 2 >= rawPath.length() || !isHex(rawPath.charAt(i + 1)) || !isHex(rawPath.charAt(i + 2))) {
                return Optional.of("malformed percent escape in the path");
            }
            String escape = rawPath.substring(i + 1, i + 3).toLowerCase(Locale.ROOT);
            switch (escape) {
                case "2e", "2f", "5c", "25", "00", "3b" -> {
                    return Optional.of("encoded '" + (char) Integer.parseInt(escape, 16) + "' is not accepted in paths")
                            .map(PathGuard::printable);
                }
                default -> {}
            }
        }
        for (String segment : rawPath.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.of("'" + segment + "' segments are not accepted");
            }
        }
        return Optional.empty();
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static String printable(String detail) {
        return detail.replace("\u0000", "NUL");
    }
}
