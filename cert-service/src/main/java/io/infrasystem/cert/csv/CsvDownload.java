package io.infrasystem.cert.csv;

import io.infrasystem.commons.filter.QueryFilter;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
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
 * Streams the matches of a list's filters as CSV (RFC 4180 via Apache Commons CSV, UTF-8, one
 * header row), {@value #CHUNK} rows per read transaction so memory stays flat. The filter is
 * parsed by the caller before this is called, so a bad filter is a 400 before the first byte.
 */
@ApplicationScoped
public class CsvDownload {

    static final int CHUNK = 500;

    /**
     * @param name the attachment's name without {@code .csv}
     * @param header the column names
     * @param filter the parsed list filter
     * @param finder the query of the filter's matches, in its order
     * @param row the cells of one entity, in header order (times as ISO-8601 through {@code toString})
     * @return 200 {@code text/csv} as an attachment
     */
    public <E> Response download(
            String name,
            List<String> header,
            QueryFilter filter,
            Function<QueryFilter, PanacheQuery<E>> finder,
            Function<E, List<Object>> row) {
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
                    List<List<Object>> rows = QuarkusTransaction.requiringNew().call(() -> {
                        List<List<Object>> chunk = new ArrayList<>();
                        for (E entity : finder.apply(filter)
                                .range(from, from + CHUNK - 1)
                                .list()) {
                            chunk.add(row.apply(entity));
                        }
                        Panache.getEntityManager().clear();
                        return chunk;
                    });
                    for (List<Object> cells : rows) {
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
                .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"")
                .build();
    }
}
