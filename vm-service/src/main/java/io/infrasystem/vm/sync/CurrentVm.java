package io.infrasystem.vm.sync;

/**
 * A VM of one platform and source as stored, with just what deciding "unchanged" needs.
 *
 * @param id row id
 * @param vmUuid platform uuid
 * @param name stored name
 * @param biosUuid stored SMBIOS uuid
 * @param deleted whether it is soft-deleted
 * @param fingerprint {@link io.infrasystem.vm.facts.VmFacts#fingerprint()} of its stored facts
 */
public record CurrentVm(long id, String vmUuid, String name, String biosUuid, boolean deleted, String fingerprint) {}
