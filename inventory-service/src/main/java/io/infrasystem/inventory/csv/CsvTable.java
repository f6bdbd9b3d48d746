package io.infrasystem.inventory.csv;

import io.infrasystem.commons.filter.FilterSpec;
import java.util.List;

/**
 * A resource that can be exported to CSV and imported from it. Columns are the lower_snake field
 * names of the API; relations are written by name and read by name or id.
 *
 * @param <E> the entity
 */
public interface CsvTable<E> {

    /** @return the kind in the URL, e.g. {@code assets} */
    String kind();

    /** @return every column, in export order; the first is {@code id} */
    List<String> columns();

    /** @return the columns that name a relation by id on import, e.g. {@code site_id} */
    List<String> idColumns();

    /** @return the list filters the export accepts (those of the list endpoint) */
    FilterSpec filters();

    /** @return the HQL {@code from} clause whose alias the filters use, e.g. {@code from Asset a} */
    String from();

    /** @return the cells of one entity, in {@link #columns()} order ({@code null} for empty) */
    List<String> row(E entity);

    /**
     * Creates or updates the entities the rows describe, in the caller's transaction (which the
     * importer rolls back when any row is bad). Every write is recorded by the change hook.
     *
     * @param rows the well-formed data rows, in file order
     * @param errors receives every bad row's errors (line, column, message); when any is added,
     *     the caller rolls back whatever was written
     * @return how many rows created and updated
     */
    RowCounts importRows(List<CsvRow> rows, List<ImportError> errors);
}
