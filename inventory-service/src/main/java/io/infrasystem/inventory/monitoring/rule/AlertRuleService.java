package io.infrasystem.inventory.monitoring.rule;

import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.crud.CrudKind;
import io.infrasystem.commons.crud.EntityCrudService;
import io.infrasystem.commons.crud.References;
import io.infrasystem.commons.filter.FilterField;
import io.infrasystem.commons.http.MergePatch;
import io.infrasystem.commons.problem.Problem.FieldError;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.inventory.monitoring.alert.AlertSeverity;
import io.infrasystem.inventory.monitoring.alert.AlertSource;
import io.infrasystem.inventory.site.Site;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Alert rules: list (filters {@code name enabled site site_id q}), read, create, update, delete.
 * Every invalid field is named in one 400: an unknown severity, source or channel type, a channel
 * without its addresses or name, a malformed address. A rule needs an {@code email} channel
 * (mail-gateway sends every notification as an email; a {@code slack} or {@code webhook} channel of
 * mail-gateway receives a copy), and at most one {@code slack}/{@code webhook} channel (the
 * {@code notification.requested} contract names one channel).
 */
@ApplicationScoped
public class AlertRuleService extends EntityCrudService<AlertRule, AlertRuleDto, AlertRuleInput> {

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s,;<>]+@[^@\\s,;<>]+\\.[^@\\s,;<>]+");
    private static final Pattern CHANNEL_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern ENTITY_TYPE = Pattern.compile("[a-z]+:[a-z_]+");

    static final CrudKind<AlertRule, AlertRuleDto, AlertRuleInput> KIND = CrudKind.of(
                    "alert_rule", AlertRule.class, AlertRuleInput.class)
            .listedBy(CrudKind.filters("r", "name")
                    .fields(FilterField::text, "name")
                    .field(FilterField.bool("enabled", "r.enabled"))
                    .relation("site", "r.site", "Site", "slug", "name")
                    .search("r.name"))
            .entity(AlertRule::new, AlertRule::dto, AlertRule::input);

    public AlertRuleService(ChangeRecorder changes, MergePatch mergePatch) {
        super(changes, mergePatch, KIND);
    }

    @Override
    protected void validate(AlertRuleInput input) {
        List<FieldError> errors = new ArrayList<>();
        parse(AlertSeverity.values(), input.minSeverity(), "min_severity", errors);
        if (input.source() != null) {
            parse(AlertSource.values(), input.source(), "source", errors);
        }
        if (input.entityType() != null
                && !ENTITY_TYPE.matcher(input.entityType()).matches()) {
            errors.add(new FieldError("entity_type", "must be a reference prefix such as inventory:asset or vm:vm"));
        }
        int emails = 0;
        int named = 0;
        List<RuleChannel> channels = input.channels();
        for (int i = 0; i < channels.size(); i++) {
            RuleChannel channel = channels.get(i);
            String field = "channels[" + i + "]";
            if (channel == null) {
                errors.add(new FieldError(field, "must not be null"));
                continue;
            }
            ChannelType type = parse(ChannelType.values(), channel.type(), field + ".type", errors);
            if (type == ChannelType.EMAIL) {
                emails++;
                if (channel.to() == null || channel.to().isEmpty()) {
                    errors.add(new FieldError(field + ".to", "needs at least one address"));
                } else {
                    for (int j = 0; j < channel.to().size(); j++) {
                        String to = channel.to().get(j);
                        if (to == null || !ADDRESS.matcher(to.strip()).matches()) {
                            errors.add(new FieldError(field + ".to[" + j + "]", "is not an email address"));
                        }
                    }
                }
            } else if (type != null) {
                named++;
                if (channel.name() == null
                        || !CHANNEL_NAME.matcher(channel.name()).matches()) {
                    errors.add(new FieldError(field + ".name", "must name a notification channel of mail-gateway"));
                }
            }
        }
        if (emails == 0 && errors.stream().noneMatch(e -> e.field().endsWith(".type"))) {
            errors.add(new FieldError("channels", "needs an email channel: every notification is sent as an email"));
        }
        if (named > 1) {
            errors.add(new FieldError("channels", "at most one slack or webhook channel per rule"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static <E extends Enum<E> & io.infrasystem.commons.crud.WireEnum> E parse(
            E[] values, String value, String field, List<FieldError> errors) {
        String wanted = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        for (E e : values) {
            if (e.wire().equals(wanted)) {
                return e;
            }
        }
        errors.add(new FieldError(
                field,
                "must be one of "
                        + Arrays.stream(values)
                                .map(io.infrasystem.commons.crud.WireEnum::wire)
                                .toList()));
        return null;
    }

    @Override
    protected void apply(AlertRule rule, AlertRuleInput input) {
        List<FieldError> ignored = new ArrayList<>();
        rule.name = input.name().strip();
        rule.enabled = input.enabled() == null || input.enabled();
        rule.minSeverity = parse(AlertSeverity.values(), input.minSeverity(), "min_severity", ignored);
        rule.source = input.source() == null ? null : parse(AlertSource.values(), input.source(), "source", ignored);
        rule.entityType = input.entityType();
        rule.site = References.optional(Site.class, "site", "site_id", input.siteId());
        rule.channelList(input.channels().stream()
                .map(c -> new RuleChannel(
                        c.type().strip().toLowerCase(Locale.ROOT),
                        c.to() == null
                                ? null
                                : c.to().stream().map(String::strip).toList(),
                        c.name()))
                .toList());
        rule.repeatMinutes = input.repeatMinutes();
        if (AlertRule.count("name = ?1 and id <> ?2", rule.name, rule.id == null ? -1L : rule.id) > 0) {
            throw ProblemException.conflict("an alert rule named " + rule.name + " exists already");
        }
    }
}
