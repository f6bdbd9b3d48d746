package io.infrasystem.vm.payload;

import io.infrasystem.vm.facts.Platform;
import io.infrasystem.vm.facts.VmFacts;
import java.util.List;

/**
 * A whole sync payload once parsed.
 *
 * @param shape which format it was recognised as
 * @param platform the platform of the URL, which the format belongs to (a normalized payload may
 *     name it too)
 * @param vms every VM it carries, uuids unique
 * @param singleEvent whether it describes one VM event (a Prism webhook) rather than an inventory;
 *     such payloads sync as {@code partial} unless the caller says otherwise
 */
public record ParsedPayload(PayloadShape shape, Platform platform, List<VmFacts> vms, boolean singleEvent) {}
