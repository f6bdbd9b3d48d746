package io.infrasystem.inventory.csv;

import io.infrasystem.commons.crud.CsvCells;
import io.infrasystem.commons.filter.QueryFilter;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Streams a kind as CSV (RFC 4180, UTF-8, CRLF) in the order and with the filters of its list
 * endpoint, {@value #CHUNK} rows per read transaction, so memory stays flat whatever the size.
 * The file re-imports to the same state: it has the {@code id} column and every importable field;
 * text a spreadsheet would run as a formula gets a leading {@code '} ({@link CsvCells}), which import removes.
 */
@ApplicationScoped
public class CsvExporter {

    static final int CHUNK = 1000;

    private final CsvTables tables;

    public CsvExporter(CsvTables tables) {
        this.tables = tables;
    }

    /**
     * @param kind a kind of {@link CsvTables}, e.g. {@code assets}
     * @param query the request's filters
     * @return 200 {@code text/csv} as an attachment named {@code <kind>.csv}
     */
    public jakarta.ws.rs.core.Response download(String kind, MultivaluedMap<String, String> query) {
        return jakarta.ws.rs.core.Response.ok(export(tables.of(kind), query), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + kind + ".csv\"")
                .build();
    }

    /**
     * @param table the kind
     * @param query the request's filters (checked before the response starts: bad ones are 400)
     * @return the body writer
     */
    public StreamingOutput export(CsvTable<?> table, MultivaluedMap<String, String> query) {
        QueryFilter filter = table.filters().parse(query);
        return output -> {
            try (CSVPrinter printer = new CSVPrinter(
                    new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8)),
                    CSVFormat.RFC4180
                            .builder()
                            .setHeader(table.columns().toArray(String[]::new))
                            .get())) {
                int offset = 0;
                while (true) {
                    int from = offset;
                    List<List<String>> rows = QuarkusTransaction.requiringNew().call(() -> chunk(table, filter, from));
                    for (List<String> row : rows) {
                        printer.printRecord(CsvCells.record(row));
                    }
                    if (rows.size() < CHUNK) {
                        break;
                    }
                    offset += CHUNK;
                }
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static <E> List<List<String>> chunk(CsvTable<E> table, QueryFilter filter, int offset) {
        TypedQuery<E> query = (TypedQuery<E>)
                Panache.getEntityManager().createQuery(table.from() + " where " + filter.whereOrdered(), Object.class);
        for (Map.Entry<String, Object> parameter : filter.parameters().entrySet()) {
            query.setParameter(parameter.getKey(), parameter.getValue());
        }
        List<E> entities = query.setFirstResult(offset).setMaxResults(CHUNK).getResultList();
        List<List<String>> rows = new ArrayList<>(entities.size());
        for (E entity : entities) {
            rows.add(table.row(entity));
        }
        Panache.getEntityManager().clear();
        return rows;
    }
}
