package io.infrasystem.inventory.backup;

import java.util.Map;

/**
 * What a restore did (or, with {@code dry_run}, would do).
 *
 * @param rows rows per table in the archive, all verified
 * @param replaced rows per table that were deleted (0 on a dry run)
 */
public record RestoreResult(boolean dryRun, String schemaVersion, Map<String, Long> rows, Map<String, Long> replaced) {}
