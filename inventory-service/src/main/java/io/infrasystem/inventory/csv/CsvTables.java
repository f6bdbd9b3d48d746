package io.infrasystem.inventory.csv;

import io.infrasystem.commons.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The CSV tables by their kind in URLs: {@code assets}, {@code racks}, {@code models}. */
@ApplicationScoped
public class CsvTables {

    private final List<CsvTable<?>> tables;

    public CsvTables(AssetCsv assets, RackCsv racks, ModelCsv models) {
        this.tables = List.of(assets, racks, models);
    }

    /** @throws ProblemException 404 for a kind that has no CSV form */
    public CsvTable<?> of(String kind) {
        return tables.stream()
                .filter(t -> t.kind().equals(kind))
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("CSV kind", kind + " (use assets, racks or models)"));
    }
}
