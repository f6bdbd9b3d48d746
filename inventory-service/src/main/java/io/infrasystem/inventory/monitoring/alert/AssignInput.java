package io.infrasystem.inventory.monitoring.alert;

import jakarta.validation.constraints.Size;

/**
 * Who takes care of an alert.
 *
 * @param assignee a user name; {@code null} or blank unassigns
 */
public record AssignInput(@Size(max = 255) String assignee) {}
