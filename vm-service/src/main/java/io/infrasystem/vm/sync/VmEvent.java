package io.infrasystem.vm.sync;

import io.infrasystem.vm.facts.Platform;
import io.infrasystem.vm.facts.VmFacts;

/**
 * The VM as change events and the audit log carry it ({@code vm.vm.*} on {@code vm.events}).
 *
 * @param id VM id
 * @param platform platform
 * @param source vCenter / Prism Central
 * @param vmUuid platform uuid
 * @param isDeleted whether it is soft-deleted
 * @param facts tracked facts (sizes in MiB and GiB)
 */
public record VmEvent(long id, Platform platform, String source, String vmUuid, boolean isDeleted, VmFacts facts) {}
