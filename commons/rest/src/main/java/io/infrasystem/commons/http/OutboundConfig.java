package io.infrasystem.commons.http;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/**
 * The administrator's exceptions to the outbound address rule ({@code infra.outbound.*}), see
 * {@link OutboundGuard}.
 */
@ConfigMapping(prefix = "infra.outbound")
public interface OutboundConfig {

    /**
     * @return host names (exact, case-insensitive), IP addresses and CIDR ranges
     *     ({@code 10.20.0.0/16}, {@code fd00::/8}) that outbound calls may reach although they are
     *     loopback, link-local, private or metadata addresses (env {@code INFRA_OUTBOUND_ALLOW},
     *     comma-separated); none by default
     */
    Optional<List<String>> allow();
}
