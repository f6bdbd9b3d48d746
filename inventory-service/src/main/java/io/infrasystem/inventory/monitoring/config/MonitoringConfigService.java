package io.infrasystem.inventory.monitoring.config;

import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.crud.CrudKind;
import io.infrasystem.commons.crud.EntityCrudService;
import io.infrasystem.commons.crud.References;
import io.infrasystem.commons.filter.FilterField;
import io.infrasystem.commons.http.MergePatch;
import io.infrasystem.commons.http.OutboundGuard;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.inventory.monitoring.poll.PollStates;
import io.infrasystem.inventory.site.Site;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Objects;

/**
 * The Zabbix connections of the sites: list (filters {@code site}, {@code site_id}, {@code enabled}),
 * read, create, update, delete. One connection per site (409 for a second). A change of URL or
 * credentials forgets the cached Zabbix session. URLs must be {@code http(s)} and pass
 * {@link OutboundGuard} (400 {@code zabbix_url} otherwise).
 */
@ApplicationScoped
public class MonitoringConfigService
        extends EntityCrudService<MonitoringConfig, MonitoringConfigDto, MonitoringConfigInput> {

    static final CrudKind<MonitoringConfig, MonitoringConfigDto, MonitoringConfigInput> KIND = CrudKind.of(
                    "monitoring_config", MonitoringConfig.class, MonitoringConfigInput.class)
            .listedBy(CrudKind.filters("c", "id")
                    .relation("site", "c.site", "Site", "slug", "name")
                    .field(FilterField.bool("enabled", "c.enabled"))
                    .search("c.zabbixUrl"))
            .entity(MonitoringConfig::new, MonitoringConfig::dto, MonitoringConfig::input);

    private final OutboundGuard outbound;
    private final PollStates pollStates;

    public MonitoringConfigService(
            ChangeRecorder changes, MergePatch mergePatch, OutboundGuard outbound, PollStates pollStates) {
        super(changes, mergePatch, KIND);
        this.outbound = outbound;
        this.pollStates = pollStates;
    }

    @Override
    protected void apply(MonitoringConfig config, MonitoringConfigInput input) {
        String url = input.zabbixUrl().strip();
        String scheme;
        try {
            scheme = URI.create(url).getScheme();
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("zabbix_url", "is not a valid URL");
        }
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw ProblemException.invalid("zabbix_url", "must be an http or https URL");
        }
        outbound.refusal(url, false).ifPresent(reason -> {
            throw ProblemException.invalid("zabbix_url", reason);
        });
        boolean credentialsChanged = config.id == null
                || !url.equals(config.zabbixUrl)
                || input.authMode() != config.authMode
                || input.apiToken() != null
                || input.password() != null
                || !Objects.equals(blankToNull(input.username()), config.username);
        if (input.authMode() == AuthMode.TOKEN) {
            if (input.apiToken() == null && (config.apiToken == null || config.authMode != AuthMode.TOKEN)) {
                throw ProblemException.invalid("api_token", "is required when auth_mode is token");
            }
            if (input.apiToken() != null) {
                config.apiToken = input.apiToken().strip();
            }
            config.username = null;
            config.password = null;
        } else {
            if (blankToNull(input.username()) == null) {
                throw ProblemException.invalid("username", "is required when auth_mode is password");
            }
            if (input.password() == null && (config.password == null || config.authMode != AuthMode.PASSWORD)) {
                throw ProblemException.invalid("password", "is required when auth_mode is password");
            }
            config.username = input.username().strip();
            if (input.password() != null) {
                config.password = input.password();
            }
            config.apiToken = null;
        }
        Site site = References.require(Site.class, "site", "site_id", input.siteId());
        if (config.site == null || !config.site.id.equals(site.id)) {
            long others =
                    MonitoringConfig.count("site.id = ?1 and id <> ?2", site.id, config.id == null ? -1L : config.id);
            if (others > 0) {
                throw ProblemException.conflict("site " + site.name + " has a monitoring configuration already");
            }
        }
        config.site = site;
        config.zabbixUrl = url;
        config.authMode = input.authMode();
        config.pollIntervalSeconds = input.pollIntervalSeconds();
        config.enabled = input.enabled() == null || input.enabled();
        if (credentialsChanged && config.id != null) {
            pollStates.forgetSession(config.id);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
