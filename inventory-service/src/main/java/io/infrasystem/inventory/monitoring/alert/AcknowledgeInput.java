package io.infrasystem.inventory.monitoring.alert;

import jakarta.validation.constraints.Size;

/**
 * An acknowledgement from the inbox.
 *
 * @param comment optional; sent to Zabbix as the acknowledgement's message (at most 2000 characters)
 */
public record AcknowledgeInput(@Size(max = 2000) String comment) {}
