package io.infrasystem.vm.sync;

import io.infrasystem.vm.facts.Platform;
import java.time.Instant;

/**
 * What every step of one payload, chunk or finish shares: which platform and source it syncs,
 * the run its rows are tied to, the time of the run (every row written carries it) and the stores
 * on the transaction's connection.
 *
 * @param platform the platform synced
 * @param source the vCenter / Prism Central synced
 * @param runId the run the history rows and VMs point to
 * @param now the time of the run (UTC)
 * @param store the sync tables
 * @param runs the run table
 */
record SyncContext(Platform platform, String source, long runId, Instant now, SyncStore store, SyncRunStore runs) {

    /** @return the event of a VM of this platform and source */
    VmEvent event(long id, String vmUuid, boolean deleted, io.infrasystem.vm.facts.VmFacts facts) {
        return new VmEvent(id, platform, source, vmUuid, deleted, facts);
    }
}
