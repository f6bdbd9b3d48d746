package io.infrasystem.inventory.monitoring.rule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrasystem.commons.crud.Tracked;
import io.infrasystem.inventory.monitoring.alert.AlertSeverity;
import io.infrasystem.inventory.monitoring.alert.AlertSource;
import io.infrasystem.inventory.site.Site;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import java.util.List;

/**
 * An alert rule (table {@code alert_rule}): which alerts (lowest severity, source, entity type,
 * site) go to which channels, and how often they are sent again while open.
 */
@Entity
public class AlertRule extends Tracked {

    private static final ObjectMapper JSON = new ObjectMapper();

    public String name;
    public boolean enabled;
    public AlertSeverity minSeverity;
    public AlertSource source;

    /** Reference prefix, e.g. {@code inventory:asset} or {@code vm:vm}; {@code null} for any. */
    public String entityType;

    @ManyToOne(fetch = FetchType.LAZY)
    public Site site;

    /** JSON array of {@link RuleChannel}. */
    public String channels;

    /** Minutes between two sends while the alert stays open (unacknowledged); 0 sends once. */
    public int repeatMinutes;

    /** @return the channels */
    public List<RuleChannel> channelList() {
        try {
            return channels == null ? List.of() : JSON.readValue(channels, new TypeReference<List<RuleChannel>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("alert_rule.channels is not JSON", e);
        }
    }

    void channelList(List<RuleChannel> list) {
        try {
            channels = JSON.writeValueAsString(list);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the API form */
    public AlertRuleDto dto() {
        return new AlertRuleDto(
                id,
                name,
                enabled,
                minSeverity,
                source,
                entityType,
                site == null ? null : site.id,
                channelList(),
                repeatMinutes,
                version,
                createdAt,
                updatedAt);
    }

    /** @return the current values as an input */
    public AlertRuleInput input() {
        return new AlertRuleInput(
                name,
                enabled,
                minSeverity == null ? null : minSeverity.wire(),
                source == null ? null : source.wire(),
                entityType,
                site == null ? null : site.id,
                channelList(),
                repeatMinutes);
    }
}
