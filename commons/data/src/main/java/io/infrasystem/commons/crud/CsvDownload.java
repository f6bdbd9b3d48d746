package io.infrasystem.commons.crud;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
 * Streams a list's rows as a CSV attachment (RFC 4180 through Apache Commons CSV, UTF-8, one header
 * row), {@value #CHUNK} entities per read transaction so memory stays flat whatever the size. Every
 * text cell goes through {@link CsvCells#escape(String)}, so no cell runs as a spreadsheet formula.
 * The caller resolves the selection (filters, visibility) before calling: a bad filter is a 400
 * before the first byte.
 */
public final class CsvDownload {

    /** Entities read per transaction. */
    public static final int CHUNK = 500;

    private CsvDownload() {}

    /** Reads one chunk of the selection, in its order; called inside a read transaction of its own. */
    @FunctionalInterface
    public interface ChunkReader<E> {

        /**
         * @param offset how many entities to skip
         * @param limit at most how many to return
         * @return the entities, fewer than {@code limit} only at the end
         */
        List<E> read(int offset, int limit);
    }

    /**
     * @param filename the attachment's name, e.g. {@code certificates.csv}
     * @param header the column names
     * @param reader reads the selection chunk by chunk
     * @param row the cells of one entity, in header order ({@code null} is an empty cell; times as
     *     ISO-8601 through {@code toString})
     * @return 200 {@code text/csv; charset=UTF-8} with {@code Content-Disposition: attachment}
     */
    public static <E> Response of(
            String filename, List<String> header, ChunkReader<E> reader, Function<E, List<?>> row) {
        StreamingOutput body = output -> {
            try (CSVPrinter printer = new CSVPrinter(
                    new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8)),
                    CSVFormat.RFC4180
                            .builder()
                            .setHeader(header.toArray(String[]::new))
                            .get())) {
                for (int offset = 0; ; offset += CHUNK) {
                    int from = offset;
                    List<List<Object>> rows = QuarkusTransaction.requiringNew().call(() -> chunk(reader, row, from));
                    for (List<Object> cells : rows) {
                        printer.printRecord(cells);
                    }
                    if (rows.size() < CHUNK) {
                        break;
                    }
                }
            }
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .build();
    }

    private static <E> List<List<Object>> chunk(ChunkReader<E> reader, Function<E, List<?>> row, int offset) {
        List<E> entities = reader.read(offset, CHUNK);
        List<List<Object>> rows = new ArrayList<>(entities.size());
        for (E entity : entities) {
            rows.add(CsvCells.record(row.apply(entity)));
        }
        if (!entities.isEmpty()) {
            // the chunk's entities are written; keep the persistence context from growing
            Panache.getEntityManager(entities.getFirst().getClass()).clear();
        }
        return rows;
    }
}
