package io.infrasystem.vm.payload;

import java.util.List;

/**
 * A whole sync payload once parsed.
 *
 * @param shape which format it was recognised as
 * @param platform the platform that format belongs to ({@code nutanix}, {@code vmware}, or the
 *     platform named inside a normalized payload)
 * @param vms every VM it carries, uuids unique
 * @param singleEvent whether it describes one VM event (a Prism webhook) rather than an inventory;
 *     such payloads sync as {@code partial} unless the caller says otherwise
 */
public record ParsedPayload(PayloadShape shape, String platform, List<ParsedVm> vms, boolean singleEvent) {}
