package io.infrasystem.project.csv;

import io.infrasystem.project.access.ScopedCrudService;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Streams the rows of a list request as CSV (RFC 4180 through Apache Commons CSV, UTF-8, one header
 * row), {@value #CHUNK} rows per read transaction, so memory stays flat whatever the size. The
 * selection (filters and the caller's visibility) is resolved before the first byte: bad filters
 * are a 400, and the rows are exactly those the caller's list shows.
 */
public final class CsvDownload {

    static final int CHUNK = 500;

    private CsvDownload() {}

    /**
     * @param filename the attachment's name, e.g. {@code instances.csv}
     * @param entityType the entity class the selection reads
     * @param selection the rows, from {@link ScopedCrudService#selection}
     * @param header the column names
     * @param row the cells of one entity, in header order ({@code null} is an empty cell)
     * @return 200 {@code text/csv; charset=UTF-8}, {@code Content-Disposition: attachment}
     */
    public static <E> Response of(
            String filename,
            Class<E> entityType,
            ScopedCrudService.Selection selection,
            List<String> header,
            Function<E, List<?>> row) {
        StreamingOutput body = output -> {
            try (CSVPrinter printer = new CSVPrinter(
                    new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8)),
                    CSVFormat.RFC4180
                            .builder()
                            .setHeader(header.toArray(String[]::new))
                            .get())) {
                int offset = 0;
                while (true) {
                    int from = offset;
                    List<List<?>> rows =
                            QuarkusTransaction.requiringNew().call(() -> chunk(entityType, selection, row, from));
                    for (List<?> cells : rows) {
                        printer.printRecord(cells);
                    }
                    if (rows.size() < CHUNK) {
                        break;
                    }
                    offset += CHUNK;
                }
            }
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .build();
    }

    private static <E> List<List<?>> chunk(
            Class<E> entityType, ScopedCrudService.Selection selection, Function<E, List<?>> row, int offset) {
        EntityManager em = Panache.getEntityManager(entityType);
        TypedQuery<E> query = em.createQuery(selection.hql(), entityType);
        selection.parameters().forEach(query::setParameter);
        List<List<?>> rows = new ArrayList<>();
        for (E entity : query.setFirstResult(offset).setMaxResults(CHUNK).getResultList()) {
            rows.add(row.apply(entity));
        }
        em.clear();
        return rows;
    }
}
