package io.infrasystem.inventory.backup;

import java.time.Instant;
import java.util.List;

/**
 * {@code manifest.json} of a backup archive.
 *
 * @param format always {@code infra-inventory-backup}
 * @param formatVersion layout version, 1
 * @param schemaVersion id of the last Liquibase changeset applied when the backup was taken; a
 *     restore needs the same
 * @param tables one entry per {@code <table>.json} file
 */
public record BackupManifest(
        String format, int formatVersion, String schemaVersion, Instant createdAt, List<TableFile> tables) {

    /**
     * @param rows number of rows in the file
     * @param sha256 hex SHA-256 of the file's bytes
     */
    public record TableFile(String table, String file, long rows, String sha256) {}
}
