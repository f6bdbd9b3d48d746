package io.infrasystem.inventory.csv;

import java.util.List;

/**
 * The RFC 9457 body of a refused CSV import: the suite's problem members, with {@code errors}
 * that also carry the line and column of each bad cell.
 */
public record ImportProblem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String requestId,
        List<ImportError> errors) {}
