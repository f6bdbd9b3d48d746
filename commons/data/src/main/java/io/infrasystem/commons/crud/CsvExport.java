package io.infrasystem.commons.crud;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/**
 * The optional CSV export of a {@link CrudResource}: given to {@link ExportableCrudResource}, it
 * answers {@code GET <collection>/export.csv}. The service owns how rows are read and written
 * (typically streamed in read transactions of its own).
 */
@FunctionalInterface
public interface CsvExport {

    /**
     * @param query the request's query parameters: the list endpoint's filters and {@code ordering}
     * @return 200 {@code text/csv} (usually an attachment, streamed)
     * @throws io.infrasystem.commons.problem.ProblemException 400 for unknown or malformed filters,
     *     checked before the first byte is sent
     */
    Response download(MultivaluedMap<String, String> query);
}
