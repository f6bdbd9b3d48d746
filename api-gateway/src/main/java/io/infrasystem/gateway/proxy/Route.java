package io.infrasystem.gateway.proxy;

import java.time.Duration;
import java.util.List;

/**
 * One resolved entry of the route table.
 *
 * @param name route name (e.g. {@code vm}), used in problems and the access log
 * @param prefix path prefix without trailing slash ({@code /api/vm})
 * @param host service host
 * @param port service port
 * @param ssl whether the service speaks HTTPS
 * @param maxBodyBytes body cap of the route
 * @param largeBodyPaths path prefixes with the larger cap
 * @param largeBodyBytes the larger cap
 * @param idleTimeout time without a byte from the service before 504
 */
public record Route(
        String name,
        String prefix,
        String host,
        int port,
        boolean ssl,
        long maxBodyBytes,
        List<String> largeBodyPaths,
        long largeBodyBytes,
        Duration idleTimeout) {

    /** @return whether {@code path} belongs to this route ({@code prefix} itself or below it) */
    public boolean matches(String path) {
        return covers(prefix, path);
    }

    /**
     * @return the body cap that applies to {@code path}: {@link #largeBodyBytes} on a large-body path
     *     or below it (whole segments: {@code /api/vm/sync} covers {@code /api/vm/sync/vmware}, not
     *     {@code /api/vm/sync-runs}), otherwise {@link #maxBodyBytes}
     */
    public long bodyCap(String path) {
        for (String large : largeBodyPaths) {
            if (covers(large, path)) {
                return largeBodyBytes;
            }
        }
        return maxBodyBytes;
    }

    /** @return whether {@code path} is {@code prefix} itself or below it, on a segment boundary */
    static boolean covers(String prefix, String path) {
        String base = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        return path.startsWith(base) && (path.length() == base.length() || path.charAt(base.length()) == '/');
    }
}
