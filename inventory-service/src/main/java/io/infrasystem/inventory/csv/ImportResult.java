package io.infrasystem.inventory.csv;

/**
 * What a CSV import did (or, with {@code dry_run}, would do).
 *
 * @param rows data rows read
 * @param created rows that create a resource
 * @param updated rows that update one (possibly with no change)
 */
public record ImportResult(String kind, boolean dryRun, int rows, int created, int updated) {}
