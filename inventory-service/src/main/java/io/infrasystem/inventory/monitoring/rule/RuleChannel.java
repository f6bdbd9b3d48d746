package io.infrasystem.inventory.monitoring.rule;

import java.util.List;

/**
 * One channel of an alert rule.
 *
 * @param type {@code email}, {@code slack} or {@code webhook}
 * @param to email addresses ({@code email})
 * @param name the mail-gateway channel's name ({@code slack}, {@code webhook})
 */
public record RuleChannel(String type, List<String> to, String name) {}
