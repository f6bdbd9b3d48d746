package io.infrasystem.inventory.csv;

/**
 * What an import did.
 *
 * @param created rows that created an entity
 * @param updated rows that updated one (also when nothing changed)
 */
public record RowCounts(int created, int updated) {}
