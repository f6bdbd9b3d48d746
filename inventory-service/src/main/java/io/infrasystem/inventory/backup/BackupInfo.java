package io.infrasystem.inventory.backup;

import java.time.Instant;
import java.util.Map;

/**
 * A stored backup archive.
 *
 * @param sizeBytes archive size in bytes
 * @param sha256 hex SHA-256 of the whole archive
 * @param rows rows per table, from its manifest
 */
public record BackupInfo(
        String name, Instant createdAt, long sizeBytes, String sha256, String schemaVersion, Map<String, Long> rows) {}
