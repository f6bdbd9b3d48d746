package io.infrasystem.inventory.monitoring.rule;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The writable fields of an alert rule. Severity and source are strings checked by the service, so
 * that an unknown value is a 400 naming its field.
 *
 * @param enabled {@code null} means true
 * @param minSeverity {@code info}, {@code warning} or {@code critical}
 * @param source {@code zabbix}, {@code threshold}, or {@code null} for any
 * @param entityType a reference prefix such as {@code inventory:asset} or {@code vm:vm}, or {@code null}
 * @param channels 1–10 channels: {@code {"type":"email","to":[…]}}, {@code {"type":"slack","name":…}},
 *     {@code {"type":"webhook","name":…}}
 * @param repeatMinutes 0 (send once) … 10080
 */
public record AlertRuleInput(
        @NotBlank @Size(max = 100) String name,
        Boolean enabled,
        @NotBlank String minSeverity,
        String source,
        @Size(max = 60) String entityType,
        Long siteId,
        @NotNull @Size(min = 1, max = 10) List<RuleChannel> channels,
        @NotNull @Min(0) @Max(10080) Integer repeatMinutes) {}
