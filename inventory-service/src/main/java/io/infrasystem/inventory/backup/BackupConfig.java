package io.infrasystem.inventory.backup;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where and how backups are kept ({@code inventory.backup.*}). */
@ConfigMapping(prefix = "inventory.backup")
public interface BackupConfig {

    /** Directory holding the archives; created when missing. Mount a volume here in containers. */
    @WithDefault("data/backups")
    String directory();

    /** Largest total size, in MiB, that a restore unpacks (guards against zip bombs). */
    @WithDefault("1024")
    int maxUnpackedMib();
}
