package io.infrasystem.inventory.csv;

/**
 * One problem of an imported CSV file.
 *
 * @param line 1-based line of the file (1 is the header)
 * @param column 1-based column, {@code null} when the problem is not about one cell
 * @param field the column's header name (or {@code null}); also the {@code field} of the problem+json {@code errors}
 * @param message what is wrong
 */
public record ImportError(long line, Integer column, String field, String message) {}
