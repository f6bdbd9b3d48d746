package io.infrasystem.inventory.monitoring.poll;

import io.infrasystem.inventory.asset.Asset;
import io.infrasystem.inventory.monitoring.zabbix.ZabbixHost;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the suite entity a Zabbix host stands for, in this order: an asset whose host name is the
 * Zabbix host's technical or visible name (case-insensitive); an asset whose management or other
 * IP is one of the host's interface IPs; the host's tag {@value #TAG} whose value is a suite
 * reference ({@code inventory:asset:42}, {@code vm:vm:1234}, {@code cert:certificate:7}; the only
 * way to name an entity of another service, whose tables this service cannot read). A name or IP
 * that several assets share matches none of them. Assets of the connection's site are preferred.
 */
@ApplicationScoped
public class HostMapper {

    /** The Zabbix host tag that names a suite reference. */
    public static final String TAG = "infra.ref";

    private static final Pattern REFERENCE = Pattern.compile("[a-z]+:[a-z_]+:[0-9]+");

    /**
     * @param host the Zabbix host
     * @param siteId the connection's site
     * @return the entity, or empty when nothing matches
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    Optional<EntityMatch> match(ZabbixHost host, long siteId) {
        List<String> names =
                List.of(host.host().toLowerCase(Locale.ROOT), host.name().toLowerCase(Locale.ROOT));
        Optional<Asset> byName = single(Asset.list("lower(hostname) in ?1", names), siteId);
        if (byName.isPresent()) {
            return byName.map(a -> new EntityMatch(reference(a), "name"));
        }
        for (String ip : host.ips()) {
            Optional<Asset> byIp =
                    single(Asset.list("mgmtIp = ?1 or otherIps like ?2", ip, "%\"" + ip + "\"%"), siteId);
            if (byIp.isPresent()) {
                return byIp.map(a -> new EntityMatch(reference(a), "ip"));
            }
        }
        String tagged = host.tags().get(TAG);
        if (tagged != null && REFERENCE.matcher(tagged.strip()).matches()) {
            return Optional.of(new EntityMatch(tagged.strip(), "tag"));
        }
        return Optional.empty();
    }

    private static Optional<Asset> single(List<Asset> candidates, long siteId) {
        if (candidates.size() == 1) {
            return Optional.of(candidates.get(0));
        }
        List<Asset> atSite = candidates.stream()
                .filter(a -> a.site != null && a.site.id == siteId)
                .toList();
        return atSite.size() == 1 ? Optional.of(atSite.get(0)) : Optional.empty();
    }

    private static String reference(Asset asset) {
        return "inventory:asset:" + asset.id;
    }
}
