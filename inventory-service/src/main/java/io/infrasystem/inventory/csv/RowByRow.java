package io.infrasystem.inventory.csv;

import io.infrasystem.commons.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.function.Predicate;

/**
 * The simple import path (for tables of hundreds of rows): each row goes through the resource's
 * service like a single API write. The persistence context is flushed and cleared every
 * {@value #BATCH} rows.
 */
public final class RowByRow {

    /** Rows between two flushes and clears of the persistence context (keeps dirty checks short). */
    static final int BATCH = 200;

    private RowByRow() {}

    /**
     * @param apply creates or updates one row's entity; {@code true} when it created; throws
     *     {@link CellException} or {@link ProblemException} for a bad row
     * @return the counts (of the rows applied)
     */
    public static RowCounts importRows(List<CsvRow> rows, List<ImportError> errors, Predicate<CsvRow> apply) {
        EntityManager entityManager = Panache.getEntityManager();
        int created = 0;
        int updated = 0;
        int done = 0;
        for (CsvRow row : rows) {
            try {
                if (apply.test(row)) {
                    created++;
                } else {
                    updated++;
                }
            } catch (CellException | ProblemException e) {
                errors.addAll(row.errors(e));
            } catch (PersistenceException e) {
                errors.add(new ImportError(
                        row.line(),
                        null,
                        null,
                        "the database refused the row (a duplicate or a missing "
                                + "reference); the rows after it were not checked"));
                break;
            }
            if (++done % BATCH == 0) {
                if (errors.isEmpty()) {
                    entityManager.flush();
                }
                entityManager.clear();
            }
        }
        return new RowCounts(created, updated);
    }
}
