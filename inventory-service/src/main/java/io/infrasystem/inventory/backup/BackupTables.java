package io.infrasystem.inventory.backup;

import java.util.List;

/**
 * The tables a backup holds, parents first (the insert order of a restore; deletes run in
 * reverse). The audit log and the outbox are history and delivery state, not inventory: they are
 * not backed up, and a restore leaves them in place and adds its own audit entry.
 * {@code rack_unit_occupancy} is rebuilt by the asset triggers as rows are restored. The
 * monitoring poll state (cursor, cached session, status) is not kept: a restore removes it with
 * its connections, and the next poll starts afresh (imports the open problems).
 */
final class BackupTables {

    static final List<String> ORDER = List.of(
            "site",
            "manufacturer",
            "device_type",
            "rack",
            "model",
            "asset",
            "asset_tags",
            "storage_array",
            "maintenance_window",
            "monitoring_config",
            "alert_rule",
            "alert",
            "alert_notification");

    /** Format name written in every manifest. */
    static final String FORMAT = "infra-inventory-backup";

    /** Version of the archive layout. */
    static final int FORMAT_VERSION = 1;

    private BackupTables() {}
}
